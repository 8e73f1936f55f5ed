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
	// Why: the harness serves the triggers on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS URLs.
	fx.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
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

// ---------------------------------------------------------------------------------------------------------------------
// Version 2: subscribe by default, test URL and back, several workflows on one app, guard rails.
const { WebhookHarness } = require('../harness/webhooks');

const started = [];
afterEach(async () => {
	while (started.length) await started.pop().stop();
});

/** A version-2 trigger of its own workflow (`workflow` names it), served on loopback like n8n serves it. */
async function v2(type, parameters, { workflow = 'Workflow A', credentials } = {}) {
	const harness = await new WebhookHarness(fx.engine, {
		type: `n8n-nodes-meta-business.${type}`,
		typeVersion: 2,
		parameters,
		credentials: credentials ?? pageCredentials(),
		webhookId: `hook-${workflow.replace(/\W/g, '-')}`,
		workflowId: `wf-${workflow.replace(/\W/g, '-')}`,
		workflowName: workflow,
	}).start();
	started.push(harness);
	return harness;
}

function whatsappCredentials() {
	return { ...appCredential(), ...fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.systemUser }) };
}

const subscription = (object) => subscriptions().find((s) => s.object === object);
const install = (targetId) => fx.sandbox.state.subscribedApps.get(targetId)?.get(fx.seed.app.id);
const graphWrites = () => fx.calls().filter((c) => c.method !== 'GET' && /subscri/.test(c.path));

const igComment = (text) => ({ object: 'instagram', targetId: fx.seed.page.id, field: 'comments', payload: events.envelope.instagram(events.instagram.comment(text)) });
const pageLead = () => ({ object: 'page', targetId: fx.seed.page.id, field: 'leadgen', payload: events.envelope.page(events.page.leadgen()) });
const waMessage = (wabaId = fx.seed.waba.id) => ({ object: 'whatsapp_business_account', targetId: wabaId, field: 'messages', payload: events.envelope.whatsapp(events.whatsapp.messages(['text'], { wabaId })) });
const waTemplate = (wabaId = fx.seed.waba.id) => ({
	object: 'whatsapp_business_account',
	targetId: wabaId,
	field: 'message_template_status_update',
	payload: events.envelope.whatsapp(events.whatsapp.templateStatus('APPROVED', { wabaId })),
});

const kindsOf = (hook) => hook.executions.flatMap((e) => e.outputs.flat().map((i) => i.kind));

test('a version-1 workflow saved before version 2 loads and runs unchanged: no subscription, no test subscription, items as before', async () => {
	// As n8n saved it: parameters equal to their defaults are left out, so `subscribe` (false in version 1) is absent.
	const saved = { type: 'n8n-nodes-meta-business.instagramBusinessTrigger', typeVersion: 1, parameters: { events: ['comment', 'message'] } };
	const hook = await new WebhookHarness(fx.engine, { ...saved, credentials: appCredential() }).start();
	started.push(hook);
	expect(hook.nodeType.description.version).toBe(1);
	expect(await hook.runWebhookMethod('checkExists')).toBe(true);
	expect(await hook.runWebhookMethod('create')).toBe(true);
	expect(await hook.runWebhookMethod('create', { mode: 'manual' })).toBe(true);
	expect(await hook.runWebhookMethod('delete')).toBe(true);
	expect(subscriptions()).toHaveLength(0);
	const sent = await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: events.envelope.instagram(events.instagram.comment('still v1'), events.instagram.message('dm')) });
	expect(sent.status).toBe(200);
	expect(hook.executions[0].outputs[0].map((i) => [i.kind, i.text])).toEqual([
		['comment', 'still v1'],
		['message', 'dm'],
	]);
	const v1Properties = hook.nodeType.description.properties.map((p) => p.name);
	expect(v1Properties).toContain('setupNotice');
	expect(hook.nodeType.description.properties.find((p) => p.name === 'subscribe').default).toBe(false);
});

