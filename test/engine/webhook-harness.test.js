'use strict';
// The webhook harness drives a trigger's webhook() and webhookMethods with real HTTP requests: the sandbox signs and
// sends deliveries as Meta does, and the shared signature check runs over the exact raw bytes.
const crypto = require('crypto');
const { startFixture } = require('../support/fixture');
const { WebhookHarness } = require('../harness/webhooks');
const { signedEchoTriggerNodeType } = require('../fixtures/signed-echo-trigger.node');

const TRIGGER = 'test.signedEchoTrigger';
let fx;
let hooks;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.stop());
beforeEach(async () => {
	fx.reset();
	fx.engine.nodeTypes[TRIGGER] = signedEchoTriggerNodeType;
	const { app } = fx.seed;
	const credentials = fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'harness-verify-token' });
	hooks = await new WebhookHarness(fx.engine, { type: TRIGGER, credentials }).start();
});
afterEach(async () => hooks.stop());

const payload = {
	object: 'instagram',
	entry: [
		{ id: '17841400000000001', time: 1767225600, changes: [{ field: 'comments', value: { id: '1', text: 'Très joli 😍 — ça marche' } }] },
		{ id: '17841400000000001', time: 1767225601, changes: [{ field: 'comments', value: { id: '2', text: 'second' } }] },
	],
};

test('a signed delivery with non-ASCII text starts one execution with the trigger’s items', async () => {
	const result = await fx.sandbox.webhooks.deliver({ url: hooks.url(), payload });
	expect(result.status).toBe(200);
	expect(result.deliveries[0].sentBody).toContain('Tr\\u00e8s joli \\ud83d\\ude0d');
	expect(hooks.executions).toHaveLength(1);
	const items = hooks.executions[0].outputs[0];
	expect(items).toHaveLength(2);
	expect(items[0].entry.changes[0].value.text).toBe('Très joli 😍 — ça marche');
});

test('forged, tampered and unsigned deliveries get 401 and start nothing', async () => {
	const wrongSecret = await fx.sandbox.webhooks.deliver({ url: hooks.url(), payload, signWith: 'not-the-app-secret' });
	const unsigned = await fx.sandbox.webhooks.deliver({ url: hooks.url(), payload, headers: { 'X-Hub-Signature-256': null } });
	const malformed = await fx.sandbox.webhooks.deliver({ url: hooks.url(), payload, headers: { 'X-Hub-Signature-256': 'sha256=zz' } });
	const good = await fx.sandbox.webhooks.deliver({ url: hooks.url(), payload: { object: 'instagram', entry: [] } });
	// The signature of the original bytes, sent with one byte changed.
	const originalSignature = `sha256=${crypto.createHmac('sha256', fx.seed.app.secret).update(good.deliveries[0].sentBody).digest('hex')}`;
	const tampered = await fx.sandbox.webhooks.deliver({
		url: hooks.url(),
		rawBody: good.deliveries[0].sentBody.replace('instagram', 'instagrax'),
		headers: { 'X-Hub-Signature-256': originalSignature },
	});
	for (const refused of [wrongSecret, unsigned, malformed]) expect(refused.status).toBe(401);
	expect(tampered.status).toBe(401);
	expect(hooks.executions).toHaveLength(1); // only the good (empty) delivery
});

test('the GET handshake echoes the challenge for the right verify token and refuses others', async () => {
	const ok = await fx.sandbox.webhooks.verifyCallback({ url: hooks.url(), verifyToken: 'harness-verify-token' });
	expect(ok.ok).toBe(true);
	const refused = await fx.sandbox.webhooks.verifyCallback({ url: hooks.url(), verifyToken: 'guess' });
	expect(refused.ok).toBe(false);
	expect(refused.status).toBe(403);
	expect(hooks.executions).toHaveLength(0);
});

test('webhookMethods run in a HookContext with the real webhook URL', async () => {
	expect(await hooks.runWebhookMethod('checkExists')).toBe(false);
	expect(await hooks.runWebhookMethod('create')).toBe(true);
	expect(hooks.staticData.node_Trigger?.subscribedUrl ?? Object.values(hooks.staticData)[0]?.subscribedUrl).toBe(hooks.url());
	expect(await hooks.runWebhookMethod('checkExists')).toBe(true);
	expect(await hooks.runWebhookMethod('delete')).toBe(true);
	expect(await hooks.runWebhookMethod('checkExists')).toBe(false);
});
