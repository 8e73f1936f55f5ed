'use strict';
// The trigger nodes in a real n8n 2.41.1: activation subscribes the production URL with the sandbox's Meta, which
// verifies it with its GET handshake; signed deliveries start executions with one item per event; forged ones get
// 401 and start none; deactivation removes the subscription. This also proves n8n hands webhook() the raw bytes.
const { createInstagramTriggerWorkflow } = require('./instagram-trigger-workflow');
const events = require('../sandbox/products/events');
const { routeDelivery } = require('../sandbox/products/subscriptions');
const { useN8nWithSandbox } = require('./use-n8n');

const env = useN8nWithSandbox('e2e triggers');
let sb;
let n8n;
beforeAll(() => {
	({ sb, n8n } = env);
	// Why: this n8n listens on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS callbacks.
	sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function executionsOf(workflowId, count, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const list = await n8n.listExecutions(workflowId);
		const finished = list.filter((e) => e.status === 'success' || e.finished);
		if (finished.length >= count || Date.now() > deadline) return list;
		await sleep(250);
	}
}

test('an active Instagram Business Trigger subscribes, receives signed deliveries as items and refuses forged ones', async () => {
	const { app } = sb.seedResult;
	const { workflow, webhookId } = await createInstagramTriggerWorkflow(n8n, sb, { name: 'Instagram comments and DMs', nodeName: 'Instagram Business Trigger', events: ['message', 'comment'], verifyToken: 'e2e-verify' });
	await n8n.activateWorkflow(workflow.id);

	const subscription = [...sb.state.appSubscriptions.get(app.id).values()].find((s) => s.object === 'instagram');
	expect(subscription.callback_url).toBe(`${n8n.url}/webhook/${webhookId}/meta`);
	expect([...subscription.fields.keys()].sort()).toEqual(['comments', 'messages']);

	const payload = events.envelope.instagram(events.instagram.comment('Très bien — from the sandbox'), events.instagram.message('a DM'), events.instagram.reaction());
	expect(sb.state.subscribedApps.get(sb.seedResult.page.id).get(app.id).subscribed_fields.sort()).toEqual(['comments', 'messages']);
	const delivered = await routeDelivery(sb.state, sb.webhooks, { object: 'instagram', targetId: sb.seedResult.page.id, field: 'comments', payload });
	expect(delivered.status).toBe(200);
	const [execution] = await executionsOf(workflow.id, 1);
	const items = n8n.nodeOutput(await n8n.waitForExecution(execution.id), 'Instagram Business Trigger');
	expect(items.map((i) => i.kind)).toEqual(['comment', 'message']);
	expect(items[0].text).toBe('Très bien — from the sandbox');

	const forged = await sb.webhooks.deliver({ url: subscription.callback_url, payload, signWith: 'not-the-secret' });
	expect(forged.status).toBe(401);
	const unsigned = await n8n.callWebhook(`${webhookId}/meta`, { body: payload });
	expect(unsigned.status).toBe(401);
	await sleep(1000);
	expect(await n8n.listExecutions(workflow.id)).toHaveLength(1);

	// n8n 2.41 unpublishes asynchronously: wait for the trigger's delete() to have run.
	await n8n.deactivateWorkflow(workflow.id);
	const deadline = Date.now() + 20000;
	while (sb.state.appSubscriptions.get(app.id).has('instagram') && Date.now() < deadline) await sleep(200);
	expect(sb.state.appSubscriptions.get(app.id).has('instagram')).toBe(false);
	expect(sb.state.subscribedApps.get(sb.seedResult.page.id).has(app.id)).toBe(false);
});

test('version 2 in a real n8n: a second workflow on the same app and object is refused naming the first, which keeps receiving', async () => {
	const { app } = sb.seedResult;
	const callback = () => sb.state.appSubscriptions.get(app.id)?.get('instagram')?.callback_url;
	const first = await createInstagramTriggerWorkflow(n8n, sb, { name: 'Comments to the CRM', events: ['comment'], typeVersion: 2 });
	await n8n.activateWorkflow(first.workflow.id);
	const firstUrl = `${n8n.url}/webhook/${first.webhookId}/meta`;
	expect(callback()).toBe(firstUrl);

	const second = await createInstagramTriggerWorkflow(n8n, sb, { name: 'DMs to support', events: ['message'], typeVersion: 2 });
	// n8n 2.41 retries a trigger that fails to activate for about half a minute before it reports the failure.
	const refusal = await n8n.activateWorkflow(second.workflow.id, { timeoutMs: 120000 }).catch((e) => e);
	expect(refusal).toBeInstanceOf(Error);
	expect(refusal.message).toContain(`The workflow \\"Comments to the CRM\\" (ID ${first.workflow.id}, node \\"Instagram Business Trigger\\") of this n8n already receives`);
	expect(callback()).toBe(firstUrl);

	const payload = events.envelope.instagram(events.instagram.comment('still mine'));
	expect(await routeDelivery(sb.state, sb.webhooks, { object: 'instagram', targetId: sb.seedResult.page.id, field: 'comments', payload })).toMatchObject({ url: firstUrl, status: 200 });
	const [execution] = await executionsOf(first.workflow.id, 1);
	expect(n8n.nodeOutput(await n8n.waitForExecution(execution.id), 'Instagram Business Trigger').map((i) => i.text)).toEqual(['still mine']);

	// Once the first is deactivated, the second may take the app's callback.
	await n8n.deactivateWorkflow(first.workflow.id);
	const deadline = Date.now() + 20000;
	while (callback() && Date.now() < deadline) await sleep(200);
	await n8n.activateWorkflow(second.workflow.id);
	expect(callback()).toBe(`${n8n.url}/webhook/${second.webhookId}/meta`);
	await n8n.deactivateWorkflow(second.workflow.id);
});
