'use strict';
// Version 2 of the action nodes in n8n's real engine against the sandbox: no Retry Wait option; the wait before the
// shared layer repeats a call Meta failed temporarily is n8n's own Settings → Wait Between Tries (with Retry On Fail),
// 1 s otherwise. Meta Ads version 2 defaults to the access-token credential.
// The waits the nodes take are recorded (n8n-workflow's sleep), so a retry's wait is read exactly, not timed.
jest.mock('n8n-workflow', () => require('../support/recordedSleep').n8nWorkflowWithRecordedSleep());
const { waits, clearWaits } = require('../support/recordedSleep');
const { useFixture } = require('../support/fixture');
const { adsCredential } = require('../support/ads');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	clearWaits();
});

expect.extend({
	/** A wait in [floor, ceiling): the layer's jittered back-off is half to all of its step. */
	toBeWithin(received, floor, ceiling) {
		return { pass: received >= floor && received < ceiling, message: () => `expected a wait in [${floor}, ${ceiling}) ms, got ${received}` };
	},
});

const rl = (value) => ({ __rl: true, mode: 'id', value });
const LIMIT_PATH = '/*/content_publishing_limit';

function userToken() {
	const { app, tokens } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
}

/** Reads the publishing limit once with version 2, Meta failing the first call temporarily; returns the waits taken. */
async function retryWaits(settings, options = {}) {
	fx.admin.addFault({ match: { path: LIMIT_PATH }, kind: 'http5xx', code: 2, times: 1 });
	const run = await fx.engine.runNode({
		type: 'n8n-nodes-meta-business.instagramBusiness',
		typeVersion: 2,
		parameters: { authentication: 'metaAccessTokenApi', resource: 'media', operation: 'getPublishingLimit', account: rl(fx.seed.instagram.id), options },
		credentials: userToken(),
		...settings,
	});
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(1);
	const calls = fx.calls({ path: LIMIT_PATH });
	// The shared layer repeated the call itself: one node run, Meta's failure then the answer.
	expect(calls.map((c) => c.status)).toEqual([500, 200]);
	return waits();
}

test('with Retry On Fail, the repeat waits Wait Between Tries (50 ms), not a second', async () => {
	expect(await retryWaits({ retryOnFail: true, maxTries: 2, waitBetweenTries: 50 })).toEqual([expect.toBeWithin(25, 51)]);
});

test('without Retry On Fail, the repeat waits the layer’s 1 s default (half to all of it, jittered)', async () => {
	expect(await retryWaits({})).toEqual([expect.toBeWithin(500, 1001)]);
});

test('version 2 ignores a Retry Wait value left in the parameters (hand-edited JSON or an agent’s guess)', async () => {
	expect(await retryWaits({}, { retryWaitSeconds: 0.01 })).toEqual([expect.toBeWithin(500, 1001)]);
});

test('the same holds for another node through the shared layer: WhatsApp template list', async () => {
	fx.admin.addFault({ match: { path: `/${fx.seed.waba.id}/message_templates` }, kind: 'http5xx', code: 2, times: 1 });
	const run = await fx.engine.runNode({
		type: 'n8n-nodes-meta-business.whatsAppCloud',
		typeVersion: 2,
		parameters: { authentication: 'metaAccessTokenApi', resource: 'template', operation: 'list', wabaId: rl(fx.seed.waba.id), returnAll: false, limit: 5 },
		credentials: fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.systemUser }),
		retryOnFail: true,
		maxTries: 2,
		waitBetweenTries: 50,
	});
	expect(run.error).toBeUndefined();
	expect(run.items.length).toBeGreaterThan(0);
	const calls = fx.calls({ path: `/${fx.seed.waba.id}/message_templates` });
	expect(calls.map((c) => c.status)).toEqual([500, 200]);
	expect(waits()).toEqual([expect.toBeWithin(25, 51)]);
});

test('Meta Ads version 2 with Authentication left at its default uses the access-token credential', async () => {
	const run = await fx.engine.runNode({
		type: 'n8n-nodes-meta-business.metaAds',
		typeVersion: 2,
		parameters: { resource: 'campaign', operation: 'getMany', adAccount: rl(fx.seed.adAccount.id) },
		credentials: adsCredential(fx),
	});
	expect(run.error).toBeUndefined();
	expect(run.items.length).toBeGreaterThan(0);
	expect(fx.calls({ path: '/*/campaigns' }).every((c) => c.tokenType === 'USER')).toBe(true);
});
