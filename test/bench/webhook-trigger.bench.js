'use strict';
/**
 * Benchmark (not a test): how long a trigger's webhook() takes for one signed 1,000-event WhatsApp delivery, beside
 * the floor (HMAC of the raw bytes + JSON.parse alone) and beside n8n's built-in WhatsApp Trigger (from the
 * provisioned n8n 2.41.1) on the same bytes, in the same run, with the items each emits. Ours runs three ways: a first
 * delivery (nothing remembered); a busy trigger's delivery (its record and this process's memory full of earlier ids,
 * the steady state of a trigger in production); and the same when another webhook processor saved the record last.
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

/** 100 changes of 10 messages = 1,000 events, with non-ASCII text as Meta escapes it. */
function deliveryBytes() {
	const entries = Array.from({ length: 100 }, () => events.whatsapp.messages(Array(10).fill('text'), { name: 'Zoë Müller' }));
	return Buffer.from(metaJson(events.envelope.whatsapp(...entries)));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Deliveries of the same size and shape with new message ids each time: the first four characters after `wamid.` of
 * every message id are the call's number. Made by copying bytes, so that building them leaves little garbage for the
 * measured rows' collector to sweep.
 */
function newDeliveries(template) {
	const marker = Buffer.from('"id":"wamid.');
	const offsets = [];
	for (let at = template.indexOf(marker); at >= 0; at = template.indexOf(marker, at + 1)) offsets.push(at + marker.length);
	let calls = 0;
	return () => {
		const bytes = Buffer.from(template);
		const n = calls++;
		const tag = Buffer.from([0, 6, 12, 18].map((shift) => BASE64.charCodeAt((n >> shift) & 63)));
		for (const offset of offsets) tag.copy(bytes, offset);
		return { bytes, signature: signatureOf(bytes) };
	};
}

const signatureOf = (bytes) => `sha256=${crypto.createHmac('sha256', SECRET).update(bytes).digest('hex')}`;

function fakeResponse() {
	const res = { statusCode: 200 };
	res.status = (code) => ((res.statusCode = code), res);
	res.type = () => res;
	res.json = () => res;
	res.send = () => res;
	res.end = () => res;
	return res;
}

/**
 * Calls a trigger's webhook() in n8n-core's real WebhookContext with a request as n8n's server hands it over. What n8n
 * does before webhook() is prepared outside the timed part (`prepare`), except the body's JSON.parse, which every row
 * and the floor include. `delivery` gives the bytes and signature of each call. A `firstDelivery` runner forgets what
 * the workflow and this process remember before every call, so it emits all 1,000 items every time (a redelivery
 * would emit none); otherwise the record and the process's memory build up as in a busy trigger, and `delivery` must
 * give new events every time. `anotherProcessWroteLast` makes every call find the record saved by another process.
 */
function webhookRunner(engine, nodeType, typeName, credentials, parameters, delivery, { firstDelivery, anotherProcessWroteLast = false }) {
	const node = { id: 'trigger-id', name: 'Trigger', type: typeName, typeVersion: 1, position: [0, 0], parameters, credentials };
	const workflow = new Workflow({ id: `bench-${typeName}-${firstDelivery}-${anotherProcessWroteLast}`, name: 'bench', active: true, nodeTypes: engine.nodeTypeProvider, nodes: [node], connections: {} });
	const description = nodeType.description.webhooks.find((w) => w.httpMethod === 'POST');
	return {
		prepare() {
			if (firstDelivery) {
				workflow.overrideStaticData({});
				forgetProcessMemory(workflow.id);
			}
			// As when another webhook processor (queue mode) saved the record last: the same ids under another `gen`
			// (dedupe.ts), so this process reads the record and puts back what it lacks.
			const record = anotherProcessWroteLast ? workflow.staticData[`node:${node.name}`]?.metaSeenEventLog : undefined;
			if (record) record.gen = Math.floor(Math.random() * 2 ** 52);
			const { bytes, signature } = delivery();
			const req = { rawBody: bytes, body: undefined, headers: { 'x-hub-signature-256': signature, 'content-type': 'application/json' }, query: {}, params: {} };
			const additionalData = { ...engine.additionalData(workflow), httpRequest: req, httpResponse: fakeResponse() };
			const webhookData = { httpMethod: 'POST', node: 'Trigger', path: 'x', webhookDescription: description, workflowId: workflow.id, workflowExecuteAdditionalData: additionalData };
			return { req, context: new core.WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null) };
		},
		async fn({ req, context }) {
			req.body = JSON.parse(req.rawBody.toString('utf8'));
			const result = await nodeType.webhook.call(context);
			return (result.workflowData ?? []).reduce((n, output) => n + output.length, 0);
		},
	};
}

