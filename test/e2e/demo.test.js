'use strict';
// `npm run demo` end to end: the entry point runs as a child process on free ports with a temporary folder, its
// example workflows run in the real n8n against the sandbox, Ctrl-C (SIGINT) leaves no port open, and a second run
// on the same folder logs in and updates instead of duplicating. A fresh machine provisions n8n here first.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { connectToN8n, PACKAGE_NAME } = require('./n8n-instance');
const { processesUsing } = require('./queue-cluster');
const { DEMO_OWNER } = require('../../scripts/demo/options');
const { READY_PREFIX } = require('../../scripts/demo/banner');
const { loadExamples } = require('../../scripts/demo/workflows');

const PROVISION_TIMEOUT = 45 * 60 * 1000; // the first demo run may provision n8n (npm install + sqlite3 build)
jest.setTimeout(5 * 60 * 1000);

const DEMO = path.resolve(__dirname, '..', '..', 'scripts', 'demo.js');
const say = (line) => process.stderr.write(`[e2e demo] ${line}\n`);

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** True when something accepts connections on the port. */
function portOpen(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * Starts scripts/demo.js (the dist/ that `npm test` built: --skip-build, so no other suite sees dist/ vanish) and
 * resolves once it prints its ready line, with everything it printed so far.
 */
function startDemo({ dir, n8nPort, sandboxPort, timeoutMs }) {
	const child = spawn(process.execPath, [DEMO, '--skip-build', '--dir', dir, '--port', String(n8nPort), '--sandbox-port', String(sandboxPort)], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const demo = { child, output: '', exited: null };
	child.stdout.on('data', (d) => (demo.output += d));
	child.stderr.on('data', (d) => (demo.output += d));
	demo.exit = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			demo.exited = { code, signal };
			resolve(demo.exited);
		}),
	);
	demo.ready = new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`demo not ready after ${timeoutMs / 1000}s:\n${demo.output}`)), timeoutMs);
		child.stdout.on('data', () => {
			if (demo.output.split('\n').some((line) => line.startsWith(READY_PREFIX))) {
				clearTimeout(timer);
				resolve(demo.output);
			}
		});
		demo.exit.then((how) => {
			clearTimeout(timer);
			reject(new Error(`demo exited before it was ready (${JSON.stringify(how)}):\n${demo.output}`));
		});
	});
	return demo;
}

