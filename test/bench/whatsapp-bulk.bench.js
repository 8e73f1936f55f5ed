'use strict';
/**
 * Benchmark (not a test): 1,000 template messages through the WhatsApp Cloud node against the sandbox with 100 ms
 * latency on every call and the number's default 80 msg/s throughput, beside n8n's built-in WhatsApp node
 * (n8n-nodes-base.whatsApp from the provisioned n8n 2.41.1) sending the same 1,000 through the same sandbox in the
 * same run. The built-in node's hard-coded https://graph.facebook.com/v13.0/ base URL is pointed at the sandbox
 * (requestDefaults.baseURL); nothing else of it is changed. Both run with "continue on fail" so every item has an
 * output to count. Prints achieved msg/s, throughput refusals, duplicates, lost messages and the TCP connections the
 * sandbox accepted per message.
 *
 * Keep-alive floor: the same 1,000 requests sent by a plain loop at the same 80 msg/s through one keep-alive agent,
 * and through a new agent per request (what n8n-core 2.41's helpers do: @n8n/backend-network builds an http(s).Agent
 * for every request, and nodes can pass only `agentOptions`, never an agent). The sandbox is plain HTTP on loopback:
 * a new connection here costs a TCP handshake of microseconds; to graph.facebook.com it is a TCP + TLS handshake of
 * one to two round trips, which this benchmark does not show.
 */
const http = require('http');
const path = require('path');
const { fork } = require('child_process');
const { Engine } = require('../harness/engine');
const { seedResult } = require('../sandbox');
const { provision } = require('../../scripts/provision-n8n');
const w = require('../support/whatsapp');

const COUNT = Number(process.env.BENCH_MESSAGES || 1000);
const LATENCY_MS = 100;
const LIMIT = 80;

/** The request our node sends for one item (Send Template, body parameters name and code). */
function templateRequest(url, seed, item) {
	return {
		url: `${url}/graph.facebook.com/v26.0/${seed.waba.phoneNumberId}/messages`,
		body: JSON.stringify({
			messaging_product: 'whatsapp',
			to: item.phone,
			type: 'template',
			template: { name: 'bench_notice', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: item.name }, { type: 'text', text: item.code }] }] },
		}),
	};
}

function postWith(agent, { url, body }, token) {
	return new Promise((resolve) => {
		const req = http.request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
			res.resume();
			res.on('end', () => resolve({ json: { status: res.statusCode } }));
		});
		req.on('error', (error) => resolve({ json: {}, error }));
		req.end(body);
	});
}

/** The floor: one request started every 1/LIMIT s (the node's pacing), through `agentFor()`'s agent. */
async function pacedLoop(url, seed, agentFor) {
	const started = Date.now();
	const pending = items.map(async (item, n) => {
		const wait = started + (n * 1000) / LIMIT - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		return await postWith(agentFor(), templateRequest(url, seed, item), seed.tokens.systemUser);
	});
	return { items: await Promise.all(pending) };
}

const items = Array.from({ length: COUNT }, (_, n) => ({ phone: `+49151${2000000 + n}`, name: `Customer ${n}`, code: `C${n}` }));

async function loadBuiltIn(engine, url) {
	const { dir } = await provision({ say: (line) => console.error(line) });
	const base = path.join(dir, 'node_modules', 'n8n-nodes-base', 'dist');
	const { WhatsApp } = require(path.join(base, 'nodes', 'WhatsApp', 'WhatsApp.node.js'));
	const { WhatsAppApi } = require(path.join(base, 'credentials', 'WhatsAppApi.credentials.js'));
	const node = new WhatsApp();
	node.description = { ...node.description, requestDefaults: { ...node.description.requestDefaults, baseURL: `${url}/graph.facebook.com/v13.0/` } };
	engine.nodeTypes['n8n-nodes-base.whatsApp'] = node;
	// n8n-core 2.41.1 gives a declarative node that also has a `webhook` (send-and-wait) no input items for expressions,
	// so every `{{ $json.… }}` fails with "Node '…' hasn't been executed" (cf. n8n issues #13887, #14285). The copy below
	// drops only that hook, which Send Template never uses, to measure how the node itself sends.
	const noWait = new WhatsApp();
	delete noWait.webhook;
	noWait.description = node.description;
	engine.nodeTypes['n8n-nodes-base.whatsAppNoWait'] = noWait;
	engine.credentials.credentialTypes.whatsAppApi = new WhatsAppApi();
}

