'use strict';
/**
 * Benchmark (not a test): how long a trigger's webhook() takes for one signed 1,000-event WhatsApp delivery, beside
 * the floor (HMAC of the raw bytes + JSON.parse alone) and beside n8n's built-in WhatsApp Trigger (from the
 * provisioned n8n 2.41.1) on the same bytes, in the same run, with the items each emits.
 */
const crypto = require('crypto');
const path = require('path');
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { Engine } = require('../harness/engine');
const events = require('../sandbox/products/events');
const { metaJson } = require('../sandbox/products/webhooks');
const { provision } = require('../../scripts/provision-n8n');
const { forgetProcessMemory } = require('../../dist/nodes/shared/webhooks/dedupe');

const SECRET = 'bench-app-secret';
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 400);

function deliveryBytes() {
	// 100 changes of 10 messages each = 1,000 events, with non-ASCII text as Meta escapes it.
	const entries = Array.from({ length: 100 }, () => events.whatsapp.messages(Array(10).fill('text'), { name: 'Zoë Müller' }));
	return Buffer.from(metaJson(events.envelope.whatsapp(...entries)));
}

function fakeResponse() {
	const res = { statusCode: 200 };
	res.status = (code) => ((res.statusCode = code), res);
	res.type = () => res;
	res.json = () => res;
	res.send = () => res;
	res.end = () => res;
	return res;
}

/** Calls a trigger's webhook() in n8n-core's real WebhookContext with a request as n8n's server hands it over. */
function webhookRunner(engine, nodeType, typeName, credentials, parameters, bytes, signature) {
	const node = { id: 'trigger-id', name: 'Trigger', type: typeName, typeVersion: 1, position: [0, 0], parameters, credentials };
	const workflow = new Workflow({ id: 'bench', name: 'bench', active: true, nodeTypes: engine.nodeTypeProvider, nodes: [node], connections: {} });
	const description = nodeType.description.webhooks.find((w) => w.httpMethod === 'POST');
	return async () => {
		// A first delivery every time: what the workflow and this process remember is forgotten between runs, so every
		// row emits its 1,000 items (a redelivery would emit none).
		workflow.overrideStaticData({});
		forgetProcessMemory();
		const req = { rawBody: bytes, body: JSON.parse(bytes.toString('utf8')), headers: { 'x-hub-signature-256': signature, 'content-type': 'application/json' }, query: {}, params: {} };
		const additionalData = { ...engine.additionalData(workflow), httpRequest: req, httpResponse: fakeResponse() };
		const webhookData = { httpMethod: 'POST', node: 'Trigger', path: 'x', webhookDescription: description, workflowId: 'bench', workflowExecuteAdditionalData: additionalData };
		const context = new core.WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		return (result.workflowData ?? []).reduce((n, output) => n + output.length, 0);
	};
}

/**
 * Runs the rows in turn, one call of each per round, so that all rows see the same machine load (this machine is
 * shared): the ratios compare like with like even when the absolute times drift.
 */
async function measureInterleaved(rows) {
	for (let i = 0; i < 10; i++) for (const row of rows) await row.fn();
	const times = rows.map(() => []);
	const items = rows.map(() => 0);
	for (let i = 0; i < ITERATIONS; i++) {
		for (const [index, row] of rows.entries()) {
			const start = process.hrtime.bigint();
			items[index] = await row.fn();
			times[index].push(Number(process.hrtime.bigint() - start) / 1e6);
		}
	}
	// Each row's time beside the first row's (the floor) in the same round, the median of those ratios: the machine's
	// speed drifts between rounds, and a ratio of two medians taken over different rounds moved by ±40 % between runs.
	const ratios = rows.map((row, index) => times[index].map((ms, round) => ms / times[0][round]).sort((a, b) => a - b));
	return rows.map((row, index) => {
		const sorted = [...times[index]].sort((a, b) => a - b);
		const pct = (p) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2));
		return { label: row.label, median: pct(0.5), p95: pct(0.95), items: items[index], ratio: ratios[index][Math.floor(ratios[index].length / 2)] };
	});
}

async function main() {
	const bytes = deliveryBytes();
	const signature = `sha256=${crypto.createHmac('sha256', SECRET).update(bytes).digest('hex')}`;
	const engine = new Engine();

	const ours = engine.nodeTypeProvider.getByNameAndVersion('n8n-nodes-meta-business.whatsAppCloudTrigger', 1);
	const ourCredentials = { metaAppApi: engine.credentials.add('metaAppApi', { appId: '1', appSecret: SECRET, verifyToken: 'v' }) };
	const runOurs = webhookRunner(engine, ours, 'n8n-nodes-meta-business.whatsAppCloudTrigger', ourCredentials, { events: ['message', 'status'] }, bytes, signature);

	const { dir } = await provision({ say: (line) => console.error(line) });
	const base = path.join(dir, 'node_modules', 'n8n-nodes-base', 'dist');
	const { WhatsAppTrigger } = require(path.join(base, 'nodes', 'WhatsApp', 'WhatsAppTrigger.node.js'));
	const { WhatsAppTriggerApi } = require(path.join(base, 'credentials', 'WhatsAppTriggerApi.credentials.js'));
	const builtIn = new WhatsAppTrigger();
	engine.nodeTypes['n8n-nodes-base.whatsAppTrigger'] = builtIn;
	engine.credentials.credentialTypes.whatsAppTriggerApi = new WhatsAppTriggerApi();
	const builtInCredentials = { whatsAppTriggerApi: engine.credentials.add('whatsAppTriggerApi', { clientId: '1', clientSecret: SECRET }) };
	const runBuiltIn = webhookRunner(engine, builtIn, 'n8n-nodes-base.whatsAppTrigger', builtInCredentials, { updates: ['messages'], options: {} }, bytes, signature);

	// What any verified trigger must do: the parse n8n does for the request, and the HMAC of the raw bytes.
	const floor = async () => {
		const body = JSON.parse(bytes.toString('utf8'));
		crypto.createHmac('sha256', SECRET).update(bytes).digest('hex');
		return body.entry.reduce((n, entry) => n + entry.changes.reduce((m, change) => m + change.value.messages.length, 0), 0);
	};

	const rows = await measureInterleaved([
		{ label: 'floor: HMAC + JSON.parse', fn: floor },
		{ label: 'Meta Business WhatsApp Cloud Trigger webhook()', fn: runOurs },
		{ label: "n8n's built-in WhatsApp Trigger webhook()", fn: runBuiltIn },
	]);
	console.log(`\nSigned WhatsApp delivery: ${bytes.length} bytes, 1,000 messages in 100 changes; ${ITERATIONS} rounds, one run of each row per round (the request parse n8n does before webhook() is included in every row)\n`);
	console.log('| what | median ms | p95 ms | items emitted | ratio to the floor (median of each round\'s ratio) |');
	console.log('|---|---|---|---|---|');
	for (const r of rows) console.log(`| ${r.label} | ${r.median} | ${r.p95} | ${r.items} | ${r.ratio.toFixed(2)}× |`);
	console.log('\nGoal for ours: ≤ 1.5× the floor, emitting 1,000 items.');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