/** Sends `signal` and resolves to how the demo exited; SIGKILL after `graceMs` so a hang cannot outlive the test. */
async function stopDemo(demo, signal = 'SIGINT', graceMs = 60000) {
	if (demo.exited) return demo.exited;
	demo.child.kill(signal);
	const timer = setTimeout(() => demo.child.kill('SIGKILL'), graceMs);
	const how = await demo.exit;
	clearTimeout(timer);
	return how;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meta-demo-e2e-'));
let ports;
let demo;
let n8n;

beforeAll(async () => {
	ports = { n8n: await freePort(), sandbox: await freePort() };
	demo = startDemo({ dir, n8nPort: ports.n8n, sandboxPort: ports.sandbox, timeoutMs: PROVISION_TIMEOUT });
	await demo.ready;
	say(`demo ready on n8n :${ports.n8n}, sandbox :${ports.sandbox}`);
	n8n = await connectToN8n({ url: `http://127.0.0.1:${ports.n8n}`, userFolder: dir, owner: DEMO_OWNER });
}, PROVISION_TIMEOUT);

afterAll(async () => {
	if (demo) await stopDemo(demo, 'SIGTERM');
	fs.rmSync(dir, { recursive: true, force: true });
}, 90000);

const byName = (list, name) => list.filter((entry) => entry.name === name);

test('prints the editor, the login and the sandbox', () => {
	expect(demo.output).toContain(`http://127.0.0.1:${ports.n8n}`);
	expect(demo.output).toContain(`${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}`);
	expect(demo.output).toContain(`http://127.0.0.1:${ports.sandbox}`);
});

test('the example workflows and the five credentials exist, pointing at the sandbox', async () => {
	const workflows = await n8n.rest('GET', '/workflows');
	for (const { workflow } of loadExamples()) expect(byName(workflows, workflow.name)).toHaveLength(1);
	expect(byName(workflows, 'Daily Meta token check')[0].active).toBe(true);

	const credentials = await n8n.rest('GET', '/credentials');
	const expected = [
		['Meta system user token', 'metaAccessTokenApi'],
		['Meta user token', 'metaAccessTokenApi'],
		['Instagram Login token', 'metaAccessTokenApi'],
		['Meta app (webhooks)', 'metaAppApi'],
		['Meta Facebook Login (OAuth2)', 'metaOAuth2Api'],
	];
	for (const [name, type] of expected) {
		const [credential] = byName(credentials, name);
		expect(credential).toMatchObject({ type });
		const { data } = await n8n.getCredential(credential.id);
		expect(data.baseUrlOverride).toBe(`http://127.0.0.1:${ports.sandbox}`);
	}
});

test('"Check all Meta connections now" runs in n8n and every Setup Doctor reports a valid token', async () => {
	const [workflow] = byName(await n8n.rest('GET', '/workflows'), 'Check all Meta connections now');
	const { nodes } = await n8n.getWorkflow(workflow.id);
	const doctors = nodes.filter((node) => node.type === `${PACKAGE_NAME}.metaSetupDoctor`);
	expect(doctors).toHaveLength(3);

	const execution = await n8n.runManually(workflow.id, 'Manual Trigger');
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');
	for (const doctor of doctors) {
		const items = n8n.nodeOutput(execution, doctor.name);
		expect(items).toHaveLength(1);
		for (const item of items) expect(item.summary).toMatch(/^Valid/);
	}
});

test('"Daily ad results by campaign" runs in n8n: one simplified row per campaign', async () => {
	const [workflow] = byName(await n8n.rest('GET', '/workflows'), 'Daily ad results by campaign');
	const execution = await n8n.runManually(workflow.id, 'Every morning');
	expect(execution.data.resultData.error).toBeUndefined();
	const rows = n8n.nodeOutput(execution, 'Yesterday by campaign');
	expect(rows.length).toBeGreaterThan(1);
	expect(new Set(rows.map((row) => row.campaign_name)).size).toBe(rows.length);
	for (const row of rows) expect(typeof row.spend).toBe('number');
});

test('npm run demo:event sends a sandbox DM that reaches the active Instagram trigger workflow', async () => {
	const [workflow] = byName(await n8n.rest('GET', '/workflows'), 'Instagram DMs and comments');
	expect(workflow.active).toBe(true);
	const { execFileSync } = require('child_process');
	const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'demo-event.js'), 'dm', 'Is', 'this', 'still', 'available?'], {
		env: { ...process.env, N8N_META_SANDBOX_PORT: String(ports.sandbox) },
		encoding: 'utf8',
	});
	expect(out).toMatch(/n8n answered 200/);
	const deadline = Date.now() + 30000;
	let executions = [];
	while (Date.now() < deadline) {
		executions = await n8n.listExecutions(workflow.id);
		if (executions.some((e) => e.status === 'success')) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const execution = await n8n.waitForExecution(executions[0].id);
	const [dm] = n8n.nodeOutput(execution, 'Instagram Business Trigger', 0);
	expect(dm).toMatchObject({ kind: 'message', text: 'Is this still available?' });
	// The example answers the DM (the sample DM opened the conversation window, as at Meta).
	expect(n8n.nodeOutput(execution, 'Reply to the DM')).toHaveLength(1);
});

