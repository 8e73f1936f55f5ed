'use strict';
// Refusals visible in n8n (real n8n 2.41.1): a forged delivery (401) and a stale one (403) start no execution; the
// trigger records them in its workflow's static data; the Meta Setup Doctor, with an n8n API key of this n8n
// (Check Refused Deliveries), lists both under the trigger's workflow with the reason and the fix, and no secret.
const { createInstagramTriggerWorkflow } = require('./instagram-trigger-workflow');
const { PACKAGE_NAME } = require('./n8n-instance');
const events = require('../sandbox/products/events');
const { useN8nWithSandbox } = require('./use-n8n');
const { REFUSAL_FIX } = require('../../dist/nodes/shared/webhooks/refusals');

const env = useN8nWithSandbox('e2e refused deliveries');
const TRIGGER = 'Instagram Business Trigger';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('a forged and a stale delivery are refused, start nothing, and the Setup Doctor reports both with reason and fix', async () => {
	const { sb, n8n } = env;
	// This n8n listens on http://127.0.0.1; Meta (the sandbox's default) accepts only HTTPS callbacks.
	sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	const { app, tokens } = sb.seedResult;
	const verifyToken = 'refusals-verify-token-secret';
	const { workflow, webhookId } = await createInstagramTriggerWorkflow(n8n, sb, { name: 'Comments (refusals)', nodeName: TRIGGER, events: ['comment'], verifyToken });
	await n8n.activateWorkflow(workflow.id);
	const url = `${n8n.url}/webhook/${webhookId}/meta`;

	// retries: 0 — one attempt each, so the test counts exactly one refusal per delivery (Meta would retry a 4xx).
	const forged = await sb.webhooks.deliver({ url, payload: events.envelope.instagram(events.instagram.comment('forged')), signWith: 'not-the-app-secret', retries: 0 });
	expect(forged.status).toBe(401);
	const old = events.instagram.comment('replayed from 2020');
	old.time = Date.UTC(2020, 0, 1) / 1000;
	const stale = await sb.webhooks.deliver({ url, payload: events.envelope.instagram(old), retries: 0 });
	expect(stale.status).toBe(403);
	await sleep(1500);
	expect(await n8n.listExecutions(workflow.id)).toHaveLength(0);

	// An accepted delivery afterwards starts its execution and keeps the record (static data is saved whole).
	const accepted = await sb.webhooks.deliver({ url, payload: events.envelope.instagram(events.instagram.comment('a real one')), retries: 0 });
	expect(accepted.status).toBe(200);
	for (const deadline = Date.now() + 30000; (await n8n.listExecutions(workflow.id)).length < 1 && Date.now() < deadline; ) await sleep(250);
	expect(await n8n.listExecutions(workflow.id)).toHaveLength(1);

	const { rawApiKey } = await n8n.rest('POST', '/api-keys', { label: 'Setup Doctor', scopes: ['workflow:list', 'workflow:read'], expiresAt: null });
	expect(typeof rawApiKey).toBe('string');
	const n8nApi = await n8n.createCredential({ name: 'This n8n', type: 'metaN8nApi', data: { apiKey: rawApiKey, baseUrl: n8n.url } });
	const ada = await n8n.createCredential({
		name: 'Doctor Ada',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, apiHost: 'auto', graphApiVersion: 'v26.0', baseUrlOverride: sb.url },
	});
	const doctor = await n8n.createWorkflow({
		name: 'Setup Doctor: refused deliveries',
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'doctor',
				name: 'Meta Setup Doctor',
				type: `${PACKAGE_NAME}.metaSetupDoctor`,
				typeVersion: 1,
				position: [260, 0],
				parameters: { authentication: 'metaAccessTokenApi', resource: 'token', operation: 'check', checkRefusals: true },
				credentials: { metaAccessTokenApi: { id: ada.id, name: ada.name }, metaN8nApi: { id: n8nApi.id, name: n8nApi.name } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Meta Setup Doctor', type: 'main', index: 0 }]] } },
	});
	const run = await n8n.runManually(doctor.id);
	expect(run.data.resultData.error).toBeUndefined();
	const [report] = n8n.nodeOutput(run, 'Meta Setup Doctor');

	const ofTrigger = report.refusedDeliveries.find((t) => t.workflowId === workflow.id && t.node === TRIGGER);
	expect(ofTrigger.refusals.map((r) => [r.status, r.cause])).toEqual([
		[401, 'signature'],
		[403, 'expired'],
	]);
	expect(ofTrigger.refusals[0].reason).toMatch(/signature does not match the app secret/);
	expect(ofTrigger.refusals[0].fix).toBe(REFUSAL_FIX.signature);
	expect(ofTrigger.refusals[1].reason).toMatch(/dated 2020-01-01T00:00:00\.000Z, older than the 36 hours/);
	expect(ofTrigger.refusals[1].fix).toBe(REFUSAL_FIX.expired);

	const line = report.checks.find((c) => c.id === 'webhooks.refusals' && c.subject.includes(workflow.id));
	expect(line.status).toBe('warn');
	expect(line.found).toContain('2 refused deliveries');
	expect(line.found).toContain('refused with 401');
	expect(line.found).toContain('refused with 403');
	expect(line.found).toContain(REFUSAL_FIX.signature);
	expect(line.fix.length).toBeGreaterThan(20);
	// The Doctor's own workflow has no trigger: it is not listed; nothing else is.
	expect(report.refusedDeliveries.map((t) => t.workflowId)).toEqual([workflow.id]);

	const output = JSON.stringify(report);
	for (const secret of [rawApiKey, app.secret, app.instagramAppSecret, verifyToken, tokens.adaUser].filter(Boolean)) expect(output).not.toContain(secret);
	// Reading the refusals started nothing in the trigger's workflow.
	expect(await n8n.listExecutions(workflow.id)).toHaveLength(1);
});