test.each([
	['metaTrigger', { object: 'page', fields: 'feed, messaging_postback' }, events.envelope.page(events.page.leadgen()), 'feed'],
	['whatsAppCloudTrigger', { events: ['message', 'status'] }, events.envelope.whatsapp(events.whatsapp.messages(['text'])), 'message'],
])('a saved version-1 %s (workflow JSON as n8n stores it) loads as version 1 and behaves as before', async (type, parameters, payload, firstKind) => {
	// n8n leaves parameters equal to their defaults out of the saved JSON: version 1's `subscribe` (false) is absent.
	const saved = { type: `n8n-nodes-meta-business.${type}`, typeVersion: 1, parameters };
	const hook = await new WebhookHarness(fx.engine, { ...saved, credentials: appCredential() }).start();
	started.push(hook);
	expect(hook.nodeType.description.version).toBe(1);
	expect(hook.nodeType.description.properties.find((p) => p.name === 'subscribe').default).toBe(false);
	for (const [method, mode] of [['checkExists'], ['create'], ['create', 'manual'], ['delete']]) expect(await hook.runWebhookMethod(method, { mode })).toBe(true);
	expect(fx.calls().filter((c) => /subscri/.test(c.path))).toEqual([]);
	const sent = await fx.sandbox.webhooks.deliver({ url: hook.url(), payload });
	expect(sent.status).toBe(200);
	if (type === 'metaTrigger') {
		// Version 1's filter (a leadgen delivery, but only feed and a version-1 label were asked for) starts nothing.
		expect(hook.executions).toHaveLength(0);
		await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: events.byField('page', 'feed') });
	}
	expect(kindsOf(hook)[0]).toBe(firstKind);
});

test('version 2 subscribes by default; Listen for Test Event points Meta at the Test URL and stopping puts the Production URL back', async () => {
	const hook = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], accountAuthentication: 'metaAccessTokenApi', pageId: fx.seed.page.id });
	expect(hook.nodeType.description.properties.find((p) => p.name === 'subscribe').default).toBe(true);
	expect(await hook.runWebhookMethod('checkExists')).toBe(false);
	await hook.runWebhookMethod('create');
	expect(subscription('instagram').callback_url).toBe(hook.url());

	// n8n runs checkExists/create in 'manual' mode for the Test URL, and delete when listening stops.
	expect(await hook.runWebhookMethod('checkExists', { mode: 'manual' })).toBe(false);
	await hook.runWebhookMethod('create', { mode: 'manual' });
	expect(subscription('instagram').callback_url).toBe(hook.testUrl());
	expect((await route(igComment('while testing'))).url).toBe(hook.testUrl());
	await hook.runWebhookMethod('delete', { mode: 'manual' });
	expect(subscription('instagram').callback_url).toBe(hook.url());
	expect(fieldsOf('instagram')).toEqual(['comments']);
	expect((await route(igComment('in production'))).url).toBe(hook.url());
	expect(hook.executions.map((e) => e.outputs[0][0].text)).toEqual(['while testing', 'in production']);
});