test.each([
	['whatsapp-reply', 'WhatsApp incoming messages', 'WhatsApp Cloud Trigger', { kind: 'message', messageType: 'text' }],
	['lead', 'New leads from lead ads', 'Meta Trigger', { kind: 'leadgen', field: 'leadgen' }],
])('npm run demo:event -- %s reaches "%s"', async (kind, workflowName, triggerName, expected) => {
	const [workflow] = byName(await n8n.rest('GET', '/workflows'), workflowName);
	expect(workflow.active).toBe(true);
	const { execFileSync } = require('child_process');
	const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'demo-event.js'), kind], {
		env: { ...process.env, N8N_META_SANDBOX_PORT: String(ports.sandbox) },
		encoding: 'utf8',
	});
	expect(out).toMatch(/n8n answered 200/);
	const deadline = Date.now() + 30000;
	let executions = [];
	while (Date.now() < deadline) {
		executions = await n8n.listExecutions(workflow.id);
		if (executions.some((e) => e.status === 'success')) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const execution = await n8n.waitForExecution(executions[0].id);
	expect(n8n.nodeOutput(execution, triggerName, 0)[0]).toMatchObject(expected);
	if (kind === 'whatsapp-reply') {
		// The customer's message opened the service window: the workflow's WhatsApp Cloud node answered in context.
		expect(execution.status).toBe('success');
		expect(n8n.nodeOutput(execution, 'Reply on WhatsApp')[0]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), type: 'text' });
	}
});

test('npm run demo:event -- delete-data: Meta gets a confirmation code, the request is recorded, the status page shows it', async () => {
	const [workflow] = byName(await n8n.rest('GET', '/workflows'), 'Meta data deletion requests (App Review)');
	expect(workflow.active).toBe(true);
	const { execFileSync } = require('child_process');
	const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'demo-event.js'), 'delete-data'], {
		env: { ...process.env, N8N_META_SANDBOX_PORT: String(ports.sandbox) },
		encoding: 'utf8',
	});
	expect(out).toMatch(/n8n answered 200/);
	const [, statusUrl, code] = out.match(/status page: (\S+) \(confirmation code (\S+)\)/);
	expect(statusUrl).toBe(`http://127.0.0.1:${ports.n8n}/webhook/meta-deletion-status?code=${code}`);

	const deadline = Date.now() + 30000;
	let executions = [];
	while (Date.now() < deadline) {
		executions = await n8n.listExecutions(workflow.id);
		if (executions.some((e) => e.status !== 'running' && e.status !== 'new')) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const execution = await n8n.waitForExecution(executions[0].id);
	expect(execution.status).toBe('success');
	expect(n8n.nodeOutput(execution, 'Meta App Compliance Trigger', 0)[0]).toMatchObject({ kind: 'data_deletion_request', confirmationCode: code });
	expect(n8n.nodeOutput(execution, 'Mark request completed')).toHaveLength(1);

	const page = await fetch(statusUrl);
	expect(page.status).toBe(200);
	expect(await page.text()).toContain(code);
	expect((await fetch(`http://127.0.0.1:${ports.n8n}/webhook/meta-deletion-status?code=unknown-code`)).status).toBe(404);
});

test('Ctrl-C (SIGINT) stops n8n and the sandbox, and leaves no process behind', async () => {
	expect(processesUsing([dir]).length).toBeGreaterThan(0); // the check sees the running n8n
	const how = await stopDemo(demo, 'SIGINT');
	expect(how).toEqual({ code: 0, signal: null });
	expect(await portOpen(ports.n8n)).toBe(false);
	expect(await portOpen(ports.sandbox)).toBe(false);
	expect(processesUsing([dir])).toEqual([]);
});

test('a second run on the same folder logs in and updates, without duplicates', async () => {
	demo = startDemo({ dir, n8nPort: ports.n8n, sandboxPort: ports.sandbox, timeoutMs: 5 * 60 * 1000 });
	const output = await demo.ready;
	expect(output).toContain('Credentials: 0 created, 5 updated');
	expect(output).toContain(`Workflows: 0 created, ${loadExamples().length} updated`);

	n8n = await connectToN8n({ url: `http://127.0.0.1:${ports.n8n}`, userFolder: dir, owner: DEMO_OWNER });
	const workflows = await n8n.rest('GET', '/workflows');
	expect(workflows.map((w) => w.name).sort()).toEqual(loadExamples().map((e) => e.workflow.name).sort());
	expect(await n8n.rest('GET', '/credentials')).toHaveLength(5);

	expect(await stopDemo(demo, 'SIGTERM')).toEqual({ code: 0, signal: null });
	expect(await portOpen(ports.n8n)).toBe(false);
	expect(await portOpen(ports.sandbox)).toBe(false);
	expect(processesUsing([dir])).toEqual([]);
});
