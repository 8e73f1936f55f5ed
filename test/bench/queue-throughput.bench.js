'use strict';
/**
 * Benchmark (not a test): deliveries per second through a real n8n 2.41.1 queue-mode webhook processor (main +
 * webhook processor + one worker, Redis, Postgres: test/e2e/queue-cluster.js), for our Instagram Business Trigger and
 * for n8n's plain Webhook node on the same bytes, and for a minimal community trigger (minimal-trigger.js: what n8n
 * charges any node that is not its own Webhook node), with 10 and with 100 requests in flight, counting 5xx answers.
 * Each accepted delivery starts an execution that the webhook processor queues in Redis for the worker.
 * Rows alternate (ours, plain, minimal, ours…) so all see the same machine load, and each row starts once the worker
 * has finished the executions of the rows before it.
 *
 * The trigger is version 2, what a new workflow gets (BENCH_OUR_VERSION=1 for saved version-1 nodes), with Subscribe Automatically off (the benchmark's deliveries come from here, not from
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
const { APP_SECRET, HEADER, deliveryBytes, sign, post, createWorkflows } = require('./webhook-targets');
const { installMinimalTrigger } = require('./minimal-trigger');

const DELIVERIES = Number(process.env.BENCH_QUEUE_DELIVERIES || 300);
const IN_FLIGHT = [10, 100];
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS || 2);
/**
 * Deliveries per target before the measured rows, as a webhook processor that has been running a while has served.
 * With 20, our trigger's second measured round was 25–41 % faster than its first in each of eight runs (60–71/s, then
 * 79–94/s: V8 had not yet optimised its code; the plain Webhook node's, 3–35 %); with 300, 8–14 % (docs/performance.md).
 */
const WARM_UP = Number(process.env.BENCH_QUEUE_WARM_UP || 300);
/** The trigger's node version (version 2 skips the expression n8n evaluates for every typeVersion 1 start node). */
const OUR_VERSION = Number(process.env.BENCH_OUR_VERSION || 2);
/**
 * Every n8n process with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, the setting the README recommends for webhook
 * volume (docs/performance.md); BENCH_QUEUE_N8N_DEFAULTS=1 for n8n's own defaults (eager isolates: far slower for
 * every node but n8n's Webhook node, so use fewer deliveries, e.g. BENCH_QUEUE_DELIVERIES=60 BENCH_QUEUE_WARM_UP=20).
 */
const CLUSTER_ENV = process.env.BENCH_QUEUE_N8N_DEFAULTS ? {} : { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

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

/**
 * BENCH_QUEUE_CPU=1: CPU seconds each kind of process spent during a row (from /proc), per delivery: says which
 * process a target's deliveries cost more in (the webhook processor, the worker, the main process, Postgres, Redis).
 */
const CPU_KINDS = [
	['webhook processor', / webhook$/],
	['worker', / worker /],
	['main', / start$/],
	['postgres', /postgres/],
	['redis', /redis-server/],
];
function cpuSeconds() {
	const ticks = Object.fromEntries(CPU_KINDS.map(([kind]) => [kind, 0]));
	for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
			const kind = CPU_KINDS.find(([, pattern]) => pattern.test(cmdline));
			if (!kind) continue;
			const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			ticks[kind[0]] += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
		} catch {
			// the process ended between listing and reading
		}
	}
	return ticks;
}

/** Executions of the workflow named `name`, in any state. */
async function executionsOf(cluster, name) {
	const [{ n }] = await cluster.query('SELECT count(*) AS n FROM execution_entity e JOIN workflow_entity w ON w.id = e."workflowId" WHERE w.name = $1', [name]);
	return Number(n);
}

/**
 * Waits until the worker has finished every execution queued so far, so that no row's backlog is worked off
 * during (and charged to) the next row. `expected`: the executions a row's workflow must have by then. Ours and the
 * minimal trigger answer before n8n creates the execution, so right after a flood of 100 in flight the webhook
 * processor may not have created the last ones yet: counting only unfinished executions then found none and ended the
 * row's CPU count early (one run showed 0.02 ms of worker CPU per delivery for ours).
 */