/**
 * Runs the rows in turn, one call of each per round, so that all rows see the same machine load (this machine is
 * shared): the ratios compare like with like even when the absolute times drift.
 */
async function measureInterleaved(rows) {
	for (let i = 0; i < 10; i++) for (const row of rows) await row.fn(row.prepare?.());
	const times = rows.map(() => []);
	const items = rows.map(() => 0);
	for (let i = 0; i < ITERATIONS; i++) {
		for (const [index, row] of rows.entries()) {
			const prepared = row.prepare?.();
			const start = process.hrtime.bigint();
			items[index] = await row.fn(prepared);
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
	const sameDelivery = { bytes, signature: signatureOf(bytes) };
	const newDelivery = newDeliveries(deliveryBytes());
	const engine = new Engine();

	const ours = engine.nodeTypeProvider.getByNameAndVersion('n8n-nodes-meta-business.whatsAppCloudTrigger', 1);
	const ourCredentials = { metaAppApi: engine.credentials.add('metaAppApi', { appId: '1', appSecret: SECRET, verifyToken: 'v' }) };
	const ourType = 'n8n-nodes-meta-business.whatsAppCloudTrigger';
	const ourParameters = { events: ['message', 'status'] };
	const runOurs = webhookRunner(engine, ours, ourType, ourCredentials, ourParameters, () => sameDelivery, { firstDelivery: true });
	const runOursBusy = webhookRunner(engine, ours, ourType, ourCredentials, ourParameters, newDelivery, { firstDelivery: false });
	const runOursShared = webhookRunner(engine, ours, ourType, ourCredentials, ourParameters, newDelivery, { firstDelivery: false, anotherProcessWroteLast: true });
	// The busy triggers' records hold their 10,000 ids and this process remembers 20,000 before the first measured call.
	for (let i = 0; i < 25; i++) for (const runner of [runOursBusy, runOursShared]) await runner.fn(runner.prepare());

	const { dir } = await provision({ say: (line) => console.error(line) });
	const base = path.join(dir, 'node_modules', 'n8n-nodes-base', 'dist');
	const { WhatsAppTrigger } = require(path.join(base, 'nodes', 'WhatsApp', 'WhatsAppTrigger.node.js'));
	const { WhatsAppTriggerApi } = require(path.join(base, 'credentials', 'WhatsAppTriggerApi.credentials.js'));
	const builtIn = new WhatsAppTrigger();
	engine.nodeTypes['n8n-nodes-base.whatsAppTrigger'] = builtIn;
	engine.credentials.credentialTypes.whatsAppTriggerApi = new WhatsAppTriggerApi();
	const builtInCredentials = { whatsAppTriggerApi: engine.credentials.add('whatsAppTriggerApi', { clientId: '1', clientSecret: SECRET }) };
	const runBuiltIn = webhookRunner(engine, builtIn, 'n8n-nodes-base.whatsAppTrigger', builtInCredentials, { updates: ['messages'], options: {} }, () => sameDelivery, { firstDelivery: true });

	// What any verified trigger must do: the parse n8n does for the request, and the HMAC of the raw bytes.
	const floor = async () => {
		const body = JSON.parse(bytes.toString('utf8'));
		crypto.createHmac('sha256', SECRET).update(bytes).digest('hex');
		return body.entry.reduce((n, entry) => n + entry.changes.reduce((m, change) => m + change.value.messages.length, 0), 0);
	};

	const rows = await measureInterleaved([
		{ label: 'floor: HMAC + JSON.parse', fn: floor },
		{ label: 'Meta Business WhatsApp Cloud Trigger webhook(), first delivery', ...runOurs },
		{ label: 'same, busy trigger (record and process memory full, new ids)', ...runOursBusy },
		{ label: 'same, busy trigger whose record another webhook processor saved last', ...runOursShared },
		{ label: "n8n's built-in WhatsApp Trigger webhook()", ...runBuiltIn },
	]);
	console.log(`\nSigned WhatsApp delivery: ${bytes.length} bytes, 1,000 messages in 100 changes; ${ITERATIONS} rounds, one run of each row per round (the request parse n8n does before webhook() is included in every row; building n8n's WebhookContext is not)\n`);
	console.log('| what | median ms | p95 ms | items emitted | ratio to the floor (median of each round\'s ratio) |');
	console.log('|---|---|---|---|---|');
	for (const r of rows) console.log(`| ${r.label} | ${r.median} | ${r.p95} | ${r.items} | ${r.ratio.toFixed(2)}× |`);
	console.log('\nGoal for ours: ≤ 1.5× the floor, emitting 1,000 items.');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
