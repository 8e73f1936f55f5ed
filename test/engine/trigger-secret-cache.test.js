'use strict';
// The triggers keep the Meta App credential's secrets in process memory (nodes/shared/webhooks/appSecrets.ts): n8n
// reads a credential in a webhook through an expression isolate, on every delivery. Through the webhook harness (real
// HTTP, n8n-core's WebhookContext): repeated deliveries read the credential once, a rotated secret never refuses a
// good delivery (one re-read on a mismatch), and after that re-read the old secret is refused.
const { useTriggerFixture } = require('../support/fixture');
const events = require('../sandbox/products/events');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

/** A Meta App credential and a counter of n8n's reads of it (the harness's CredentialsHelper, as n8n's). */
function countedCredential(appSecret) {
	const credentials = fx.credential('metaAppApi', { appId: fx.seed.app.id, appSecret, verifyToken: 'verify-me' });
	const helper = fx.engine.credentials;
	const reads = { count: 0 };
	const getDecrypted = helper.getDecrypted.bind(helper);
	helper.getDecrypted = async (...args) => {
		if (args[1]?.id === credentials.metaAppApi.id && args[2] === 'metaAppApi') reads.count++;
		return await getDecrypted(...args);
	};
	const rotate = (changes) => Object.assign(helper.store.get(credentials.metaAppApi.id).data, changes);
	return { credentials, reads, rotate };
}

const message = () => events.envelope.whatsapp(events.whatsapp.messages(['text']));
const deliver = (hook, signWith) => fx.sandbox.webhooks.deliver({ url: hook.url(), payload: message(), signWith, retries: 0 });

test('repeated deliveries read the credential once; a rotated app secret is picked up on the next good delivery', async () => {
	const { credentials, reads, rotate } = countedCredential('secret-before');
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, credentials);
	for (let i = 0; i < 3; i++) expect((await deliver(hook, 'secret-before')).status).toBe(200);
	expect(reads.count).toBe(1);

	rotate({ appSecret: 'secret-after' });
	const afterRotation = await deliver(hook, 'secret-after');
	expect(afterRotation.status).toBe(200);
	expect(reads.count).toBe(2);
	await hook.settled();
	expect(hook.executions).toHaveLength(4);

	// The re-read replaced what was remembered: the old secret no longer verifies anything.
	const old = await deliver(hook, 'secret-before');
	expect(old.status).toBe(401);
	expect(JSON.parse(old.body).error).toMatch(/does not match the app secret/);
	expect(hook.executions).toHaveLength(4);
});

test('a forgery is refused after reading the stored credential, never on remembered secrets alone', async () => {
	const { credentials, reads } = countedCredential('the-secret');
	const hook = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, credentials);
	expect((await deliver(hook, 'the-secret')).status).toBe(200);
	const forged = await deliver(hook, 'not-the-secret');
	expect(forged.status).toBe(401);
	expect(reads.count).toBe(2);
	expect(hook.executions).toHaveLength(1);
	expect(JSON.stringify(hook.staticData)).not.toContain('the-secret');
});

test('a rotated verify token is picked up by the next handshake', async () => {
	const { credentials, rotate } = countedCredential('the-secret');
	const hook = await triggers.start('instagramBusinessTrigger', { loginType: 'facebook', events: ['message'] }, credentials);
	expect((await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'verify-me' })).ok).toBe(true);
	rotate({ verifyToken: 'verify-me-now' });
	expect((await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'verify-me-now' })).ok).toBe(true);
	expect((await fx.sandbox.webhooks.verifyCallback({ url: hook.url(), verifyToken: 'verify-me' })).status).toBe(403);
});

test('two triggers on two credentials never share remembered secrets', async () => {
	const first = countedCredential('first-secret');
	const second = countedCredential('second-secret');
	const a = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, first.credentials);
	const b = await triggers.start('whatsAppCloudTrigger', { events: ['message'] }, second.credentials, 'second-webhook-id');
	expect((await deliver(a, 'first-secret')).status).toBe(200);
	expect((await deliver(b, 'first-secret')).status).toBe(401);
	expect((await deliver(b, 'second-secret')).status).toBe(200);
	expect((await deliver(a, 'second-secret')).status).toBe(401);
});
