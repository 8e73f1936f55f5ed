'use strict';
// Events as Meta names and sends them, through the webhook harness (real HTTP, n8n-core's WebhookContext and
// WorkflowExecute): every field name of the reference's webhook lists yields its items under that name, event ids are
// unique per event, a replayed delivery starts nothing, a delivery older than Meta's redelivery window is refused.
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');
// Loaded where used, so that each test fails on its own where these modules do not exist.
const fieldTable = () => require('../../dist/nodes/shared/webhooks/fields').WEBHOOK_FIELDS;
const forgetProcessMemory = () => require('../../dist/nodes/shared/webhooks/dedupe').forgetProcessMemory();

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

const { REFERENCE_FIELDS } = require('../support/referenceFields');

function appCredential() {
	const { app } = fx.seed;
	return fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken: 'verify-me' });
}

async function metaTrigger(object, fields, options = {}) {
	const parameters = object === 'page' ? { object: 'page', fields, options } : { object: 'other', customObject: object, fields, options };
	return await triggers.start('metaTrigger', parameters, appCredential());
}

const deliver = (hook, payload, extra = {}) => fx.sandbox.webhooks.deliver({ url: hook.url(), payload, ...extra });

test("the code's field table holds exactly the reference's field names", () => {
	for (const [object, names] of Object.entries(REFERENCE_FIELDS)) {
		const table = fieldTable()[object];
		const inTable = [...table.messaging.map((f) => f.field), ...table.changes.map((c) => c.field)];
		expect([...new Set(inTable)].sort()).toEqual([...names].sort());
	}
});

describe.each(Object.entries(REFERENCE_FIELDS))('every %s field delivered by the sandbox yields its items under its own name', (object, names) => {
	test.each(names)('%s', async (field) => {
		const hook = await metaTrigger(object, field);
		const result = await deliver(hook, events.byField(object, field));
		expect(result.status).toBe(200);
		expect(hook.executions).toHaveLength(1);
		const items = hook.executions[0].outputs[0];
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.field === field && item.object === object)).toBe(true);
	});
});

test("version 1's labels (messaging_postback, messaging_reaction, messaging_read…) still select Meta's fields", async () => {
	const hook = await metaTrigger('page', 'messaging_postback, messaging_reaction, messaging_read, messaging_referral, messaging_optin, messaging_message_edit', { separateOutputs: true });
	const fields = ['messaging_postbacks', 'message_reactions', 'message_reads', 'messaging_referrals', 'messaging_optins', 'message_edits'];
	const entries = fields.map((field) => events.messaging('page', field));
	await deliver(hook, events.envelope.page(...entries));
	expect(hook.executions).toHaveLength(1);
	expect(hook.executions[0].outputs.map((items) => items.map((i) => i.field))).toEqual(fields.map((f) => [f]));
});

test('a field the trigger does not filter for is acknowledged with 200 and starts nothing', async () => {
	const hook = await metaTrigger('page', 'feed');
	const result = await deliver(hook, events.byField('page', 'message_reactions'));
	expect(result.status).toBe(200);
	expect(hook.executions).toHaveLength(0);
});

test('react then unreact, and two edits of one message, in one delivery are four events', async () => {
	const hook = await metaTrigger('page', 'message_reactions, message_edits');
	const mid = 'm_target_1';
	const at = Date.now();
	const payload = events.envelope.page(
		events.messaging('page', 'message_reactions', { mid, action: 'react' }, { at }),
		events.messaging('page', 'message_reactions', { mid, action: 'unreact' }, { at: at + 1 }),
		events.messaging('page', 'message_edits', { mid, numEdit: 1, text: 'first edit' }, { at: at + 2 }),
		events.messaging('page', 'message_edits', { mid, numEdit: 2, text: 'second edit' }, { at: at + 3 }),
	);
	await deliver(hook, payload);
	const items = hook.executions[0].outputs[0];
	expect(items.map((i) => [i.kind, i.action ?? i.text])).toEqual([
		['reaction', 'react'],
		['reaction', 'unreact'],
		['message_edit', 'first edit'],
		['message_edit', 'second edit'],
	]);
	expect(new Set(items.map((i) => i.eventId)).size).toBe(4);
});

