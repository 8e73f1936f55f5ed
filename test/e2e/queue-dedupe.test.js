'use strict';
// Meta redelivers: 1,000 Instagram comments, each delivered twice (the second time in a different batch, as Meta
// may regroup a redelivery), all 200 deliveries shuffled and split across TWO webhook processors of a real n8n 2.41.1
// queue cluster (PostgreSQL + Redis, two workers running 5 executions each). The copies of an event always go to
// different processors, 10 deliveries in flight.
// - The trigger alone: nothing lost; duplicates measured (its shared layer, static data, is last-writer-wins, so two
//   copies handled at the same moment both start).
// - The trigger followed by the n8n-native claim step the docs prescribe for queue mode (a Postgres node inserting the
//   event id into a table whose primary key is the id, ON CONFLICT DO NOTHING): exactly 1,000 items, each event once.
// - n8n's Remove Duplicates node on the same executions, measured only: its store is a read-modify-write of one row
//   with no lock (docs/triggers-events.md), so concurrent executions can lose each other's ids.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { createInstagramTriggerWorkflow } = require('./instagram-trigger-workflow');
const { createSandbox } = require('../sandbox');
const events = require('../sandbox/products/events');
const { packPackage } = require('./n8n-instance');
const { PROVISION_TIMEOUT } = require('./use-n8n');
const { startQueueCluster } = require('./queue-cluster');

jest.setTimeout(PROVISION_TIMEOUT);

