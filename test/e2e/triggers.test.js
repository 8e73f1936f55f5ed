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
