'use strict';
// The sandbox in its own process for the WhatsApp benchmark (Meta is remote: its timers must not share the event loop
// of the node being measured). Commands over IPC: setup, reset-counts, counts (messages, refusals, TCP connections).
const { createSandbox } = require('../sandbox');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

const sandbox = createSandbox();
const wa = whatsappAdmin(sandbox.state);

// TCP connections the sandbox accepted: connections opened per message, keep-alive or not.
let connections = 0;
const listen = sandbox.app.listen.bind(sandbox.app);
sandbox.app.listen = (...args) => listen(...args).on('connection', () => connections++);

const handlers = {
	async start() {
		return await sandbox.start();
	},
	setup({ templates, mps, latencyMs }) {
		const seed = sandbox.seedResult;
		wa.addTemplates(seed.waba.id, templates);
		wa.setNumber(seed.waba.phoneNumberId, { mps });
		sandbox.admin.setLatency({ ms: latencyMs });
		return { ok: true };
	},
	resetCounts() {
		const store = wa.store();
		store.accepted.length = 0;
		store.refused.length = 0;
		connections = 0;
		return { ok: true };
	},
	counts() {
		const store = wa.store();
		return {
			accepted: store.accepted.map((m) => ({ at: m.at, tag: m.payload.template.components[0].parameters[1].text })),
			refused: store.refused.map((r) => r.code),
			connections,
		};
	},
	async stop() {
		await sandbox.stop();
		setImmediate(() => process.exit(0));
		return { ok: true };
	},
};

process.on('message', async ({ id, cmd, args }) => {
	try {
		process.send({ id, result: await handlers[cmd](args || {}) });
	} catch (error) {
		process.send({ id, error: error.message });
	}
});