describe('Listen for Test Event as n8n 2.41 runs it (the harness keeps static data for the Test URL only after create)', () => {
	/** One attempt, as Meta's first try (its redeliveries come later). */
	const firstTry = (spec, url) => fx.sandbox.webhooks.deliver({ url, payload: spec.payload, retries: 0 });

	test('an event Meta sends before n8n kept the record starts nothing (503); its redelivery runs, ends the listening, and production is back', async () => {
		const hook = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], pageId: fx.seed.page.id });
		await hook.runWebhookMethod('create');
		let early;
		await hook.listen({
			whileCreating: async () => {
				// Meta already calls the Test URL: create pointed it there as its last step.
				expect(subscription('instagram').callback_url).toBe(hook.testUrl());
				early = await firstTry(igComment('too early'), hook.testUrl());
			},
		});
		expect(early.status).toBe(503);
		expect(hook.executions).toHaveLength(0);
		expect(subscription('instagram').callback_url).toBe(hook.testUrl());

		expect(await route(igComment('seen while testing'))).toMatchObject({ url: hook.testUrl(), status: 200 });
		// The trigger answers Meta first; n8n then runs the execution and ends the listening.
		await hook.settled();
		expect(hook.executions.map((e) => e.outputs[0][0].text)).toEqual(['seen while testing']);
		expect(subscription('instagram').callback_url).toBe(hook.url());
		expect(fieldsOf('instagram')).toEqual(['comments']);
		expect(install(fx.seed.page.id).subscribed_fields).toEqual(['comments']);
		expect(await route(igComment('in production'))).toMatchObject({ url: hook.url(), status: 200 });
		expect(hook.executions.map((e) => e.outputs[0][0].text)).toEqual(['seen while testing', 'in production']);
	});

	test('WhatsApp: the account override goes to the Test URL while listening and back to the Production URL after the test message', async () => {
		const hook = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: fx.seed.waba.id }, { credentials: whatsappCredentials() });
		await hook.runWebhookMethod('create');
		expect(install(fx.seed.waba.id).override_callback_uri).toBe(hook.url());
		await hook.listen({
			whileCreating: async () => expect((await firstTry(waMessage(), hook.testUrl())).status).toBe(503),
		});
		expect(install(fx.seed.waba.id).override_callback_uri).toBe(hook.testUrl());
		expect(await route(waMessage())).toMatchObject({ url: hook.testUrl(), status: 200 });
		await hook.settled();
		expect(install(fx.seed.waba.id).override_callback_uri).toBe(hook.url());
		expect(await route(waMessage())).toMatchObject({ url: hook.url(), status: 200 });
		expect(kindsOf(hook)).toEqual(['message', 'message']);
	});

	test('Stop Listening without an event puts production back too; listening again works the same', async () => {
		const hook = await v2('metaTrigger', { object: 'page', fields: ['leadgen'], pageId: fx.seed.page.id });
		await hook.runWebhookMethod('create');
		for (let round = 0; round < 2; round++) {
			await hook.listen();
			expect(subscription('page').callback_url).toBe(hook.testUrl());
			await hook.stopListening();
			expect(subscription('page').callback_url).toBe(hook.url());
			expect(fieldsOf('page')).toEqual(['leadgen']);
		}
		expect(await route(pageLead())).toMatchObject({ url: hook.url(), status: 200 });
	});
});

test('a test subscription left behind by a crash is repaired by the next activation', async () => {
	const hook = await v2('metaTrigger', { object: 'page', fields: ['leadgen'], pageId: fx.seed.page.id });
	await hook.runWebhookMethod('create', { mode: 'manual' }); // listening, then n8n dies: delete never runs
	expect(subscription('page').callback_url).toBe(hook.testUrl());
	expect(await hook.runWebhookMethod('checkExists')).toBe(false);
	await hook.runWebhookMethod('create');
	expect(subscription('page').callback_url).toBe(hook.url());
	expect((await route(pageLead())).url).toBe(hook.url());
});

test('a second workflow never steals an app callback another active workflow holds: activation is refused naming it', async () => {
	const first = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], pageId: fx.seed.page.id }, { workflow: 'Instagram comments' });
	await first.runWebhookMethod('create');
	const second = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['message'], pageId: fx.seed.page.id }, { workflow: 'Instagram DMs' });
	const refusal = await second.runWebhookMethod('create').catch((e) => e);
	expect(refusal.message).toMatch(/The workflow "Instagram comments" \(ID wf-Instagram-comments, node "Trigger"\) of this n8n already receives .*instagram webhooks/);
	expect(refusal.description).toMatch(/Add the events you need to the trigger of that workflow/);
	expect(subscription('instagram').callback_url).toBe(first.url());
	expect(fieldsOf('instagram')).toEqual(['comments']);
	expect(install(fx.seed.page.id).subscribed_fields).toEqual(['comments']);

	// A holder that no longer answers (its n8n is gone) is taken over.
	await first.stop();
	await second.runWebhookMethod('create');
	expect(subscription('instagram').callback_url).toBe(second.url());
});

test('a non-https n8n URL: activation says why Meta cannot reach it and what to do, and leaves nothing behind', async () => {
	fx.admin.settings({ webhookAllowHttpLoopbackCallbacks: false }); // Meta's behaviour: plain http refused
	const hook = await v2('metaTrigger', { object: 'page', fields: ['feed'], pageId: fx.seed.page.id });
	const error = await hook.runWebhookMethod('create').catch((e) => e);
	expect(error.message).toBe(`Meta cannot call this trigger's URL ${hook.url()}: it is plain http, and Meta calls only HTTPS callback URLs.`);
	expect(error.description).toMatch(/public HTTPS address and set WEBHOOK_URL .*tunnel/);
	expect(error.description).toMatch(/must be an HTTPS URL/);
	expect(subscriptions()).toHaveLength(0);
	expect(fx.sandbox.state.subscribedApps.get(fx.seed.page.id)?.has(fx.seed.app.id) ?? false).toBe(false);
});

