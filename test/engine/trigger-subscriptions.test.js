'use strict';
// Automatic subscriptions: activation registers the trigger's URL with the sandbox's Meta (which verifies it with a
// GET handshake, as Meta does), deactivation removes only what the trigger added, WhatsApp triggers on one app each
// get their own account's events, and testing in the editor leaves the production subscription alone.
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');
const { routeDelivery } = require('../sandbox/products/subscriptions');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

function appCredential() {
	const { app } = fx.seed;
	return fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'verify-me' });
}

/** The app credential plus Ada's user token, the connection that subscribes her Page. */
function pageCredentials() {
	const { app, tokens } = fx.seed;
	return { ...appCredential(), ...fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret }) };
}

async function trigger(type, parameters, credentials = type === 'instagramBusinessTrigger' ? pageCredentials() : appCredential(), webhookId) {
	if (type === 'instagramBusinessTrigger' && parameters.subscribe) {
		parameters = { accountAuthentication: 'metaAccessTokenApi', pageId: fx.seed.page.id, ...parameters };
	}
	return await triggers.start(type, parameters, credentials, webhookId);
}

const subscriptions = () => fx.admin && [...(fx.sandbox.state.appSubscriptions.get(fx.seed.app.id)?.values() ?? [])];
const fieldsOf = (object) => [...(subscriptions().find((s) => s.object === object)?.fields.keys() ?? [])].sort();
const route = (spec) => routeDelivery(fx.sandbox.state, fx.sandbox.webhooks, spec);

test('activation subscribes the URL (verified by Meta’s GET), events arrive, deactivation removes what it added', async () => {
	const hook = await trigger('instagramBusinessTrigger', { loginType: 'facebook', events: ['message', 'comment', 'mention'], subscribe: true });
	expect(await hook.runWebhookMethod('checkExists')).toBe(false);
	expect(await hook.runWebhookMethod('create')).toBe(true);
	expect(subscriptions()).toHaveLength(1);
	expect(subscriptions()[0].callback_url).toBe(hook.url());
	expect(fieldsOf('instagram')).toEqual(['comments', 'mentions', 'messages']);
	expect(hook.responses.some((r) => r.method === 'GET' && r.status === 200)).toBe(true);
	expect(await hook.runWebhookMethod('checkExists')).toBe(true);

	// The Page subscribed the app to the Instagram fields, so the Page's events reach the URL.
	const installs = fx.sandbox.state.subscribedApps.get(fx.seed.page.id);
	expect(installs.get(fx.seed.app.id).subscribed_fields.sort()).toEqual(['comments', 'mentions', 'messages']);
	const sent = await route({ object: 'instagram', targetId: fx.seed.page.id, field: 'comments', payload: events.envelope.instagram(events.instagram.comment('via subscription')) });
	expect(sent).toMatchObject({ delivered: true, status: 200 });
	expect(hook.executions[0].outputs[0][0].text).toBe('via subscription');

	expect(await hook.runWebhookMethod('delete')).toBe(true);
	expect(subscriptions()).toHaveLength(0);
	expect(installs.has(fx.seed.app.id)).toBe(false);
	expect(await hook.runWebhookMethod('checkExists')).toBe(false);
});

test('an Instagram Login account subscribes the app itself (me/subscribed_apps), and gets back what it had on deactivation', async () => {
	const { app, tokens, instagram } = fx.seed;
	const credentials = {
		...fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken: 'verify-me' }),
		...fx.credential('metaAccessTokenApi', { accessToken: tokens.instagramLogin, appSecret: app.instagramAppSecret }),
	};
	// The account already had the app subscribed to story insights (another workflow, or the dashboard).
	fx.sandbox.state.subscribedApps.set(instagram.id, new Map([[app.id, { subscribed_fields: ['story_insights'] }]]));
	const hook = await trigger('instagramBusinessTrigger', { loginType: 'instagram', events: ['comment'], subscribe: true, accountAuthentication: 'metaAccessTokenApi' }, credentials);
	await hook.runWebhookMethod('create');
	const install = () => fx.sandbox.state.subscribedApps.get(instagram.id).get(app.id);
	expect(install().subscribed_fields.sort()).toEqual(['comments', 'story_insights']);
	expect(await hook.runWebhookMethod('checkExists')).toBe(true);
	const payload = events.envelope.instagram(events.instagram.comment('ig login'));
	expect((await route({ object: 'instagram', targetId: instagram.id, field: 'comments', payload, instagramLogin: true })).status).toBe(200);
	// Signed with the Facebook app secret instead: an Instagram Login trigger refuses it.
	expect((await route({ object: 'instagram', targetId: instagram.id, field: 'comments', payload })).status).toBe(401);
	expect(hook.executions).toHaveLength(1);
	await hook.runWebhookMethod('delete');
	expect(install().subscribed_fields).toEqual(['story_insights']);
});

