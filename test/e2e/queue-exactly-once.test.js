'use strict';
// Exactly once in n8n 2.41.1 queue mode (PostgreSQL + Redis, two workers; see queue-cluster.js): Instagram publishes and
// WhatsApp template sends with Retry On Fail under 20% injected faults (5xx, lost answers, failed read-backs), split
// over several executions that both workers run, end as exactly one post or message per item and one output item per
// item. The deduplication records live in n8n's PostgreSQL (processed_data), shared by the workers; a failed
// execution retried from n8n's executions list ("Retry") on whichever worker does not send again what went out.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');
const { packPackage, PACKAGE_NAME } = require('./n8n-instance');
const { PROVISION_TIMEOUT } = require('./use-n8n');
const { startQueueCluster } = require('./queue-cluster');

jest.setTimeout(PROVISION_TIMEOUT);

const say = (line) => process.stderr.write(`[e2e queue exactly-once] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };

let sb;
let cluster;
let tarball;
let n8n;
let userCredential;
let systemCredential;
beforeAll(async () => {
	sb = createSandbox();
	await sb.start();
	tarball = await packPackage({ log: say });
	cluster = await startQueueCluster({ tarball, workers: 2, log: say });
	n8n = cluster.main;
	const { tokens, app } = sb.seedResult;
	userCredential = await n8n.createCredential({ name: 'Meta user (queue)', type: 'metaAccessTokenApi', data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url } });
	systemCredential = await n8n.createCredential({ name: 'Meta system user (queue)', type: 'metaAccessTokenApi', data: { accessToken: tokens.systemUser, baseUrlOverride: sb.url } });
}, PROVISION_TIMEOUT);
afterAll(async () => {
	await cluster?.stop();
	await sb?.stop();
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 120000);

const credentialRef = (credential) => ({ metaAccessTokenApi: { id: credential.id, name: credential.name } });

/** Webhook (POST {items: [...]}) → Split Out → the action node, which has `settings` (Retry On Fail, On Error). */
async function activeWorkflow(name, actionNode, settings) {
	const hookPath = `exactly-once-${crypto.randomUUID()}`;
	const workflow = await n8n.createWorkflow({
		name,
		nodes: [
			{ id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived' } },
			{ id: 'split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields' } },
			{ id: 'action', name: 'Action', typeVersion: 1, position: [400, 0], ...actionNode, ...settings },
		],
		connections: { Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] }, 'Split Out': { main: [[{ node: 'Action', type: 'main', index: 0 }]] } },
	});
	await n8n.activateWorkflow(workflow.id);
	return { workflow, url: `${cluster.webhookUrl}/webhook/${hookPath}` };
}

const executionsOf = (workflowId) => cluster.query('SELECT id::text AS id, status, mode FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflowId]);

async function waitForExecutions(workflowId, count, timeoutMs = 10 * 60 * 1000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = await executionsOf(workflowId);
		const done = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= count || Date.now() > deadline) return executions;
		await sleep(1000);
	}
}

/** Posts `items` in `chunks` executions at once and waits for all of them; returns {executions, success, errors}. */
async function runInChunks(target, items, chunks) {
	const size = Math.ceil(items.length / chunks);
	const bodies = Array.from({ length: chunks }, (_, c) => ({ items: items.slice(c * size, (c + 1) * size) }));
	const answers = await Promise.all(bodies.map((body) => fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })));
	expect(answers.map((a) => a.status)).toEqual(Array(chunks).fill(200));
	const executions = await waitForExecutions(target.workflow.id, chunks);
	const success = [];
	const errors = [];
	for (const { id } of executions) {
		const execution = await n8n.getExecution(id);
		success.push(...n8n.nodeOutput(execution, 'Action', 0));
		errors.push(...n8n.nodeOutput(execution, 'Action', 1));
	}
	return { executions, success, errors };
}

const ranBy = (executions) => cluster.workers.map((w) => executions.filter((e) => new RegExp(`Worker started execution ${e.id} \\(job`).test(w.logText())).length);
const faultShare = () => sb.state.faults.reduce((n, f) => n + f.hits, 0) / sb.admin.calls({}).length;

test('a failed execution retried from the executions list sends only what had not gone out', async () => {
	const messages = `/${sb.seedResult.waba.phoneNumberId}/messages`;
	const items = Array.from({ length: 6 }, (_, n) => ({ n: `retry-${n}`, phone: `+49151${5000000 + n}` }));
	const refused = sb.admin.addFault({ kind: 'error', code: 131009, message: '(#131009) Parameter value is not valid', times: 0, match: { path: messages, text: items[3].phone } });
	const before = whatsappAdmin(sb.state).accepted().length;
	const target = await activeWorkflow('WhatsApp retried execution (queue)', whatsAppTemplate({ messagesPerSecond: 2 }), {});
	const { executions } = await runInChunks(target, items, 1);
	expect(executions.map((e) => e.status)).toEqual(['error']);
	const firstSent = whatsappAdmin(sb.state).accepted().slice(before).map((m) => m.payload.biz_opaque_callback_data);
	expect(firstSent).not.toContain('retry-3');
	sb.admin.removeFault(refused.id);
	await n8n.rest('POST', `/executions/${executions[0].id}/retry`, { loadWorkflow: false });
	const all = await waitForExecutions(target.workflow.id, 2);
	expect(all.map((e) => e.status)).toEqual(['error', 'success']);
	const tags = whatsappAdmin(sb.state).accepted().slice(before).map((m) => m.payload.biz_opaque_callback_data);
	expect([...tags].sort()).toEqual(items.map((i) => i.n).sort());
	say(`retried execution ran on worker(s) ${ranBy(all)}; first run sent ${firstSent.length}`);
});

test('200 Instagram publishes in 4 executions on two workers, Retry On Fail, 20% faults: exactly 200 posts and 200 items', async () => {
	// Why: 200 real-time image waits (3 s each by default) would dominate the run; the late 9007 after FINISHED stays on, shortened.
	sb.admin.settings({ igPublishQuotaTotal: 1000, igImageProcessingSeconds: 0, igNotReadyAfterFinishedSeconds: 0.3 });
	const graph = { host: 'graph.facebook.com', path: '/17*/**' };
	sb.admin.addFault({ kind: 'error', code: 100, subcode: 33, message: 'Unsupported get request.', probability: 0.05, seed: 31, times: 0, match: { method: 'GET', path: '/17*', text: 'permalink' } });
	sb.admin.addFault({ kind: 'http5xx', code: 2, probability: 0.08, seed: 11, times: 0, match: graph });
	sb.admin.addFault({ kind: 'lostResponse', probability: 0.09, seed: 23, times: 0, match: graph });
	const target = await activeWorkflow(
		'Instagram exactly once (queue)',
		{
			name: 'Action',
			type: `${PACKAGE_NAME}.instagramBusiness`,
			credentials: credentialRef(userCredential),
			parameters: {
				authentication: 'metaAccessTokenApi',
				resource: 'media',
				operation: 'publish',
				account: rl(sb.seedResult.instagram.id),
				postType: 'image',
				imageUrl: '=https://cdn.example.com/q.jpg?post={{ $json.n }}',
				caption: '=Queue post {{ $json.n }}',
				options: { retryWaitSeconds: 0.05 },
			},
		},
		{ ...RETRY_ON_FAIL, onError: 'continueErrorOutput' },
	);
	const { executions, success, errors } = await runInChunks(target, Array.from({ length: 200 }, (_, n) => ({ n })), 4);
	say(`instagram: ${success.length} published, ${errors.length} on the error output; workers ran ${ranBy(executions)}; fault share ${faultShare().toFixed(2)}`);
	expect(executions.map((e) => e.status)).toEqual(Array(4).fill('success'));
	const media = [...sb.state.ns('instagram', () => null).media.values()];
	expect(media).toHaveLength(200);
	expect(new Set(media.map((m) => m.caption)).size).toBe(200);
	expect(errors).toEqual([]);
	expect(success).toHaveLength(200);
	expect(success.map((i) => i.id).sort()).toEqual(media.map((m) => m.id).sort());
	expect(ranBy(executions).every((n) => n > 0)).toBe(true);
	// n8n's own deduplication table holds the records, not a process's memory.
	const [{ count }] = await cluster.query('SELECT count(*)::int AS count FROM processed_data WHERE "workflowId" = $1', [target.workflow.id]);
	expect(count).toBeGreaterThan(0);
	sb.admin.clearFaults();
});

test('1,000 WhatsApp template sends in 4 executions on two workers, Retry On Fail, 20% faults: exactly 1,000 accepted and 1,000 items', async () => {
	const messages = `/${sb.seedResult.waba.phoneNumberId}/messages`;
	sb.admin.addFault({ kind: 'http5xx', code: 2, probability: 0.1, seed: 5, times: 0, match: { path: messages } });
	sb.admin.addFault({ kind: 'lostResponse', probability: 0.111, seed: 7, times: 0, match: { path: messages } });
	const before = whatsappAdmin(sb.state).accepted().length;
	// Below the number's 80 per second (four executions share it): a refusal whose answer is lost would be an unknown that never went out.
	const target = await activeWorkflow('WhatsApp exactly once (queue)', whatsAppTemplate({ messagesPerSecond: 15, pairWaitSeconds: 0.5 }), { ...RETRY_ON_FAIL, onError: 'continueErrorOutput' });
	const items = Array.from({ length: 1000 }, (_, n) => ({ n: String(n), phone: `+49151${4000000 + n}` }));
	const { executions, success, errors } = await runInChunks(target, items, 4);
	say(`whatsapp: ${success.length} sent, ${errors.length} unknown on the error output; workers ran ${ranBy(executions)}; fault share ${faultShare().toFixed(2)}`);
	expect(executions.map((e) => e.status)).toEqual(Array(4).fill('success'));
	const accepted = whatsappAdmin(sb.state).accepted().slice(before).map((m) => m.payload.biz_opaque_callback_data);
	expect(accepted).toHaveLength(1000);
	expect(new Set(accepted).size).toBe(1000);
	expect(success.length + errors.length).toBe(1000);
	expect(new Set([...success.map((i) => i.to), ...errors.map((i) => i.phone)]).size).toBe(1000);
	expect(errors.every((i) => i.details.outcome === 'unknown')).toBe(true);
	expect(ranBy(executions).every((n) => n > 0)).toBe(true);
	sb.admin.clearFaults();
});

function whatsAppTemplate(sendOptions = {}) {
	const { waba } = sb.seedResult;
	return {
		name: 'Action',
		type: `${PACKAGE_NAME}.whatsAppCloud`,
		credentials: credentialRef(systemCredential),
		parameters: {
			authentication: 'metaAccessTokenApi',
			resource: 'message',
			operation: 'sendTemplate',
			wabaId: rl(waba.id),
			phoneNumberId: rl(waba.phoneNumberId),
			to: '={{ $json.phone }}',
			templateName: rl('hello_world', 'name'),
			templateLanguage: 'en_US',
			templateVariables: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
			sendOptions: { bizOpaqueCallbackData: '={{ $json.n }}', ...sendOptions },
		},
	};
}
