'use strict';
// The three trigger nodes through the webhook harness: real HTTP, signed by the sandbox exactly as Meta signs,
// fanned out into one item per event.
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

const TYPES = { instagram: 'instagramBusinessTrigger', whatsapp: 'whatsAppCloudTrigger', meta: 'metaTrigger' };

async function trigger(kind, parameters) {
	const { app } = fx.seed;
	const credentials = fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken: 'verify-me' });
	return await triggers.start(TYPES[kind], parameters, credentials);
}

const deliver = (harness, payload, extra = {}) => fx.sandbox.webhooks.deliver({ url: harness.url(), payload, ...extra });
const ALL_IG = ['message', 'message_echo', 'message_deleted', 'message_edit', 'postback', 'reaction', 'seen', 'referral', 'comment', 'live_comment', 'mention', 'story_insights'];

describe('Instagram Business Trigger', () => {
	test('every Instagram event kind in one delivery becomes one item each, with the normalised envelope', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ALL_IG });
		const ig = events.instagram;
		const payload = events.envelope.instagram(
			ig.message('Bonjour, ça va ?'), ig.messageEcho(), ig.messageDeleted(), ig.messageEdit(), ig.postback(), ig.reaction(), ig.seen(), ig.referral(),
			ig.comment(), ig.liveComment(), ig.mention(), ig.storyInsights(), ig.commentFlat(),
		);
		const result = await deliver(hook, payload);
		expect(result.status).toBe(200);
		expect(hook.executions).toHaveLength(1);
		const items = hook.executions[0].outputs[0];
		expect(items.map((i) => i.kind)).toEqual([...ALL_IG, 'comment']);
		const [message] = items;
		expect(message).toMatchObject({ object: 'instagram', field: 'messages', kind: 'message', text: 'Bonjour, ça va ?', accountId: fx.seed.instagram.id, recipientId: fx.seed.instagram.id, senderId: '9100000000000001' });
		expect(message.eventId).toMatch(/^message:aWdf/);
		expect(Date.parse(message.timestamp)).toBeGreaterThan(Date.now() - 60_000);
		const comment = items.find((i) => i.kind === 'comment');
		expect(comment).toMatchObject({ field: 'comments', text: 'Nice post!', senderId: '9100000000000002' });
		expect(Date.parse(comment.timestamp)).toBeGreaterThan(Date.now() - 60_000);
		expect(items.every((i) => i.raw === undefined)).toBe(true);
	});

	test('unselected events are dropped before the workflow starts; a delivery with none starts nothing', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ['comment'] });
		const ig = events.instagram;
		const none = await deliver(hook, events.envelope.instagram(ig.message(), ig.reaction()));
		expect(none.status).toBe(200);
		expect(hook.executions).toHaveLength(0);
		await deliver(hook, events.envelope.instagram(ig.message(), ig.comment('only me')));
		expect(hook.executions).toHaveLength(1);
		expect(hook.executions[0].outputs[0].map((i) => i.text)).toEqual(['only me']);
	});

	test('separate outputs route each event kind to its own branch; raw events on request', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ['message', 'comment', 'mention'], options: { separateOutputs: true, includeRaw: true } });
		const ig = events.instagram;
		await deliver(hook, events.envelope.instagram(ig.comment('c1'), ig.message('m1'), ig.mention(), ig.message('m2')));
		const [dms, comments, mentions] = hook.executions[0].outputs;
		expect(dms.map((i) => i.text)).toEqual(['m1', 'm2']);
		expect(comments.map((i) => i.text)).toEqual(['c1']);
		expect(mentions).toHaveLength(1);
		expect(dms[0].raw.message.text).toBe('m1');
	});

	test('the same event twice in one delivery is emitted once', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ['comment'] });
		const entry = events.instagram.comment('twice');
		await deliver(hook, events.envelope.instagram(entry, entry));
		expect(hook.executions[0].outputs[0]).toHaveLength(1);
	});

	test('Instagram Login apps are verified with the Instagram app secret', async () => {
		const { app } = fx.seed;
		const payload = events.envelope.instagram(events.instagram.comment());
		const igLogin = await trigger('instagram', { loginType: 'instagram', events: ['comment'] });
		expect((await deliver(igLogin, payload, { signWith: app.instagramAppSecret })).status).toBe(200);
		expect((await deliver(igLogin, payload, { signWith: app.secret })).status).toBe(401);
		const fbLogin = await trigger('instagram', { loginType: 'facebook', events: ['comment'] });
		expect((await deliver(fbLogin, payload, { signWith: app.instagramAppSecret })).status).toBe(401);
		expect(igLogin.executions).toHaveLength(1);
		expect(fbLogin.executions).toHaveLength(0);
	});

	test('a 1,000-event batch is accepted and fans out into 1,000 items', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ['comment'] });
		const entries = Array.from({ length: 1000 }, (_, i) => events.instagram.comment(`comment ${i} — ünïcødé`));
		const result = await deliver(hook, events.envelope.instagram(...entries));
		expect(result.status).toBe(200);
		const items = hook.executions[0].outputs[0];
		expect(items).toHaveLength(1000);
		expect(new Set(items.map((i) => i.eventId)).size).toBe(1000);
		expect(items[999].text).toBe('comment 999 — ünïcødé');
	});
});