test('guard rails: blank or malformed IDs are refused before any Meta call', async () => {
	const cases = [
		['whatsAppCloudTrigger', { events: ['message'], wabaId: '' }, /^WhatsApp Business Account is empty/],
		['instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], pageId: '  ' }, /^Page ID is empty/],
		['metaTrigger', { object: 'page', fields: ['feed'], pageId: `${fx.seed.page.id}/subscribed_apps?x=` }, /^Page ID must be a numeric Meta ID, but got "1200000000000001\/subscribed_apps\?x="/],
		['metaTrigger', { object: 'page', fields: [], pageId: fx.seed.page.id }, /^Fields is empty/],
	];
	for (const [type, parameters, message] of cases) {
		const hook = await v2(type, parameters, { credentials: type === 'whatsAppCloudTrigger' ? whatsappCredentials() : pageCredentials() });
		await expect(hook.runWebhookMethod('create')).rejects.toThrow(message);
	}
	expect(graphWrites()).toEqual([]);
	expect(fx.calls().filter((c) => /subscri/.test(c.path))).toEqual([]);
});

const recordsOf = (hook) => hook.staticData[`node:${hook.name}`]?.metaSubscriptions ?? {};

test('Meta refuses unknown field names; activation fails and rolls back what it did', async () => {
	const hook = await v2('metaTrigger', { object: 'page', fields: 'feed, feedz', pageId: fx.seed.page.id });
	const before = fx.calls().length;
	const error = await hook.runWebhookMethod('create').catch((e) => e);
	expect(error.description ?? error.message).toMatch(/Invalid field name\(s\) for object page: feedz/);
	expect(subscriptions()).toHaveLength(0);
	// The Page install came first (it points Meta nowhere by itself) and is undone.
	const writes = fx.calls().slice(before).filter((c) => /subscri/.test(c.path) && c.method !== 'GET');
	expect(writes.map((c) => [c.method, c.path.replace(/^.*\/(\w+)$/, '$1'), c.status])).toEqual([
		['POST', 'subscribed_apps', 200],
		['POST', 'subscriptions', 400],
		['DELETE', 'subscribed_apps', 200],
	]);
	expect(install(fx.seed.page.id)).toBeUndefined();
	expect(recordsOf(hook)).toEqual({});
});

test('a failure after the app-level subscription was made (the WhatsApp account install) undoes it at once', async () => {
	fx.admin.addFault({ match: { method: 'POST', path: `/${fx.seed.waba.id}/subscribed_apps` }, kind: 'error', code: 200, message: '(#200) Requires whatsapp_business_management permission', times: 0 });
	const halfway = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: fx.seed.waba.id }, { workflow: 'Halfway', credentials: whatsappCredentials() });
	const before = fx.calls().length;
	await expect(halfway.runWebhookMethod('create')).rejects.toThrow();
	const made = fx.calls().slice(before).filter((c) => /\/subscriptions$/.test(c.path) && c.method !== 'GET');
	expect(made.map((c) => [c.method, c.status])).toEqual([
		['POST', 200],
		['DELETE', 200],
	]);
	expect(subscriptions()).toHaveLength(0);
	expect(install(fx.seed.waba.id)).toBeUndefined();
	expect(recordsOf(halfway)).toEqual({});
});

const { REFERENCE_FIELDS } = require('../support/referenceFields');

test.each(Object.entries(REFERENCE_FIELDS))('version 2 subscribes every %s field under Meta\'s name, and each field Meta then delivers yields its items', async (object, names) => {
	const parameters = object === 'page' ? { object, fields: names, pageId: fx.seed.page.id } : { object: 'other', customObject: object, fields: names.join(', ') };
	const hook = await v2('metaTrigger', parameters);
	await hook.runWebhookMethod('create');
	expect(fieldsOf(object)).toEqual([...names].sort());
	for (const field of names) {
		const before = hook.executions.length;
		const sent = await route({ object, field, targetId: object === 'page' ? fx.seed.page.id : undefined, payload: events.byField(object, field) });
		expect([field, sent.url, sent.status]).toEqual([field, hook.url(), 200]);
		const items = hook.executions.slice(before).flatMap((e) => e.outputs.flat());
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.field === field && item.object === object)).toBe(true);
	}
});

