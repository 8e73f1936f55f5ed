'use strict';
/**
 * Benchmark (not a test): how fast a real n8n 2.41.1 answers a webhook delivery to our Instagram Business Trigger,
 * beside n8n's own Webhook node, in one n8n, in the same run:
 *   - signed small deliveries (one DM each), ours vs the plain Webhook node (no auth) on the same bytes;
 *   - wrong-signature deliveries refused by ours (401) vs wrong-token requests refused by a header-auth Webhook
 *     node (403; its credential is read to refuse, as ours is);
 *   - both beside a minimal community trigger (minimal-trigger.js): what n8n charges any node that is not its own
 *     Webhook node, so that what is ours and what is n8n's can be told apart.
 * Each n8n configuration (its defaults; lazy isolate acquisition) in its own n8n, one after the other.
 * Requests are sequential, in alternating blocks per target so that each target's background work (the execution
 * a delivery starts, isolate replenishing) lands mostly on its own requests. p50 and p90 of the wall time seen by
 * the client. The package is the packed dist/ (npm run bench builds it), installed as users install it.
 *
 *   npm run bench -- webhook-ack            (alone)
 *   BENCH_ACK_REQUESTS=300 BENCH_N8N_CPU_PROF=/tmp/prof npm run bench -- webhook-ack   (with n8n CPU profiles)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { packPackage, startN8n } = require('../e2e/n8n-instance');
const { APP_SECRET, HEADER, deliveryBytes, sign, post, createWorkflows } = require('./webhook-targets');
const { installMinimalTrigger } = require('./minimal-trigger');

const REQUESTS = Number(process.env.BENCH_ACK_REQUESTS || 150);
const BLOCK = 25;
/** The trigger's node version under test: 2, what a new workflow gets (n8n evaluates an extra expression per request for any typeVersion 1 node). */
const OUR_VERSION = Number(process.env.BENCH_OUR_VERSION || 2);
const WARMUP = 15;
/**
 * n8n configurations measured, each in its own n8n: its defaults, and N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (an
 * isolate only when an expression really needs one; docs/performance.md). BENCH_ACK_CONFIGS=defaults or =lazy for one.
 */
const CONFIGS = {
	defaults: { label: "n8n's expression-engine defaults", env: {} },
	lazy: { label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
};
const CONFIG_NAMES = (process.env.BENCH_ACK_CONFIGS || 'defaults,lazy').split(',').filter((name) => CONFIGS[name]);

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

async function measureConfig(tarball, config, say) {
	const env = { ...config.env };
	if (process.env.BENCH_N8N_CPU_PROF) {
		fs.mkdirSync(process.env.BENCH_N8N_CPU_PROF, { recursive: true });
		env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_N8N_CPU_PROF)}`;
	}
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-ack-'));
	installMinimalTrigger(userFolder);
	const n8n = await startN8n({ tarball, userFolder, log: say, env });
	try {
		const urls = await createWorkflows(n8n, { ourVersion: OUR_VERSION, minimal: true });
		say(`${config.label}: measuring ${REQUESTS} requests per target`);
		const ack = await alternate(
			{
				ours: expecting(200, () => {
					const bytes = deliveryBytes();
					return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
				}),
				plain: expecting(200, () => post(urls.plain, deliveryBytes(), {})),
				minimal: expecting(200, () => post(urls.minimal, deliveryBytes(), { [HEADER.name]: HEADER.value })),
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
				minimal: expecting(403, () => post(urls.minimal, deliveryBytes(), { [HEADER.name]: 'wrong-token' })),
			},
			REQUESTS,
		);
		return [
			['acknowledgement, small signed delivery (200)', ack.ours, "n8n's plain Webhook node, same bytes", ack.plain, 1.1],
			['acknowledgement (200)', ack.ours, 'minimal community trigger (credential read, header check, one item)', ack.minimal, null],
			['  n8n alone: minimal community trigger (200)', ack.minimal, "n8n's plain Webhook node", ack.plain, null],
			['refusing a wrong signature (401)', refusal.ours, "n8n's header-auth Webhook node refusing a wrong token (403)", refusal.headerAuth, 1.5],
			['refusal (401)', refusal.ours, 'minimal community trigger refusing a wrong token (403)', refusal.minimal, null],
		];
	} finally {
		await n8n.stop({ removeUserFolder: !process.env.BENCH_KEEP_N8N });
	}
}

async function main() {
	const say = (line) => console.error(`[webhook-ack] ${line}`);
	// BENCH_TARBALL: measure another build of the package (an experiment), kept after the run.
	const tarball = process.env.BENCH_TARBALL || (await packPackage({ log: say }));
	try {
		for (const name of CONFIG_NAMES) {
			const config = CONFIGS[name];
			const rows = await measureConfig(tarball, config, say);
			console.log(`\nReal n8n 2.41.1, ${config.label}; Instagram Business Trigger typeVersion ${OUR_VERSION}; sequential requests, ${REQUESTS} per target, alternating blocks of ${BLOCK}; wall time at the client\n`);
			console.log('| path | ours p50 (p90) ms | peer | peer p50 (p90) ms | ratio p50 | goal |');
			console.log('|---|---|---|---|---|---|');
			for (const [label, ours, peer, theirs, goal] of rows) {
				const ratio = pct(ours, 0.5) / pct(theirs, 0.5);
				const verdict = goal === null ? '—' : `≤ ${goal}× ${ratio <= goal ? 'met' : 'MISSED'}`;
				console.log(`| ${label} | ${fmt(pct(ours, 0.5))} (${fmt(pct(ours, 0.9))}) | ${peer} | ${fmt(pct(theirs, 0.5))} (${fmt(pct(theirs, 0.9))}) | ${ratio.toFixed(2)}× | ${verdict} |`);
			}
		}
	} finally {
		if (!process.env.BENCH_TARBALL) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
