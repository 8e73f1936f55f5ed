'use strict';
/**
 * Benchmark (not a test): how fast a real n8n 2.41.1 answers a webhook delivery to our Instagram Business Trigger,
 * beside n8n's own Webhook node, in one n8n, in the same run:
 *   - signed small deliveries (one DM each), ours vs the plain Webhook node (no auth) on the same bytes;
 *   - wrong-signature deliveries refused by ours (401) vs wrong-token requests refused by a header-auth Webhook
 *     node (403; its credential is read to refuse, as ours is).
 * Requests are sequential, in alternating blocks per target so that each target's background work (the execution
 * a delivery starts, isolate replenishing) lands mostly on its own requests. p50 and p90 of the wall time seen by
 * the client. The package is the packed dist/ (npm run bench builds it), installed as users install it.
 *
 *   npm run bench -- webhook-ack            (alone)
 *   BENCH_ACK_REQUESTS=300 BENCH_N8N_CPU_PROF=/tmp/prof npm run bench -- webhook-ack   (with n8n CPU profiles)
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { packPackage, startN8n, PACKAGE_NAME } = require('../e2e/n8n-instance');
const { metaJson } = require('../sandbox/products/webhooks');

const REQUESTS = Number(process.env.BENCH_ACK_REQUESTS || 150);
const BLOCK = 25;
/** The trigger's node version under test (n8n evaluates an extra expression per request for any typeVersion 1 node). */
const OUR_VERSION = Number(process.env.BENCH_OUR_VERSION || 1);
const WARMUP = 15;
const APP_SECRET = 'bench-app-secret';
const HEADER = { name: 'X-Bench-Token', value: 'bench-right-token' };

let sequence = 0;
/** A one-DM Instagram delivery as Meta sends it (fresh mid, so the trigger's dedupe never drops it). */
function deliveryBytes() {
	const now = Date.now();
	sequence++;
	const envelope = {
		object: 'instagram',
		entry: [{ id: '17841400000000001', time: now, messaging: [{ sender: { id: '9300000000000001' }, recipient: { id: '17841400000000001' }, timestamp: now, message: { mid: `aWdfbench${now}x${sequence}`, text: 'Très bien, merci' } }] }],
	};
	return Buffer.from(metaJson(envelope));
}
const sign = (bytes, secret) => `sha256=${crypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;

async function post(url, body, headers) {
	const start = process.hrtime.bigint();
	const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	await res.arrayBuffer();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.status };
}

async function createWorkflows(n8n) {
	const app = await n8n.createCredential({ name: 'Bench Meta App', type: 'metaAppApi', data: { appId: '1', appSecret: APP_SECRET, verifyToken: 'bench-verify' } });
	const headerAuth = await n8n.createCredential({ name: 'Bench header auth', type: 'httpHeaderAuth', data: HEADER });
	const node = (name, type, typeVersion, parameters, credentials) => ({ id: crypto.randomUUID(), name, type, typeVersion, position: [0, 0], webhookId: crypto.randomUUID(), parameters, credentials });
	const plainPath = `bench-plain-${crypto.randomUUID()}`;
	const authPath = `bench-auth-${crypto.randomUUID()}`;
	const ours = node('Instagram Business Trigger', `${PACKAGE_NAME}.instagramBusinessTrigger`, OUR_VERSION, { loginType: 'facebook', events: ['message', 'comment', 'mention'] }, { metaAppApi: { id: app.id, name: app.name } });
	const workflows = [
		{ name: 'bench: Instagram Business Trigger', nodes: [ours], connections: {} },
		{ name: 'bench: plain Webhook', nodes: [node('Webhook', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path: plainPath, options: {} })], connections: {} },
		{
			name: 'bench: header-auth Webhook',
			nodes: [node('Webhook', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path: authPath, authentication: 'headerAuth', options: {} }, { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } })],
			connections: {},
		},
	];
	for (const workflow of workflows) {
		const created = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(created.id);
	}
	return {
		ours: `${n8n.url}/webhook/${ours.webhookId}/meta`,
		plain: `${n8n.url}/webhook/${plainPath}`,
		headerAuth: `${n8n.url}/webhook/${authPath}`,
	};
}

/** Runs each target's request maker in alternating blocks; returns the timings per target. */
async function alternate(targets, total) {
	const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
	for (const [name, call] of Object.entries(targets)) for (let i = 0; i < WARMUP; i++) await call();
	for (let done = 0; done < total; done += BLOCK) {
		for (const [name, call] of Object.entries(targets)) {
			for (let i = 0; i < Math.min(BLOCK, total - done); i++) times[name].push((await call()).ms);
		}
	}
	return times;
}

const pct = (times, p) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(p * times.length))];
const fmt = (ms) => ms.toFixed(1);

/** The checked call: a wrong status means the benchmark measures the wrong thing, so it stops. */
function expecting(status, fn) {
	return async () => {
		const result = await fn();
		if (result.status !== status) throw new Error(`expected HTTP ${status}, got ${result.status}`);
		return result;
	};
}

async function main() {
	const say = (line) => console.error(`[webhook-ack] ${line}`);
	// BENCH_TARBALL: measure another build of the package (an experiment), kept after the run.
	const tarball = process.env.BENCH_TARBALL || (await packPackage({ log: say }));
	const env = {};
	if (process.env.BENCH_N8N_CPU_PROF) {
		fs.mkdirSync(process.env.BENCH_N8N_CPU_PROF, { recursive: true });
		env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_N8N_CPU_PROF)}`;
	}
	const n8n = await startN8n({ tarball, log: say, env });
	try {
		const urls = await createWorkflows(n8n);
		say(`measuring ${REQUESTS} requests per target`);
		const ack = await alternate(
			{
				ours: expecting(200, () => {
					const bytes = deliveryBytes();
					return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
				}),
				plain: expecting(200, () => post(urls.plain, deliveryBytes(), {})),
			},
			REQUESTS,
		);
		const refusal = await alternate(
			{
				ours: expecting(401, () => {
					const bytes = deliveryBytes();
					return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, 'not-the-app-secret') });
				}),
				headerAuth: expecting(403, () => post(urls.headerAuth, deliveryBytes(), { [HEADER.name]: 'wrong-token' })),
			},
			REQUESTS,
		);
		const rows = [
			['trigger acknowledgement, small signed delivery (200)', ack.ours, "n8n's plain Webhook node, same bytes", ack.plain, 1.1],
			['refusing a wrong signature (401)', refusal.ours, "n8n's header-auth Webhook node refusing a wrong token (403)", refusal.headerAuth, 1.5],
		];
		console.log(`\nReal n8n 2.41.1, Instagram Business Trigger typeVersion ${OUR_VERSION}, sequential requests, ${REQUESTS} per target, alternating blocks of ${BLOCK}; wall time at the client\n`);
		console.log('| path | ours p50 (p90) ms | peer | peer p50 (p90) ms | ratio p50 | goal |');
		console.log('|---|---|---|---|---|---|');
		for (const [label, ours, peer, theirs, goal] of rows) {
			const ratio = pct(ours, 0.5) / pct(theirs, 0.5);
			console.log(`| ${label} | ${fmt(pct(ours, 0.5))} (${fmt(pct(ours, 0.9))}) | ${peer} | ${fmt(pct(theirs, 0.5))} (${fmt(pct(theirs, 0.9))}) | ${ratio.toFixed(2)}× | ≤ ${goal}× ${ratio <= goal ? 'met' : 'MISSED'} |`);
		}
	} finally {
		await n8n.stop({ removeUserFolder: !process.env.BENCH_KEEP_N8N });
		if (!process.env.BENCH_TARBALL) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
