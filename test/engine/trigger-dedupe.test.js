'use strict';
// Redelivery dedupe as users meet it, through the webhook harness (real HTTP, n8n-core's WebhookContext and
// WorkflowExecute): a workflow saved by an earlier release keeps recognising the ids it stored, a process puts back
// ids another process's write dropped, and a pure redelivery leaves static data as it was (nothing to save).
const crypto = require('crypto');
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');
const forgetProcessMemory = () => require('../../dist/nodes/shared/webhooks/dedupe').forgetProcessMemory();

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

async function whatsappTrigger() {
	const { app } = fx.seed;
	const credential = fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'verify-me' });
	return await triggers.start('whatsAppCloudTrigger', { events: ['message', 'status'] }, credential);
}
const deliver = (hook, payload) => fx.sandbox.webhooks.deliver({ url: hook.url(), payload });
const nodeData = (hook) => Object.values(hook.staticData)[0];
const messageIds = (payload) => payload.entry.flatMap((e) => e.changes.flatMap((c) => (c.value.messages ?? []).map((m) => `message:${m.id}`)));

test('ids stored by the earlier format (one key per event) are still recognised after the upgrade, and the old record goes once all of it has expired', async () => {
	const hook = await whatsappTrigger();
	const payload = events.envelope.whatsapp(events.whatsapp.messages(['text', 'text']));
	const legacyKey = (id) => crypto.createHash('sha256').update(id).digest('base64url').slice(0, 16);
	const future = Math.floor(Date.now() / 1000) + 86_400;
	hook.staticData[`node:${hook.name}`] = { metaSeenEvents: Object.fromEntries(messageIds(payload).map((id) => [legacyKey(id), future])) };
	const result = await deliver(hook, payload);
	expect(result.status).toBe(200);
	expect(JSON.parse(result.body)).toMatchObject({ events: 0, duplicates: 2 });
	expect(hook.executions).toHaveLength(0);

	nodeData(hook).metaSeenEvents = { [legacyKey('message:long-gone')]: 1_000_000 };
	await deliver(hook, events.envelope.whatsapp(events.whatsapp.messages(['text'])));
	expect(hook.executions).toHaveLength(1);
	expect(nodeData(hook).metaSeenEvents).toBeUndefined();
});

test("ids another process's write dropped (n8n writes static data whole, last writer wins) come back with this process's next write", async () => {
	const hook = await whatsappTrigger();
	const first = events.envelope.whatsapp(events.whatsapp.messages(['text']));
	await deliver(hook, first);
	// Another webhook processor, which loaded static data before that write, saves its own record over it.
	nodeData(hook).metaSeenEventLog = { gen: 42, count: 0, log: '' };
	await deliver(hook, events.envelope.whatsapp(events.whatsapp.messages(['text'])));
	expect(nodeData(hook).metaSeenEventLog.count).toBe(2);
	forgetProcessMemory();
	await deliver(hook, first);
	expect(hook.executions).toHaveLength(2);
});

test('a redelivery of events already recorded leaves static data untouched (nothing for n8n to save)', async () => {
	const hook = await whatsappTrigger();
	const payload = events.envelope.whatsapp(events.whatsapp.messages(['text']), events.whatsapp.statuses(['sent']));
	await deliver(hook, payload);
	const before = JSON.stringify(nodeData(hook));
	const again = await deliver(hook, payload);
	expect(JSON.parse(again.body)).toMatchObject({ events: 0, duplicates: 2 });
	expect(JSON.stringify(nodeData(hook))).toBe(before);
	expect(hook.executions).toHaveLength(1);
});