/** The sandbox runs in a child process; `call(cmd, args)` sends it a command (see whatsapp-sandbox-process.js). */
function startSandboxProcess() {
	const child = fork(path.join(__dirname, 'whatsapp-sandbox-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let seq = 0;
	const waiting = new Map();
	child.on('message', ({ id, result, error }) => {
		const w = waiting.get(id);
		waiting.delete(id);
		if (error) w.reject(new Error(error));
		else w.resolve(result);
	});
	const call = (cmd, args) =>
		new Promise((resolve, reject) => {
			seq += 1;
			waiting.set(seq, { resolve, reject });
			child.send({ id: seq, cmd, args });
		});
	return { call };
}

/** Runs one node over the 1,000 items; counts what the sandbox accepted and refused during that run. */
async function measure(label, sandbox, runNode) {
	await sandbox.call('resetCounts');
	const started = Date.now();
	const result = await runNode();
	const seconds = (Date.now() - started) / 1000;
	const { accepted, refused, connections } = await sandbox.call('counts');
	const codes = accepted.map((m) => m.tag);
	const distinct = new Set(codes);
	const outputErrors = result.items.filter((i) => i.error).length;
	const times = accepted.map((m) => m.at).sort((a, b) => a - b);
	if (process.env.BENCH_DEBUG && times.length) console.error(`${label}: first accepted after ${((times[0] - started) / 1000).toFixed(2)} s, span ${((times[times.length - 1] - times[0]) / 1000).toFixed(2)} s`);
	return {
		label,
		seconds,
		rate: distinct.size / seconds,
		throughputRefusals: refused.filter((code) => code === 130429 || code === 131056).length,
		duplicates: codes.length - distinct.size,
		lost: COUNT - distinct.size,
		outputs: result.items.length,
		outputErrors,
		connectionsPerMessage: connections / Math.max(1, accepted.length + refused.length),
		runError: result.error ? result.error.message : '',
		firstItemError: (result.items.find((i) => i.error) || {}).error || '',
	};
}

async function main() {
	const sandbox = startSandboxProcess();
	const { url } = await sandbox.call('start');
	try {
		const seed = seedResult;
		await sandbox.call('setup', {
			templates: [{ name: 'bench_notice', language: 'en_US', components: [{ type: 'BODY', text: 'Hi {{1}}, your code is {{2}}.', example: { body_text: [['Jess', 'C1']] } }] }],
			mps: LIMIT,
			latencyMs: LATENCY_MS,
		});
		const engine = new Engine();
		await loadBuiltIn(engine, url);

		const ours = await measure('WhatsApp Cloud (this package), Send Template', sandbox, () =>
			engine.runNode({
				type: w.NODE_TYPE,
				credentials: { metaAccessTokenApi: engine.credentials.add('metaAccessTokenApi', { accessToken: seed.tokens.systemUser, baseUrlOverride: url }) },
				parameters: w.templateParams(seed, 'bench_notice', 'en_US', { body_1: '={{ $json.name }}', body_2: '={{ $json.code }}' }, { to: '={{ $json.phone }}', sendOptions: { messagesPerSecond: LIMIT } }),
				items,
				continueOnFail: true,
			}),
		);
		const builtInParameters = {
			resource: 'message',
			operation: 'sendTemplate',
			phoneNumberId: seed.waba.phoneNumberId,
			recipientPhoneNumber: '={{ $json.phone }}',
			template: 'bench_notice|en_US',
			components: {
				component: [{ type: 'body', bodyParameters: { parameter: [{ type: 'text', text: '={{ $json.name }}' }, { type: 'text', text: '={{ $json.code }}' }] } }],
			},
		};
		const builtInCredentials = { whatsAppApi: engine.credentials.add('whatsAppApi', { accessToken: seed.tokens.systemUser, businessAccountId: seed.waba.id }) };
		const runBuiltIn = (type) => () => engine.runNode({ type, typeVersion: 1.1, credentials: builtInCredentials, parameters: builtInParameters, items, continueOnFail: true });
		const builtIn = await measure("n8n's built-in WhatsApp Business Cloud node, as shipped", sandbox, runBuiltIn('n8n-nodes-base.whatsApp'));
		const builtInNoWait = await measure("n8n's built-in node without its send-and-wait webhook hook", sandbox, runBuiltIn('n8n-nodes-base.whatsAppNoWait'));
		const keepAlive = new http.Agent({ keepAlive: true });
		const floorKeepAlive = await measure('floor: paced loop, one keep-alive agent', sandbox, () => pacedLoop(url, seed, () => keepAlive));
		keepAlive.destroy();
		const floorNewAgent = await measure('floor: paced loop, a new agent per request (as n8n-core)', sandbox, () => pacedLoop(url, seed, () => new http.Agent()));
		const rows = [ours, builtIn, builtInNoWait, floorKeepAlive, floorNewAgent];

		console.log(`\n${COUNT} template messages, sandbox latency ${LATENCY_MS} ms per call, number throughput ${LIMIT} msg/s (130429 beyond it)\n`);
		console.log('| node | seconds | msg/s delivered | % of limit | throughput refusals | duplicates | lost | outputs (errors) | connections per message | time vs keep-alive floor |');
		console.log('|---|---|---|---|---|---|---|---|---|---|');
		for (const r of rows) {
			console.log(
				`| ${r.label} | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(1)} | ${((100 * r.rate) / LIMIT).toFixed(1)}% | ${r.throughputRefusals} | ${r.duplicates} | ${r.lost} | ${r.outputs} (${r.outputErrors})${r.runError ? ` run error: ${r.runError}` : ''} | ${r.connectionsPerMessage.toFixed(3)} | ${(r.seconds / floorKeepAlive.seconds).toFixed(2)}× |`,
			);
		}
		for (const r of rows) if (r.firstItemError) console.log(`\n${r.label}: first item error: ${r.firstItemError}`);
	} finally {
		await sandbox.call('stop');
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