test('the same signed body twice starts one execution; the second is acknowledged as a duplicate', async () => {
	const hook = await metaTrigger('page', 'messages, feed');
	const payload = events.envelope.page(events.page.messengerMessage('once'), events.page.feedComment('once too'));
	const first = await deliver(hook, payload);
	const second = await deliver(hook, payload);
	expect([first.status, second.status]).toEqual([200, 200]);
	expect(hook.executions).toHaveLength(1);
	expect(hook.executions[0].outputs[0]).toHaveLength(2);
	expect(JSON.parse(second.body)).toMatchObject({ received: true, events: 0, duplicates: 2 });
});

test('a redelivery reaching a process that never saw the event (restart, another webhook processor) starts nothing: static data holds the ids', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message', 'status'] }, appCredential());
	const payload = events.envelope.whatsapp(events.whatsapp.messages(['text']), events.whatsapp.statuses(['sent', 'delivered']));
	await deliver(hook, payload);
	forgetProcessMemory();
	await deliver(hook, payload);
	expect(hook.executions).toHaveLength(1);
	expect(hook.executions[0].outputs[0]).toHaveLength(3);
	expect(Object.values(hook.staticData).find((d) => d.metaSeenEventLog).metaSeenEventLog).toMatchObject({ count: 3 });
});

test('a correctly signed delivery from 2020 is refused with a reason, starts nothing, and is recorded with its fix', async () => {
	const hook = await metaTrigger('page', 'feed');
	const entry = events.page.feedComment('old');
	entry.time = Date.UTC(2020, 0, 15) / 1000;
	const result = await deliver(hook, events.envelope.page(entry));
	expect(result.status).toBe(403);
	expect(JSON.parse(result.body).error).toMatch(/2020-01-15.*older than the 36 hours Meta keeps redelivering page events/);
	expect(hook.executions).toHaveLength(0);
	const [refusal] = Object.values(hook.staticData).find((d) => d.metaRefusedDeliveries).metaRefusedDeliveries;
	expect(refusal).toMatchObject({ status: 403, cause: 'expired' });
	expect(refusal.fix).toMatch(/replayed/);
});

test('WhatsApp keeps redelivering for 7 days: a 3-day-old status is accepted, an 8-day-old one refused', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['status'] }, appCredential());
	const aged = (days) => {
		const entry = events.whatsapp.statuses(['read']);
		entry.changes[0].value.statuses[0].timestamp = String(Math.floor(Date.now() / 1000) - days * 86400);
		return events.envelope.whatsapp(entry);
	};
	expect((await deliver(hook, aged(3))).status).toBe(200);
	expect((await deliver(hook, aged(8))).status).toBe(403);
	expect(hook.executions).toHaveLength(1);
});

test('staleness is judged on every event a delivery states, also those the trigger does not take', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['status'] }, appCredential());
	const daysAgo = (days) => String(Math.floor(Date.now() / 1000) - days * 86400);
	const oldMessage = () => {
		const entry = events.whatsapp.messages(['text']);
		entry.changes[0].value.messages[0].timestamp = daysAgo(8);
		return entry;
	};
	// Only an 8-day-old message, which this trigger does not take: still a replayed copy, refused.
	expect((await deliver(hook, events.envelope.whatsapp(oldMessage()))).status).toBe(403);
	// The same old message beside a fresh status: the delivery is as new as its newest event, and the status starts.
	const fresh = events.whatsapp.statuses(['read']);
	const accepted = await deliver(hook, events.envelope.whatsapp(oldMessage(), fresh));
	expect(accepted.status).toBe(200);
	expect(hook.executions).toHaveLength(1);
	expect(hook.executions[0].outputs[0].map((item) => item.kind)).toEqual(['status']);
});