/** Instagram, Page and WhatsApp workflows on the one sandbox app, each activated in production. */
async function threeWorkflows() {
	const instagram = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment', 'message'], pageId: fx.seed.page.id }, { workflow: 'Instagram' });
	const page = await v2('metaTrigger', { object: 'page', fields: ['feed', 'leadgen'], pageId: fx.seed.page.id }, { workflow: 'Page' });
	const whatsapp = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: fx.seed.waba.id }, { workflow: 'WhatsApp', credentials: whatsappCredentials() });
	for (const hook of [instagram, page, whatsapp]) await hook.runWebhookMethod('create');
	return { instagram, page, whatsapp };
}

/** Sends one event of each kind; returns who got what. */
async function fireOneOfEach(hooks) {
	const before = Object.fromEntries(Object.entries(hooks).map(([name, hook]) => [name, hook.executions.length]));
	await route(igComment('to Instagram'));
	await route(pageLead());
	await route(waMessage());
	return Object.fromEntries(Object.entries(hooks).map(([name, hook]) => [name, hook.executions.slice(before[name]).flatMap((e) => e.outputs.flat().map((i) => i.kind))]));
}

/** What Meta holds for the app: per object its callback and fields, the Page's install, the WhatsApp account's. */
function sandboxState() {
	const objects = Object.fromEntries(subscriptions().map((s) => [s.object, { callback: s.callback_url, fields: [...s.fields.keys()].sort() }]));
	const pageInstall = install(fx.seed.page.id);
	const wabaInstall = install(fx.seed.waba.id);
	return { objects, page: pageInstall ? [...pageInstall.subscribed_fields].sort() : null, waba: wabaInstall ? wabaInstall.override_callback_uri ?? 'app callback' : null };
}

test('two workflows on one app (Instagram and Page events through one Page): each gets its own, deactivating one leaves the other whole', async () => {
	const instagram = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], pageId: fx.seed.page.id }, { workflow: 'Instagram' });
	const page = await v2('metaTrigger', { object: 'page', fields: ['leadgen'], pageId: fx.seed.page.id }, { workflow: 'Page' });
	await instagram.runWebhookMethod('create');
	await page.runWebhookMethod('create');
	expect(sandboxState().page).toEqual(['comments', 'leadgen']);
	await route(igComment('one'));
	await route(pageLead());
	expect([kindsOf(instagram), kindsOf(page)]).toEqual([['comment'], ['leadgen']]);
	// Version 1 put the Page install back to what it was before Instagram (nothing), and the leads stopped.
	await instagram.runWebhookMethod('delete');
	expect(sandboxState()).toEqual({ objects: { page: { callback: page.url(), fields: ['leadgen'] } }, page: ['leadgen'], waba: null });
	expect((await route(pageLead())).url).toBe(page.url());
	expect(kindsOf(page)).toEqual(['leadgen', 'leadgen']);
});

