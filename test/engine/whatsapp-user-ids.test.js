'use strict';
// WhatsApp user identities (docs/whatsapp-user-ids.md): the trigger carries the business-scoped user ID and the username
// next to wa_id, also when Meta shares no phone number; every send accepts a phone number or a user ID; the reply
// loop works for a person known only by user ID. Real WorkflowExecute and the webhook harness against the sandbox.
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');
const w = require('../support/whatsapp');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

const USER_ID = 'US.13491208655302741918';
const admin = () => w.whatsappAdmin(fx.sandbox.state);
const appCredential = () => fx.credential('metaAppApi', { appId: fx.seed.app.id, appSecret: fx.seed.app.secret, verifyToken: 'verify-me' });
const send = (operation, extra, items = [{}]) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters: w.messageParams(fx.seed, operation, extra), items });
const messagesCalls = () => fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages` });
const deliver = (hook, payload) => fx.sandbox.webhooks.deliver({ url: hook.url(), payload });

async function until(check, ms = 3000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('timed out waiting');
}

test('a message from someone who shares no phone number reaches the trigger with user ID and username, wa_id null', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, appCredential());
	const entry = events.whatsapp.messages(['text'], { userId: USER_ID, username: 'jess.travels', withholdPhone: true, phoneNumberId: fx.seed.waba.phoneNumberId });
	expect(entry.changes[0].value.contacts[0].wa_id).toBeUndefined();
	expect(entry.changes[0].value.messages[0].from).toBeUndefined();
	const result = await deliver(hook, events.envelope.whatsapp(entry));
	expect(result.status).toBe(200);
	const [item] = hook.executions[0].outputs[0];
	expect(item).toMatchObject({ kind: 'message', waId: null, userId: USER_ID, username: 'jess.travels', senderId: USER_ID, parentUserId: null });
	expect(item.contact).toEqual({ profile: { name: 'Jess', username: 'jess.travels' }, user_id: USER_ID });
});

test('with a phone number the trigger gives both: waId as before, userId and username alongside', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, appCredential());
	await deliver(hook, events.envelope.whatsapp(events.whatsapp.messages(['text'], { from: '4915112345678', userId: 'DE.88001122', username: 'ana' })));
	const [item] = hook.executions[0].outputs[0];
	expect(item).toMatchObject({ waId: '4915112345678', userId: 'DE.88001122', username: 'ana', senderId: '4915112345678', from: '4915112345678' });
	await deliver(hook, events.envelope.whatsapp(events.whatsapp.messages(['text'], { from: '4915100000000' })));
	expect(hook.executions[1].outputs[0][0]).toMatchObject({ waId: '4915100000000', userId: null, username: null });
});

test('every send operation takes a user ID: it goes in "recipient", never in "to", and the output names the person', async () => {
	admin().addUser({ userId: USER_ID, username: 'jess.travels' });
	admin().customerMessaged(fx.seed.waba.phoneNumberId, USER_ID, 0, 'wamid.fromjess');
	const operations = [
		['sendText', { textBody: 'Yes, in stock!' }],
		['sendMedia', { mediaType: 'image', mediaSource: 'url', mediaUrl: 'https://files.example/blue.jpg' }],
		['sendInteractive', { interactiveType: 'cta_url', bodyText: 'See it in the shop', ctaDisplayText: 'Open', ctaUrl: 'https://shop.example/blue' }],
		['sendLocation', { latitude: 52.52, longitude: 13.405 }],
		['sendContacts', { contacts: { contact: [{ formattedName: 'Shop Berlin', phone: '+49301234567' }] } }],
		['sendReaction', { reactionMessageId: 'wamid.fromjess', emoji: '👍' }],
		['sendTemplate', { templateName: w.rl('hello_world', 'name'), templateLanguage: 'en_US', templateVariables: { mappingMode: 'defineBelow', value: {} } }],
		['sendAndWait', { waitMessage: 'Shall we reserve the blue one for you?', approvalType: 'single' }],
	];
	for (const [operation, extra] of operations) {
		const result = await send(operation, { to: `={{ $json.userId }}`, ...extra }, [{ userId: USER_ID }]);
		expect(result.error).toBeUndefined();
		// Send and Wait passes its input on and puts what it sent under `sent`.
		const output = operation === 'sendAndWait' ? result.items[0].sent : result.items[0];
		expect(output).toMatchObject({ status: 'accepted', to: USER_ID, userId: USER_ID, waId: null });
	}
	for (const call of messagesCalls()) {
		expect(call.status).toBe(200);
		expect(call.body.recipient).toBe(USER_ID);
		expect(call.body).not.toHaveProperty('to');
		expect(call.body.recipient_type).toBe('individual');
	}
	expect(messagesCalls()).toHaveLength(operations.length);
});

test('a malformed user ID is refused naming "To", before any call to Meta; an unknown one is refused by Meta', async () => {
	const bad = await send('sendText', { to: 'us.1234', textBody: 'hi' });
	expect(bad.error?.message).toMatch(/The recipient "us\.1234" in "To" is not a valid WhatsApp user ID/);
	expect(messagesCalls()).toHaveLength(0);
	const unknown = await send('sendText', { to: 'BR.999', textBody: 'hi' });
	expect(unknown.error?.name).toBe('NodeApiError');
	expect(messagesCalls().map((c) => c.status)).toEqual([400]);
});

test('an authentication template cannot go to a user ID: refused before the send, naming "To"', async () => {
	admin().addUser({ userId: USER_ID, username: 'jess.travels' });
	admin().addTemplates(fx.seed.waba.id, [{ name: 'login_code', category: 'AUTHENTICATION', components: [{ type: 'BODY', text: '{{1}} is your code.' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy' }] }] }]);
	const result = await fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters: w.templateParams(fx.seed, 'login_code', 'en_US', { body_1: '123456', button_0_url: '123456' }, { to: USER_ID }) });
	expect(result.error?.message).toMatch(/"To" is a WhatsApp user ID, but the authentication template "login_code" can only be sent to a phone number/);
	expect(messagesCalls()).toHaveLength(0);
});

test('the reply loop for someone known only by user ID: trigger item → send to its userId → status events carry the userId', async () => {
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message', 'status'] }, appCredential());
	admin().statusWebhook({ url: hook.url(), appSecret: fx.seed.app.secret, delaysMs: { sent: 5, delivered: 10, read: 15 } });
	const entry = events.whatsapp.messages(['text'], { userId: USER_ID, username: 'jess.travels', withholdPhone: true, phoneNumberId: fx.seed.waba.phoneNumberId });
	admin().addUser({ userId: USER_ID, username: 'jess.travels' });
	admin().customerMessaged(fx.seed.waba.phoneNumberId, USER_ID, 0, entry.changes[0].value.messages[0].id);
	await deliver(hook, events.envelope.whatsapp(entry));
	const incoming = hook.executions[0].outputs[0][0];
	const reply = await send('sendText', { to: '={{ $json.userId }}', textBody: 'Yes, it is!', sendOptions: { replyToMessageId: '={{ $json.id }}' } }, [incoming]);
	expect(reply.error).toBeUndefined();
	await until(() => hook.executions.length >= 4);
	const statuses = hook.executions.slice(1).map((e) => e.outputs[0][0]);
	expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
	for (const status of statuses) {
		expect(status).toMatchObject({ kind: 'status', id: reply.items[0].messageId, userId: USER_ID, waId: null, recipientId: USER_ID });
		expect(status).not.toHaveProperty('recipient_id');
	}
});

test('the whatsapp-username sample event comes without a phone number and opens the window for that user ID', async () => {
	const { fireSampleEvent } = require('../sandbox/products/sample-events');
	const fired = await fireSampleEvent(fx.sandbox.state, fx.sandbox.webhooks, { kind: 'whatsapp-username' });
	expect(fired.kind).toBe('whatsapp-username');
	const reply = await send('sendText', { to: USER_ID, textBody: 'Yes, the blue one is in stock.' });
	expect(reply.error).toBeUndefined();
	expect(w.accepted(fx).at(-1)).toMatchObject({ to: USER_ID, userId: USER_ID, waId: null });
	expect(w.accepted(fx).at(-1).statuses ?? []).not.toContain('failed');
});
