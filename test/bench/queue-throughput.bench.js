'use strict';
/**
 * Benchmark (not a test): deliveries per second through a real n8n 2.41.1 queue-mode webhook processor (main +
 * webhook processor + one worker, Redis, Postgres: test/e2e/queue-cluster.js), for our Instagram Business Trigger and
 * for n8n's plain Webhook node on the same bytes, with 10 and with 100 requests in flight, counting 5xx answers.
 * Each accepted delivery starts an execution that the webhook processor queues in Redis for the worker.
 * Rows alternate (ours, plain, ours, plain…) so both see the same machine load.
 *
 * The trigger is version 1 (BENCH_OUR_VERSION=2 for version 2) with Subscribe Automatically off (the benchmark's deliveries come from here, not from
 * Meta), so activating it asks nothing of Meta and no sandbox is started: the sandbox's HTTPS-only callback check
 * (`webhookAllowHttpLoopbackCallbacks`) never comes into play.
 *
 *   npm run bench -- queue-throughput
 *   BENCH_QUEUE_DELIVERIES=400 npm run bench -- queue-throughput
 */
const fs = require('fs');
const path = require('path');
const { packPackage } = require('../e2e/n8n-instance');
const { startQueueCluster } = require('../e2e/queue-cluster');
const { APP_SECRET, deliveryBytes, sign, post, createWorkflows } = require('./webhook-targets');

const DELIVERIES = Number(process.env.BENCH_QUEUE_DELIVERIES || 300);
const IN_FLIGHT = [10, 100];
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS || 2);
/** The trigger's node version (version 2 skips the expression n8n evaluates for every typeVersion 1 start node). */
const OUR_VERSION = Number(process.env.BENCH_OUR_VERSION || 1);
/** BENCH_QUEUE_LAZY_ACQUIRE=1: every n8n process with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (docs/performance.md). */
const CLUSTER_ENV = process.env.BENCH_QUEUE_LAZY_ACQUIRE ? { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } : {};

/** Sends `total` requests with at most `inFlight` open at once; deliveries per second and the answers by status. */
async function flood(call, total, inFlight) {
	const statuses = {};
	let started = 0;
	const begin = process.hrtime.bigint();
	const lane = async () => {
		while (started < total) {
			started++;
			const { status } = await call().catch(() => ({ status: 'error' }));
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: inFlight }, lane));
	const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
	return { perSecond: total / seconds, statuses };
}

const serverErrors = (statuses) => Object.entries(statuses).reduce((n, [status, count]) => n + (status === 'error' || Number(status) >= 500 ? count : 0), 0);

async function main() {
	const say = (line) => console.error(`[queue-throughput] ${line}`);
	const tarball = process.env.BENCH_TARBALL || (await packPackage({ log: say }));
	const cluster = await startQueueCluster({ tarball, workers: 1, workerConcurrency: 10, log: say, env: CLUSTER_ENV });
	try {
		const urls = await createWorkflows(cluster.main, { webhookBase: cluster.webhookUrl, ourVersion: OUR_VERSION });
		const targets = {
			ours: () => {
				const bytes = deliveryBytes();
				return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
			},
			plain: () => post(urls.plain, deliveryBytes(), {}),
		};
		// BENCH_QUEUE_DIAGNOSE=1: also our trigger answering a delivery for an object it does not watch (signed, 200,
		// no execution and no static data written), to tell the execution and static-data costs from the rest.
		if (process.env.BENCH_QUEUE_DIAGNOSE) {
			targets.oursIgnored = () => {
				const bytes = Buffer.from(deliveryBytes().toString().replace('"object":"instagram"', '"object":"page"'));
				return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
			};
		}
		// Warm-up: the first requests load the workflows and open the connections.
		for (const call of Object.values(targets)) await flood(call, 20, 5);
		const results = [];
		for (const inFlight of IN_FLIGHT) {
			for (let round = 0; round < ROUNDS; round++) {
				for (const [name, call] of Object.entries(targets)) {
					say(`${name}, ${inFlight} in flight, round ${round + 1}`);
					results.push({ name, inFlight, ...(await flood(call, DELIVERIES, inFlight)) });
				}
			}
		}
		console.log(`\nReal n8n 2.41.1 in queue mode (main + webhook processor + 1 worker at concurrency 10, Redis, Postgres); ${DELIVERIES} deliveries per row, ${ROUNDS} rounds alternating; Instagram Business Trigger typeVersion ${OUR_VERSION}${CLUSTER_ENV.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ? '; N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true' : ''}\n`);
		console.log('| in flight | ours deliveries/s (rounds) | ours 5xx | plain Webhook deliveries/s (rounds) | plain 5xx | ratio (mean) | goal |');
		console.log('|---|---|---|---|---|---|---|');
		for (const inFlight of IN_FLIGHT) {
			const of = (name) => results.filter((r) => r.name === name && r.inFlight === inFlight);
			const mean = (rows) => rows.reduce((n, r) => n + r.perSecond, 0) / rows.length;
			const errors = (rows) => rows.reduce((n, r) => n + serverErrors(r.statuses), 0);
			const ratio = mean(of('ours')) / mean(of('plain'));
			const met = ratio >= 0.9 && (inFlight < 100 || errors(of('ours')) === 0);
			const list = (rows) => rows.map((r) => r.perSecond.toFixed(1)).join(', ');
			console.log(`| ${inFlight} | ${mean(of('ours')).toFixed(1)} (${list(of('ours'))}) | ${errors(of('ours'))} | ${mean(of('plain')).toFixed(1)} (${list(of('plain'))}) | ${errors(of('plain'))} | ${ratio.toFixed(2)}× | ≥ 0.9×${inFlight >= 100 ? ', no 5xx' : ''} ${met ? 'met' : 'MISSED'} |`);
		}
		for (const r of results.filter((row) => row.name === 'oursIgnored')) console.log(`- ours, delivery for an unwatched object (no execution, no static data), ${r.inFlight} in flight: ${r.perSecond.toFixed(1)}/s`);
		const odd = results.filter((r) => Object.keys(r.statuses).some((s) => s !== '200'));
		for (const r of odd) console.log(`- ${r.name}, ${r.inFlight} in flight: answers ${JSON.stringify(r.statuses)}`);
	} finally {
		await cluster.stop();
		if (!process.env.BENCH_TARBALL) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