describe('three workflows on one app (Instagram, Page and WhatsApp objects)', () => {
	test('every trigger gets exactly its own events', async () => {
		const hooks = await threeWorkflows();
		expect(await fireOneOfEach(hooks)).toEqual({ instagram: ['comment'], page: ['leadgen'], whatsapp: ['message'] });
		expect(sandboxState()).toEqual({
			objects: {
				instagram: { callback: hooks.instagram.url(), fields: ['comments', 'messages'] },
				page: { callback: hooks.page.url(), fields: ['feed', 'leadgen'] },
				whatsapp_business_account: { callback: hooks.whatsapp.url(), fields: ['messages'] },
			},
			page: ['comments', 'feed', 'leadgen', 'messages'],
			waba: hooks.whatsapp.url(),
		});
	});

	test.each(['instagram', 'page', 'whatsapp'])('deactivating the %s workflow leaves the others receiving, and Meta holds what they need', async (gone) => {
		const hooks = await threeWorkflows();
		await hooks[gone].runWebhookMethod('delete');
		const got = await fireOneOfEach(hooks);
		expect(got).toEqual({ instagram: gone === 'instagram' ? [] : ['comment'], page: gone === 'page' ? [] : ['leadgen'], whatsapp: gone === 'whatsapp' ? [] : ['message'] });
		const expected = {
			objects: {
				...(gone !== 'instagram' ? { instagram: { callback: hooks.instagram.url(), fields: ['comments', 'messages'] } } : {}),
				...(gone !== 'page' ? { page: { callback: hooks.page.url(), fields: ['feed', 'leadgen'] } } : {}),
				// WhatsApp's `messages` serves every WhatsApp trigger's account override, so it stays at the app level;
				// without the account's install Meta sends it nowhere (docs/triggers.md).
				whatsapp_business_account: { callback: hooks.whatsapp.url(), fields: ['messages'] },
			},
			page: [...(gone !== 'instagram' ? ['comments', 'messages'] : []), ...(gone !== 'page' ? ['feed', 'leadgen'] : [])].sort(),
			waba: gone === 'whatsapp' ? null : hooks.whatsapp.url(),
		};
		expect(sandboxState()).toEqual(expected);
	});
});

describe('WhatsApp: two, then three workflows on one app, one account each', () => {
	const THIRD = '1500000000000003';
	const accountsOf = (hook, from) => hook.executions.slice(from).flatMap((e) => e.outputs.flat().map((item) => item.accountId));

	/** One message per account; returns, per workflow, the accounts its new items came from. */
	async function fire(hooks, accounts) {
		const before = hooks.map((h) => h.executions.length);
		for (const account of accounts) await route(waMessage(account));
		return hooks.map((h, i) => accountsOf(h, before[i]));
	}

	test.each([0, 1, 2])('each gets exactly its own account; deactivating workflow %i leaves the others receiving, and Meta holds what they need', async (gone) => {
		fx.admin.seed({ wabas: [{ id: THIRD, name: 'Third WhatsApp Account', phoneNumberIds: ['1600000000000003'] }] });
		const accounts = [fx.seed.waba.id, fx.seed.secondWaba.id, THIRD];
		const hooks = [];
		for (const [i, account] of accounts.entries()) {
			hooks.push(await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: account }, { workflow: `WhatsApp ${i}`, credentials: whatsappCredentials() }));
			await hooks[i].runWebhookMethod('create');
			// Two, then three: after each activation every workflow gets its own account's message and nothing else.
			expect(await fire(hooks, accounts)).toEqual(hooks.map((_, k) => [accounts[k]]));
		}
		await hooks[gone].runWebhookMethod('delete');
		expect(await fire(hooks, accounts)).toEqual(hooks.map((_, k) => (k === gone ? [] : [accounts[k]])));
		// Meta: each remaining account installed with its own workflow's URL, the gone one not installed; `messages`
		// stays at the app level, where the remaining overrides need it.
		expect(accounts.map((a) => install(a)?.override_callback_uri ?? null)).toEqual(hooks.map((h, k) => (k === gone ? null : h.url())));
		expect(fieldsOf('whatsapp_business_account')).toEqual(['messages']);
	});
});