test('elements of a WhatsApp list that are not objects are left out; the events beside them still start', async () => {
	// Meta sends objects only; a signed delivery with a null in a list used to throw, and n8n answered 500, so Meta
	// would have sent it again for 7 days.
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message', 'status'] }, appCredential());
	const entry = events.whatsapp.messages(['text', 'text']);
	const value = entry.changes[0].value;
	const [first, second] = value.messages;
	first.from = value.contacts[0].wa_id;
	second.from = '15550009999';
	value.contacts = [null, value.contacts[0], 7, { wa_id: '15550009999', profile: { name: 'Second' } }];
	value.messages = [null, first, 'text', [], second];
	const status = events.whatsapp.statuses(['read']);
	const statusValue = status.changes[0].value;
	statusValue.statuses = [statusValue.statuses[0], null];
	statusValue.errors = [null];
	const result = await deliver(hook, events.envelope.whatsapp(entry, status));
	expect(result.status).toBe(200);
	expect(hook.executions).toHaveLength(1);
	const items = hook.executions[0].outputs[0];
	expect(items.map((item) => [item.kind, item.eventId])).toEqual([
		['message', `message:${first.id}`],
		['message', `message:${second.id}`],
		['status', `status:${statusValue.statuses[0].id}:read`],
	]);
	expect(items[0].contact).toEqual(value.contacts[1]);
	expect(items[1].contact.profile.name).toBe('Second');
});

test('refusals are recorded without secrets: wrong app secret and wrong verify token, with what to do', async () => {
	const hook = await metaTrigger('page', 'feed');
	const wrong = await deliver(hook, events.byField('page', 'feed'), { signWith: 'not-the-secret' });
	expect(wrong.status).toBe(401);
	// Meta retries a refused delivery on its schedule (sandbox default): every attempt is refused and recorded.
	expect(wrong.attempts).toBe(10);
	const handshake = await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'wrong-token' });
	expect(handshake.status).toBe(403);
	const refusals = Object.values(hook.staticData).find((d) => d.metaRefusedDeliveries).metaRefusedDeliveries;
	// The last ten are kept: nine of the ten signature refusals, then the handshake.
	expect(refusals.map((r) => r.cause)).toEqual([...Array(9).fill('signature'), 'verify_token']);
	expect(refusals[0].fix).toMatch(/app secret/);
	expect(refusals[9].fix).toMatch(/verify token/);
	expect(JSON.stringify(refusals)).not.toContain(fx.seed.app.secret);
	expect(hook.executions).toHaveLength(0);
});

test("a failed WhatsApp status carries Meta's code and title and the catalog's sentence saying what to do", async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['status'] }, appCredential());
	await deliver(hook, events.envelope.whatsapp(events.whatsapp.statuses(['failed'])));
	const [status] = hook.executions[0].outputs[0];
	expect(status.error).toMatchObject({ code: 131047, title: 'Re-engagement message' });
	expect(status.error.fix).toMatch(/approved template.*24 hours/);
});

test('an unknown error code on a status falls back to Meta\'s own details as the fix', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['status'] }, appCredential());
	const entry = events.whatsapp.statuses(['failed']);
	entry.changes[0].value.statuses[0].errors = [{ code: 999999123, title: 'Something new', error_data: { details: 'Meta says why.' } }];
	await deliver(hook, events.envelope.whatsapp(entry));
	expect(hook.executions[0].outputs[0][0].error).toMatchObject({ code: 999999123, title: 'Something new', fix: 'Meta says why.' });
});

test('event ids are stable across redeliveries with another entry.time (Meta batches again)', async () => {
	const hook = await metaTrigger('page', 'message_reactions');
	const entry = events.messaging('page', 'message_reactions', { mid: 'm_same', action: 'react' });
	await deliver(hook, events.envelope.page(entry));
	await deliver(hook, events.envelope.page({ ...entry, time: entry.time + 5000 }));
	expect(hook.executions).toHaveLength(1);
});
