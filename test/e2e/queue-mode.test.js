'use strict';
// The Instagram Business Trigger in n8n 2.41.1 queue mode (PostgreSQL + Redis, one main process, two workers, one
// webhook processor; see queue-cluster.js): activation on the main process subscribes the webhook processor's URL
// with the sandbox's Meta; 1,000 signed comments arriving in 100 deliveries, 10 in flight at a time, become exactly 1,000 items,
// run by the workers; forged deliveries to the webhook processor get 401 and start nothing. This proves the
// trigger keeps no state in process memory between the process that receives a delivery and the one that runs it.
const { createInstagramTriggerWorkflow } = require('./instagram-trigger-workflow');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const events = require('../sandbox/products/events');
const { routeDelivery } = require('../sandbox/products/subscriptions');
const { packPackage } = require('./n8n-instance');
const { PROVISION_TIMEOUT } = require('./use-n8n');
const { startQueueCluster, processesUsing } = require('./queue-cluster');

jest.setTimeout(PROVISION_TIMEOUT); // a fresh machine provisions n8n first (7–10 minutes)

const DELIVERIES = 100;
const COMMENTS_PER_DELIVERY = 10;
// Deliveries in flight at once. Measured on a 2-core machine: the webhook processor takes about 0.25 s of CPU per
// delivery and all requests in flight share it, so 100 at once all overran Meta's 10 s timeout (and n8n's 20 s wait
// for a database connection). Meta itself spreads deliveries out; 10 concurrent still exercises both workers.
const IN_FLIGHT = 10;
const TRIGGER = 'Instagram Business Trigger';
const say = (line) => process.stderr.write(`[e2e queue mode] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let sb;
let cluster;
let tarball;
beforeAll(async () => {
	// Meta waits up to ~20 s for an answer; 60 s here so a slow CI machine is not mistaken for a lost delivery
	// (no retries either: a retried delivery that n8n had already queued would count twice).
	// webhookAllowHttpLoopbackCallbacks: the cluster's webhook processor listens on http://127.0.0.1, and Meta (the
	// sandbox's default) calls only HTTPS callbacks.
	sb = createSandbox({ settings: { webhookTimeoutMs: 60000, webhookAllowHttpLoopbackCallbacks: true } });
	await sb.start();
	tarball = await packPackage({ log: say });
	cluster = await startQueueCluster({ tarball, workers: 2, log: say });
}, PROVISION_TIMEOUT);
afterAll(async () => {
	await cluster?.stop();
	await sb?.stop();
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 120000);

/** Like Promise.all(list.map(fn)) with at most `limit` calls pending; results in list order. */
async function mapConcurrently(list, limit, fn) {
	const results = new Array(list.length);
	let next = 0;
	const lane = async () => {
		while (next < list.length) {
			const i = next++;
			results[i] = await fn(list[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, list.length) }, lane));
	return results;
}

/** Executions of a workflow straight from n8n's execution_entity table. */
const executionsOf = (workflowId) =>
	cluster.query('SELECT id::text AS id, status, mode FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflowId]);

/** Execution ids each process's log says it ran ("Worker started execution <id> (job <n>)", JobProcessor). */
function executionsRunBy(proc) {
	return [...proc.logText().matchAll(/Worker started execution (\d+) \(job/g)].map((m) => m[1]);
}

test('1,000 signed comments in 100 concurrent deliveries (10 in flight) to the webhook processor become exactly 1,000 items, run on the workers', async () => {
	const n8n = cluster.main;
	const { app } = sb.seedResult;
	const { workflow, webhookId } = await createInstagramTriggerWorkflow(n8n, sb, { name: 'Instagram comments (queue mode)', nodeName: TRIGGER, events: ['comment'], verifyToken: 'queue-verify' });
	// Activation runs on the main process; the sandbox verifies the callback with a GET answered by the webhook processor.
	await n8n.activateWorkflow(workflow.id);
	const subscription = sb.state.appSubscriptions.get(app.id).get('instagram');
	expect(subscription.callback_url).toBe(`${cluster.webhookUrl}/webhook/${webhookId}/meta`);
	expect([...subscription.fields.keys()]).toEqual(['comments']);
	expect(cluster.webhook.logText()).not.toMatch(/Worker started execution/);

	// 100 deliveries of 10 comments each, IN_FLIGHT at a time, each text unique.
	const texts = [];
	const payloads = Array.from({ length: DELIVERIES }, (_, d) =>
		events.envelope.instagram(
			...Array.from({ length: COMMENTS_PER_DELIVERY }, (_, c) => {
				const text = `queue comment ${d}-${c} ${crypto.randomUUID()}`;
				texts.push(text);
				return events.instagram.comment(text);
			}),
		),
	);
	const started = Date.now();
	let slowest = 0;
	const delivered = await mapConcurrently(payloads, IN_FLIGHT, async (payload) => {
		const t0 = Date.now();
		const result = await routeDelivery(sb.state, sb.webhooks, { object: 'instagram', targetId: sb.seedResult.page.id, field: 'comments', payload });
		slowest = Math.max(slowest, Date.now() - t0);
		return result;
	});
	say(`${DELIVERIES} deliveries answered in ${Date.now() - started} ms (slowest answer ${slowest} ms)`);
	expect(delivered.map((d) => `${d.delivered} ${d.status}${d.error ? ` ${d.error}` : ''} ${d.url}`)).toEqual(
		Array(DELIVERIES).fill(`true 200 ${cluster.webhookUrl}/webhook/${webhookId}/meta`),
	);

	// Every delivery becomes one execution; wait until none is queued or running.
	const deadline = Date.now() + 5 * 60 * 1000;
	let executions;
	for (;;) {
		executions = await executionsOf(workflow.id);
		const done = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= DELIVERIES || Date.now() > deadline) break;
		await sleep(500);
	}
	say(`${executions.length} executions done ${Date.now() - started} ms after the first delivery`);
	expect(executions.map((e) => `${e.mode} ${e.status}`)).toEqual(Array(DELIVERIES).fill('webhook success'));

	// Exactly the 1,000 comments, each once: nothing lost, nothing doubled.
	const items = [];
	for (const { id } of executions) items.push(...n8n.nodeOutput(await n8n.getExecution(id), TRIGGER));
	expect(items).toHaveLength(DELIVERIES * COMMENTS_PER_DELIVERY);
	expect(items.every((i) => i.kind === 'comment')).toBe(true);
	expect(items.map((i) => i.text).sort()).toEqual([...texts].sort());

	// The workers ran them: each execution appears in exactly one worker's log, none in the main or webhook process's.
	const ranBy = new Map();
	for (const worker of cluster.workers) {
		const ids = executionsRunBy(worker);
		say(`${worker.name} ran ${ids.length} executions`);
		for (const id of ids) ranBy.set(id, [...(ranBy.get(id) ?? []), worker.name]);
	}
	expect(executions.filter((e) => ranBy.get(e.id)?.length !== 1).map((e) => `${e.id}: ${ranBy.get(e.id)}`)).toEqual([]);
	expect(ranBy.size).toBe(DELIVERIES);
	// Both workers took jobs: with 10 deliveries in flight and 5 jobs per worker, one worker cannot hold them all.
	expect(cluster.workers.map((w) => executionsRunBy(w).length > 0)).toEqual([true, true]);
	expect(executionsRunBy(cluster.webhook)).toEqual([]);
	expect(executionsRunBy({ logText: () => fs.readFileSync(n8n.logFile, 'utf8') })).toEqual([]);

	// Forged deliveries to the webhook processor: a wrong signature and no signature both get 401 and start nothing.
	const payload = events.envelope.instagram(events.instagram.comment('forged'));
	const forged = await sb.webhooks.deliver({ url: subscription.callback_url, payload, signWith: 'not-the-secret' });
	expect(forged.status).toBe(401);
	const unsigned = await fetch(subscription.callback_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
	expect(unsigned.status).toBe(401);
	await sleep(2000);
	expect(await executionsOf(workflow.id)).toHaveLength(DELIVERIES);
});

test('stopping the cluster leaves no process behind (PostgreSQL, Redis, n8n main, webhook processor, workers)', async () => {
	const folders = cluster.folders();
	expect(processesUsing(folders).length).toBeGreaterThan(3); // the check sees the running cluster
	await cluster.stop();
	expect(processesUsing(folders)).toEqual([]);
}, 120000);