const EVENTS = 1000;
const PER_DELIVERY = 10;
const IN_FLIGHT = 10;
const TRIGGER = 'Instagram Business Trigger';
const CLAIM = 'Claim Event Id';
const REMOVE_DUPLICATES = 'Remove Duplicates';
// Atomic in PostgreSQL: of two concurrent inserts of one id, exactly one returns it.
const CLAIM_QUERY = 'WITH claimed AS (INSERT INTO meta_seen_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id) SELECT event_id FROM claimed';
const say = (line) => process.stderr.write(`[e2e queue dedupe] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let sb;
let cluster;
let tarball;
beforeAll(async () => {
	// The test makes every duplicate itself (each event exactly twice), so the sandbox adds none of its own; a slow
	// answer must not be taken for a failure either (a retry would add a third copy).
	// webhookAllowHttpLoopbackCallbacks: the webhook processors listen on http://127.0.0.1, and Meta (the sandbox's
	// default) calls only HTTPS callbacks.
	sb = createSandbox({ settings: { webhookTimeoutMs: 60000, webhookDuplicateRate: 0, webhookAllowHttpLoopbackCallbacks: true } });
	await sb.start();
	tarball = await packPackage({ log: say });
	cluster = await startQueueCluster({ tarball, workers: 2, workerConcurrency: 5, webhookProcessors: 2, log: say });
}, PROVISION_TIMEOUT);
afterAll(async () => {
	await cluster?.stop();
	await sb?.stop();
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 120000);

/** Deterministic shuffle (seeded), so a run can be repeated. */
function shuffle(list, seed) {
	let s = seed >>> 0;
	const random = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

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

const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

test('1,000 events delivered twice each, shuffled, across two webhook processors: exactly 1,000 items after the claim step, nothing lost by the trigger; redeliveries to the same processor run once; a refusal is recorded', async () => {
	const n8n = cluster.main;
	await cluster.query('CREATE TABLE meta_seen_events (event_id text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())');
	const store = await n8n.createCredential({
		name: 'Event store',
		type: 'postgres',
		data: { host: '127.0.0.1', port: cluster.pg.port, database: 'postgres', user: 'n8n', password: '', ssl: 'disable' },
	});
	const { workflow, webhookId } = await createInstagramTriggerWorkflow(n8n, sb, {
		name: 'Instagram comments (two webhook processors)',
		nodeName: TRIGGER,
		events: ['comment'],
		verifyToken: 'dedupe-verify',
		nodes: [
			{
				id: crypto.randomUUID(),
				name: CLAIM,
				type: 'n8n-nodes-base.postgres',
				typeVersion: 2.6,
				position: [300, -100],
				parameters: { operation: 'executeQuery', query: CLAIM_QUERY, options: { queryReplacement: '={{ [$json.eventId] }}' } },
				credentials: { postgres: { id: store.id, name: store.name } },
			},
			{
				id: crypto.randomUUID(),
				name: REMOVE_DUPLICATES,
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				position: [300, 100],
				onError: 'continueRegularOutput', // measured, not relied on: its errors must not stop the claim branch
				parameters: { operation: 'removeItemsSeenInPreviousExecutions', dedupeValue: '={{ $json.eventId }}' },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: CLAIM, type: 'main', index: 0 }, { node: REMOVE_DUPLICATES, type: 'main', index: 0 }]] } },
	});
	await n8n.activateWorkflow(workflow.id);
	const [urlA, urlB] = cluster.webhookUrls.map((base) => `${base}/webhook/${webhookId}/meta`);

	const entries = Array.from({ length: EVENTS }, (_, i) => events.instagram.comment(`dedupe ${i} ${crypto.randomUUID()}`));
	const texts = entries.map((e) => e.changes[0].value.text);
	// First copy: batches in order, to processor A. Second copy: the same events regrouped, to processor B.
	const first = chunks(entries, PER_DELIVERY).map((batch) => ({ url: urlA, payload: events.envelope.instagram(...batch) }));
	const second = chunks(shuffle(entries, 7), PER_DELIVERY).map((batch) => ({ url: urlB, payload: events.envelope.instagram(...batch) }));
	const deliveries = shuffle([...first, ...second], 20261202);

	const started = Date.now();
	const answers = await mapConcurrently(deliveries, IN_FLIGHT, async ({ url, payload }) => (await sb.webhooks.deliver({ url, payload })).status);
	say(`${deliveries.length} deliveries answered in ${Date.now() - started} ms`);
	expect(answers).toEqual(Array(deliveries.length).fill(200));

	// Wait until nothing is queued or running and the count is stable.
	let executions = [];
	let stableSince = Date.now();
	let lastCount = -1;
	const deadline = Date.now() + 5 * 60 * 1000;
	for (;;) {
		executions = await cluster.query('SELECT id::text AS id, status FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflow.id]);
		const busy = executions.some((e) => ['new', 'running', 'waiting'].includes(e.status));
		if (executions.length !== lastCount) {
			lastCount = executions.length;
			stableSince = Date.now();
		}
		if ((!busy && Date.now() - stableSince > 3000) || Date.now() > deadline) break;
		await sleep(500);
	}
	expect(executions.every((e) => e.status === 'success')).toBe(true);

	const items = [];
	const claimed = [];
	let removeDuplicatesKept = 0;
	let removeDuplicatesErrors = 0;
	for (const { id } of executions) {
		const execution = await n8n.getExecution(id);
		items.push(...n8n.nodeOutput(execution, TRIGGER));
		// One row per id this execution claimed, nothing else (a SELECT at the top: no {success: true} when none is new).
		claimed.push(...n8n.nodeOutput(execution, CLAIM).map((row) => row.event_id));
		const kept = n8n.nodeOutput(execution, REMOVE_DUPLICATES);
		removeDuplicatesKept += kept.filter((item) => item.eventId !== undefined).length;
		removeDuplicatesErrors += kept.filter((item) => item.error !== undefined).length;
	}
	const counts = new Map();
	for (const item of items) counts.set(item.text, (counts.get(item.text) ?? 0) + 1);
	const doubled = [...counts.values()].filter((n) => n > 1).length;
	say(`MEASURED: ${executions.length} executions; trigger: ${items.length} items for ${EVENTS} events (${doubled} ran twice); claim step: ${claimed.length} items; Remove Duplicates: ${removeDuplicatesKept} kept, ${removeDuplicatesErrors} errors; without deduplication: ${2 * EVENTS} items`);

	// The trigger: nothing lost and nothing beyond the copies sent.
	expect([...counts.keys()].sort()).toEqual([...texts].sort());
	expect([...counts.values()].every((n) => n === 1 || n === 2)).toBe(true);
	// After the claim step: exactly once.
	const textOf = new Map(items.map((item) => [item.eventId, item.text]));
	expect(claimed).toHaveLength(EVENTS);
	expect(claimed.every((eventId) => typeof eventId === 'string')).toBe(true);
	expect(claimed.map((eventId) => textOf.get(eventId)).sort()).toEqual([...texts].sort());
	expect(Number((await cluster.query('SELECT count(*) AS n FROM meta_seen_events'))[0].n)).toBe(EVENTS);
	const artifacts = path.join(__dirname, '..', 'artifacts');
	fs.mkdirSync(artifacts, { recursive: true });
	fs.writeFileSync(
		path.join(artifacts, 'queue-dedupe-result.json'),
		JSON.stringify({ events: EVENTS, deliveries: deliveries.length, executions: executions.length, triggerItems: items.length, doubled, claimedItems: claimed.length, removeDuplicatesKept, removeDuplicatesErrors }, null, 2),
	);

	// Redeliveries that reach the processor that took the first copy run once: 100 events, each sent twice to
	// processor A (the second time regrouped), shuffled, 10 in flight.
	const again = Array.from({ length: 100 }, (_, i) => events.instagram.comment(`same processor ${i} ${crypto.randomUUID()}`));
	const sameTexts = again.map((e) => e.changes[0].value.text);
	const sameDeliveries = shuffle([...chunks(again, PER_DELIVERY), ...chunks(shuffle(again, 3), PER_DELIVERY)], 99).map((batch) => ({ url: urlA, payload: events.envelope.instagram(...batch) }));
	const before = new Set(executions.map((e) => e.id));
	expect(await mapConcurrently(sameDeliveries, IN_FLIGHT, async ({ url, payload }) => (await sb.webhooks.deliver({ url, payload })).status)).toEqual(Array(sameDeliveries.length).fill(200));
	await sleep(5000);
	let later = [];
	for (const deadlineB = Date.now() + 120000; Date.now() < deadlineB; await sleep(500)) {
		later = (await cluster.query('SELECT id::text AS id, status FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflow.id])).filter((e) => !before.has(e.id));
		if (later.every((e) => e.status === 'success')) break;
	}
	const sameItems = [];
	for (const { id } of later) sameItems.push(...n8n.nodeOutput(await n8n.getExecution(id), TRIGGER));
	say(`same processor: ${sameItems.length} items for ${sameTexts.length} events`);
	expect(sameItems.map((i) => i.text).sort()).toEqual([...sameTexts].sort());

	// A forged delivery to the second processor: refused, nothing started, and its record reaches the workflow's row
	// (what the Setup Doctor reads), in queue mode too.
	const executionsBefore = (await cluster.query('SELECT count(*) AS n FROM execution_entity WHERE "workflowId" = $1', [workflow.id]))[0].n;
	const forged = await sb.webhooks.deliver({ url: urlB, payload: events.envelope.instagram(events.instagram.comment('forged')), signWith: 'not-the-app-secret', retries: 0 });
	expect(forged.status).toBe(401);
	await sleep(2000);
	const [row] = await cluster.query('SELECT "staticData" FROM workflow_entity WHERE id = $1', [workflow.id]);
	const refusals = row.staticData[`node:${TRIGGER}`].metaRefusedDeliveries;
	expect(refusals.map((r) => [r.status, r.cause])).toEqual([[401, 'signature']]);
	expect((await cluster.query('SELECT count(*) AS n FROM execution_entity WHERE "workflowId" = $1', [workflow.id]))[0].n).toBe(executionsBefore);
});