async function drained(cluster, expected) {
	for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
		const [{ n }] = await cluster.query("SELECT count(*) AS n FROM execution_entity WHERE status IN ('new', 'running')");
		const created = expected ? await executionsOf(cluster, expected.workflow) : 0;
		if (Number(n) === 0 && (!expected || created >= expected.count)) return;
		// Every accepted delivery must start one execution: a shortfall that outlasts a minute is a lost delivery.
		if (expected && Number(n) === 0 && Date.now() > deadline - 240_000) throw new Error(`${expected.workflow}: ${created} executions, ${expected.count} expected (accepted deliveries lost)`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the worker did not finish the queued executions within 5 minutes');
}

/** The workflow each target's deliveries start (webhook-targets.js names them); none for the unwatched-object row. */
const WORKFLOW_OF = { ours: 'bench: Instagram Business Trigger', plain: 'bench: plain Webhook', minimal: 'bench: minimal community trigger' };

const serverErrors = (statuses) => Object.entries(statuses).reduce((n, [status, count]) => n + (status === 'error' || Number(status) >= 500 ? count : 0), 0);

async function main() {
	const say = (line) => console.error(`[queue-throughput] ${line}`);
	const tarball = process.env.BENCH_TARBALL || (await packPackage({ log: say }));
	const cluster = await startQueueCluster({ tarball, workers: 1, workerConcurrency: 10, log: say, env: CLUSTER_ENV, prepareUserFolder: installMinimalTrigger });
	try {
		const urls = await createWorkflows(cluster.main, { webhookBase: cluster.webhookUrl, ourVersion: OUR_VERSION, minimal: true });
		const targets = {
			ours: () => {
				const bytes = deliveryBytes();
				return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
			},
			plain: () => post(urls.plain, deliveryBytes(), {}),
			minimal: () => post(urls.minimal, deliveryBytes(), { [HEADER.name]: HEADER.value }),
		};
		// BENCH_QUEUE_DIAGNOSE=1: also our trigger answering a delivery for an object it does not watch (signed, 200,
		// no execution and no static data written), to tell the execution and static-data costs from the rest.
		if (process.env.BENCH_QUEUE_DIAGNOSE) {
			targets.oursIgnored = () => {
				const bytes = Buffer.from(deliveryBytes().toString().replace('"object":"instagram"', '"object":"page"'));
				return post(urls.ours, bytes, { 'x-hub-signature-256': sign(bytes, APP_SECRET) });
			};
		}
		// Warm-up: the first requests load the workflows, open the connections and get the code optimised.
		for (const call of Object.values(targets)) await flood(call, WARM_UP, 5);
		await drained(cluster);
		const results = [];
		for (const inFlight of IN_FLIGHT) {
			for (let round = 0; round < ROUNDS; round++) {
				for (const [name, call] of Object.entries(targets)) {
					say(`${name}, ${inFlight} in flight, round ${round + 1}`);
					await drained(cluster);
					const workflow = WORKFLOW_OF[name];
					const executionsBefore = workflow ? await executionsOf(cluster, workflow) : 0;
					const before = process.env.BENCH_QUEUE_CPU ? cpuSeconds() : undefined;
					const row = { name, inFlight, ...(await flood(call, DELIVERIES, inFlight)) };
					// Until the worker has run every execution of the row, one per accepted delivery: a trigger that answers
					// before its execution is queued leaves work behind, and that work is the row's too.
					const accepted = row.statuses[200] ?? 0;
					await drained(cluster, workflow ? { workflow, count: executionsBefore + accepted } : undefined);
					row.executions = workflow ? (await executionsOf(cluster, workflow)) - executionsBefore : 0;
					if (before) {
						const after = cpuSeconds();
						// Clock ticks (100 per second on Linux) → CPU milliseconds per delivery.
						row.cpuMsPerDelivery = Object.fromEntries(CPU_KINDS.map(([kind]) => [kind, ((after[kind] - before[kind]) * 10) / DELIVERIES]));
					}
					results.push(row);
				}
			}
		}
		console.log(`\nReal n8n 2.41.1 in queue mode (main + webhook processor + 1 worker at concurrency 10, Redis, Postgres); ${DELIVERIES} deliveries per row, ${ROUNDS} rounds alternating; Instagram Business Trigger typeVersion ${OUR_VERSION}${CLUSTER_ENV.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ? '; N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true' : "; n8n's expression-engine defaults"}\n`);
		console.log('| in flight | ours deliveries/s (rounds) | ours 5xx | plain Webhook deliveries/s (rounds) | plain 5xx | ratio (mean) | goal | minimal community trigger deliveries/s (rounds) | ours / minimal |');
		console.log('|---|---|---|---|---|---|---|---|---|');
		for (const inFlight of IN_FLIGHT) {
			const of = (name) => results.filter((r) => r.name === name && r.inFlight === inFlight);
			const mean = (rows) => rows.reduce((n, r) => n + r.perSecond, 0) / rows.length;
			const errors = (rows) => rows.reduce((n, r) => n + serverErrors(r.statuses), 0);
			const ratio = mean(of('ours')) / mean(of('plain'));
			const met = ratio >= 0.9 && (inFlight < 100 || errors(of('ours')) === 0);
			const list = (rows) => rows.map((r) => r.perSecond.toFixed(1)).join(', ');
			console.log(`| ${inFlight} | ${mean(of('ours')).toFixed(1)} (${list(of('ours'))}) | ${errors(of('ours'))} | ${mean(of('plain')).toFixed(1)} (${list(of('plain'))}) | ${errors(of('plain'))} | ${ratio.toFixed(2)}× | ≥ 0.9×${inFlight >= 100 ? ', no 5xx' : ''} ${met ? 'met' : 'MISSED'} | ${mean(of('minimal')).toFixed(1)} (${list(of('minimal'))}) | ${(mean(of('ours')) / mean(of('minimal'))).toFixed(2)}× |`);
		}
		for (const r of results.filter((row) => row.name === 'oursIgnored')) console.log(`- ours, delivery for an unwatched object (no execution, no static data), ${r.inFlight} in flight: ${r.perSecond.toFixed(1)}/s`);
		if (process.env.BENCH_QUEUE_CPU) {
			console.log('\nCPU ms per delivery by process (mean over rounds), from the first request of a row until the worker has run all of its executions\n');
			console.log(`| target | in flight | ${CPU_KINDS.map(([kind]) => kind).join(' | ')} | total |`);
			console.log(`|---|---|${CPU_KINDS.map(() => '---|').join('')}---|`);
			for (const inFlight of IN_FLIGHT) {
				for (const name of Object.keys(targets)) {
					const rows = results.filter((r) => r.name === name && r.inFlight === inFlight);
					const per = CPU_KINDS.map(([kind]) => rows.reduce((n, r) => n + r.cpuMsPerDelivery[kind], 0) / rows.length);
					console.log(`| ${name} | ${inFlight} | ${per.map((ms) => ms.toFixed(2)).join(' | ')} | ${per.reduce((a, b) => a + b, 0).toFixed(2)} |`);
				}
			}
		}
		const started = (name) => results.filter((r) => r.name === name).reduce((n, r) => n + r.executions, 0);
		const acceptedOf = (name) => results.filter((r) => r.name === name).reduce((n, r) => n + (r.statuses[200] ?? 0), 0);
		console.log(`\nExecutions started / deliveries accepted (200), all rows: ${Object.keys(WORKFLOW_OF).map((name) => `${name} ${started(name)} / ${acceptedOf(name)}`).join(', ')}`);
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