test('deactivation never removes fields another workflow subscribed', async () => {
	const other = await trigger('instagramBusinessTrigger', { loginType: 'facebook', events: ['story_insights'], subscribe: true }, undefined, 'other-workflow');
	await other.runWebhookMethod('create');
	const hook = await trigger('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], subscribe: true });
	await hook.runWebhookMethod('create');
	expect(fieldsOf('instagram')).toEqual(['comments', 'story_insights']);
	await hook.runWebhookMethod('delete');
	expect(fieldsOf('instagram')).toEqual(['story_insights']);
});

test('two WhatsApp triggers on one app each receive only their own account’s events', async () => {
	const { waba, secondWaba, tokens } = fx.seed;
	const credentials = () => ({ ...appCredential(), ...fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser }) });
	const first = await trigger('whatsAppCloudTrigger', { events: ['message'], subscribe: true, whatsappAccountId: waba.id }, credentials(), 'first-workflow');
	const second = await trigger('whatsAppCloudTrigger', { events: ['message'], subscribe: true, whatsappAccountId: secondWaba.id }, credentials(), 'second-workflow');
	await first.runWebhookMethod('create');
	await second.runWebhookMethod('create');
	expect(await first.runWebhookMethod('checkExists')).toBe(true);
	expect(await second.runWebhookMethod('checkExists')).toBe(true);

	const wa = events.whatsapp;
	await route({ object: 'whatsapp_business_account', targetId: waba.id, field: 'messages', payload: events.envelope.whatsapp(wa.messages(['text'], { wabaId: waba.id })) });
	await route({ object: 'whatsapp_business_account', targetId: secondWaba.id, field: 'messages', payload: events.envelope.whatsapp(wa.messages(['text', 'image'], { wabaId: secondWaba.id, phoneNumberId: secondWaba.phoneNumberId })) });
	expect(first.executions.map((e) => e.outputs[0].length)).toEqual([1]);
	expect(second.executions.map((e) => e.outputs[0].length)).toEqual([2]);
	expect(second.executions[0].outputs[0][0].accountId).toBe(secondWaba.id);

	await first.runWebhookMethod('delete');
	expect(await first.runWebhookMethod('checkExists')).toBe(false);
	expect(await second.runWebhookMethod('checkExists')).toBe(true);
	const later = await route({ object: 'whatsapp_business_account', targetId: secondWaba.id, field: 'messages', payload: events.envelope.whatsapp(wa.messages(['text'], { wabaId: secondWaba.id })) });
	expect(later.url).toBe(second.url());
});

test('testing in the editor leaves the production subscription alone unless asked', async () => {
	const hook = await trigger('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], subscribe: true });
	await hook.runWebhookMethod('create');
	expect(subscriptions()[0].callback_url).toBe(hook.url());
	await hook.runWebhookMethod('create', { mode: 'manual' });
	expect(subscriptions()[0].callback_url).toBe(hook.url());

	const asking = await trigger('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], subscribe: true, options: { subscribeWhenTesting: true } });
	await asking.runWebhookMethod('create', { mode: 'manual' });
	expect(subscriptions()[0].callback_url).toBe(asking.testUrl());
});

test('Meta refuses a callback that fails its verification, and activation fails saying so', async () => {
	const hook = await trigger('metaTrigger', { object: 'page', fields: 'feed', subscribe: true });
	await hook.stop(); // Meta's verification GET now finds nobody at the URL
	const error = await hook.runWebhookMethod('create').catch((e) => e);
	expect(error.context.metaError).toMatchObject({ code: 2200 });
	expect(error.description).toMatch(/Callback verification failed/);
	expect(subscriptions()).toHaveLength(0);
	const noFields = await trigger('metaTrigger', { object: 'page', fields: '', subscribe: true });
	await expect(noFields.runWebhookMethod('create')).rejects.toThrow(/List the fields to subscribe to/);
});

test('a Meta Trigger on the page object has the Page subscribe the app, so its lead ads reach the URL', async () => {
	const { page, app } = fx.seed;
	const hook = await trigger('metaTrigger', { object: 'page', fields: 'leadgen', subscribe: true, pageId: page.id, accountAuthentication: 'metaAccessTokenApi' }, pageCredentials());
	await hook.runWebhookMethod('create');
	expect(fx.sandbox.state.subscribedApps.get(page.id).get(app.id).subscribed_fields).toEqual(['leadgen']);
	const sent = await route({ object: 'page', targetId: page.id, field: 'leadgen', payload: events.envelope.page(events.page.leadgen()) });
	expect(sent.status).toBe(200);
	expect(hook.executions[0].outputs[0][0].kind).toBe('leadgen');
	await hook.runWebhookMethod('delete');
	expect(fx.sandbox.state.subscribedApps.get(page.id).has(app.id)).toBe(false);
});