describe('WhatsApp: per-account delivery as Meta does it', () => {
	test('an account that has not installed the app gets no delivery', async () => {
		fx.sandbox.state.appSubscriptions.set(fx.seed.app.id, new Map());
		const hook = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: fx.seed.waba.id }, { credentials: whatsappCredentials() });
		await hook.runWebhookMethod('create');
		const other = await route(waMessage(fx.seed.secondWaba.id));
		expect(other).toEqual({ delivered: false, reason: `${fx.seed.secondWaba.id} has not subscribed app ${fx.seed.app.id}` });
		expect((await route(waMessage())).url).toBe(hook.url());
		expect(kindsOf(hook)).toEqual(['message']);
	});

	test('template status goes to the app callback, never to an account override; the app callback is not stolen for it', async () => {
		const messages = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: fx.seed.waba.id }, { workflow: 'Messages', credentials: whatsappCredentials() });
		await messages.runWebhookMethod('create');
		const templates = await v2('whatsAppCloudTrigger', { events: ['template_status'], wabaId: fx.seed.secondWaba.id }, { workflow: 'Templates', credentials: whatsappCredentials() });
		await expect(templates.runWebhookMethod('create')).rejects.toThrow(/The workflow "Messages" .* already receives .*whatsapp_business_account webhooks/);
		// Sandbox rule on its own: with an app callback A and an account override B, templates go to A, messages to B.
		fx.sandbox.state.appSubscriptions.get(fx.seed.app.id).get('whatsapp_business_account').fields.set('message_template_status_update', 'v26.0');
		fx.sandbox.state.appSubscriptions.get(fx.seed.app.id).get('whatsapp_business_account').callback_url = templates.url();
		expect((await route(waTemplate())).url).toBe(templates.url());
		expect((await route(waMessage())).url).toBe(messages.url());
		expect(kindsOf(templates)).toEqual(['template_status']);
		expect(kindsOf(messages)).toEqual(['message']);
	});

	test('a trigger that also wants templates takes the app callback; deactivating it removes the template field and the account install', async () => {
		const hook = await v2('whatsAppCloudTrigger', { events: ['message', 'template_status'], wabaId: fx.seed.waba.id }, { credentials: whatsappCredentials() });
		await hook.runWebhookMethod('create');
		expect(sandboxState().objects.whatsapp_business_account).toEqual({ callback: hook.url(), fields: ['message_template_status_update', 'messages'] });
		expect((await route(waTemplate())).url).toBe(hook.url());
		await hook.runWebhookMethod('delete');
		expect(sandboxState()).toEqual({ objects: { whatsapp_business_account: { callback: hook.url(), fields: ['messages'] } }, page: null, waba: null });
	});
});

describe('pickers of version 2', () => {
	/** An editor method of the node in n8n-core's LoadOptionsContext, with the node's parameters as the editor sends them. */
	const listSearch = async (hook, method) => {
		const { LoadOptionsContext } = require('n8n-core');
		const workflow = hook.workflow();
		const node = workflow.getNode(hook.name);
		const additionalData = { ...fx.engine.additionalData(workflow), currentNodeParameters: node.parameters };
		const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${method.name}`);
		return await hook.nodeType.methods[method.kind][method.name].call(context);
	};

	test('Page from a list (with its Instagram account), by URL or by ID; WhatsApp account by URL; phone numbers of the account', async () => {
		const hook = await v2('instagramBusinessTrigger', { loginType: 'facebook', events: ['comment'], accountAuthentication: 'metaAccessTokenApi' });
		const pages = await listSearch(hook, { kind: 'listSearch', name: 'searchPages' });
		expect(pages.results).toContainEqual({ name: `${fx.seed.page.name} (Instagram @${fx.seed.instagram.username})`, value: fx.seed.page.id, url: `https://www.facebook.com/${fx.seed.page.id}` });

		const byUrl = await v2('metaTrigger', { object: 'page', fields: ['leadgen'], pageId: { __rl: true, mode: 'url', value: `https://www.facebook.com/profile.php?id=${fx.seed.page.id}` } }, { workflow: 'By URL' });
		await byUrl.runWebhookMethod('create');
		expect(install(fx.seed.page.id).subscribed_fields).toEqual(['leadgen']);

		const wabaUrl = `https://business.facebook.com/wa/manage/home/?waba_id=${fx.seed.waba.id}`;
		const whatsapp = await v2('whatsAppCloudTrigger', { events: ['message'], wabaId: { __rl: true, mode: 'url', value: wabaUrl } }, { workflow: 'WhatsApp', credentials: whatsappCredentials() });
		const accounts = await listSearch(whatsapp, { kind: 'listSearch', name: 'searchAccounts' });
		expect(accounts.results.map((a) => a.value)).toEqual(expect.arrayContaining([fx.seed.waba.id, fx.seed.secondWaba.id]));
		const numbers = await listSearch(whatsapp, { kind: 'loadOptions', name: 'phoneNumbersOfAccount' });
		expect(numbers.map((n) => n.value)).toEqual([fx.seed.waba.phoneNumberId]);
		await whatsapp.runWebhookMethod('create');
		expect(install(fx.seed.waba.id).override_callback_uri).toBe(whatsapp.url());
	});
});