describe('WhatsApp Cloud Trigger', () => {
	test('several messages of every kind and several statuses in one change become one item each', async () => {
		const hook = await trigger('whatsapp', { events: ['message', 'status'] });
		const wa = events.whatsapp;
		await deliver(hook, events.envelope.whatsapp(wa.messages(events.waMessageKinds), wa.statuses(['sent', 'delivered', 'read', 'failed'])));
		const items = hook.executions[0].outputs[0];
		expect(items.filter((i) => i.kind === 'message').map((i) => i.messageType)).toEqual(
			['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'interactive', 'button', 'reaction', 'order'],
		);
		const text = items[0];
		expect(text).toMatchObject({ object: 'whatsapp_business_account', accountId: wa.WABA, senderId: '16505551234', recipientId: wa.PHONE_NUMBER_ID, phoneNumberId: wa.PHONE_NUMBER_ID });
		expect(text.contact.profile.name).toBe('Jess');
		expect(text.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		const statuses = items.filter((i) => i.kind === 'status');
		// Meta keeps no order among statuses (the sandbox shuffles them by default): every one once, in any order.
		expect(statuses.map((s) => s.status).sort()).toEqual(['delivered', 'failed', 'read', 'sent']);
		expect(statuses.find((s) => s.status === 'failed').error).toMatchObject({ code: 131047, title: 'Re-engagement message' });
		expect(new Set(items.map((i) => i.eventId)).size).toBe(items.length);
	});

	test('filters by message kind, status kind and phone number', async () => {
		const hook = await trigger('whatsapp', { events: ['message', 'status'], messageTypes: ['text'], statuses: ['failed'], phoneNumberIds: events.whatsapp.PHONE_NUMBER_ID });
		const wa = events.whatsapp;
		await deliver(hook, events.envelope.whatsapp(wa.messages(['text', 'image']), wa.statuses(['sent', 'failed']), wa.messages(['text'], { phoneNumberId: '1699999999999999' })));
		const items = hook.executions[0].outputs[0];
		expect(items.map((i) => `${i.kind}:${i.messageType ?? i.status}:${i.phoneNumberId}`)).toEqual([
			`message:text:${wa.PHONE_NUMBER_ID}`,
			`status:failed:${wa.PHONE_NUMBER_ID}`,
		]);
	});

	test('template status and quality updates, account and phone-number updates', async () => {
		const hook = await trigger('whatsapp', { events: ['template_status', 'template_quality', 'account_update', 'phone_number_quality_update'] });
		const wa = events.whatsapp;
		await deliver(hook, events.envelope.whatsapp(wa.templateStatus('REJECTED'), wa.templateQuality(), wa.accountUpdate(), wa.phoneQuality(), wa.messages(['text'])));
		const items = hook.executions[0].outputs[0];
		expect(items.map((i) => i.kind)).toEqual(['template_status', 'template_quality', 'account_update', 'phone_number_quality_update']);
		expect(items[0]).toMatchObject({ event: 'REJECTED', message_template_name: 'order_update' });
	});
});

describe('Meta Trigger', () => {
	test('Page feed, lead ads and Messenger messages, filtered by field; other objects are acknowledged and dropped', async () => {
		const hook = await trigger('meta', { object: 'page', fields: 'leadgen, messages' });
		await deliver(hook, events.envelope.page(events.page.feedComment(), events.page.leadgen(), events.page.messengerMessage('hi page')));
		const items = hook.executions[0].outputs[0];
		expect(items.map((i) => i.kind)).toEqual(['leadgen', 'message']);
		expect(items[0].leadgen_id).toMatch(/^4400/);
		expect(items[1]).toMatchObject({ text: 'hi page', senderId: '9300000000000001' });
		const other = await deliver(hook, events.envelope.instagram(events.instagram.comment()));
		expect(other.status).toBe(200);
		expect(hook.executions).toHaveLength(1);
	});
});

describe('refusals', () => {
	test('wrong, missing and malformed signatures get 401; a signed body that is not a Meta envelope gets 403; none starts anything', async () => {
		const hook = await trigger('instagram', { loginType: 'facebook', events: ALL_IG });
		const payload = events.envelope.instagram(events.instagram.comment());
		expect((await deliver(hook, payload, { signWith: 'wrong-secret' })).status).toBe(401);
		expect((await deliver(hook, payload, { headers: { 'X-Hub-Signature-256': null } })).status).toBe(401);
		expect((await deliver(hook, payload, { headers: { 'X-Hub-Signature-256': 'sha1=abc' } })).status).toBe(401);
		const notEnvelope = await deliver(hook, { hello: 'world' });
		expect(notEnvelope.status).toBe(403);
		expect(notEnvelope.body).toMatch(/not a Meta webhook envelope/);
		expect((await deliver(hook, undefined, { rawBody: 'not json at all' })).status).toBe(403);
		expect(hook.executions).toHaveLength(0);
	});

	test('the verification handshake echoes the challenge only for the right verify token', async () => {
		const hook = await trigger('whatsapp', { events: ['message'] });
		expect((await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'verify-me' })).ok).toBe(true);
		const wrong = await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'verify-you' });
		expect(wrong.status).toBe(403);
	});
});
