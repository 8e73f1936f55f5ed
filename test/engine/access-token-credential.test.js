'use strict';
// The pasted-token credential inside the real engine: exchange, refresh and appsecret_proof, persisted through
// n8n's preAuthentication mechanism (expirable field), with the sandbox standing in for Meta.
const { useFixture, proofFor, storedSession } = require('../support/fixture');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86400;

describe('Meta Access Token credential: Facebook tokens', () => {
	test('a pasted short-lived user token is exchanged once, stored, and used for every request', async () => {
		const { app, users, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret });
		const id = creds.metaAccessTokenApi.id;

		const first = await fx.probe(creds, { path: 'me', qs: { fields: 'id,name' } });
		expect(first.error).toBeUndefined();
		expect(first.items[0].body).toMatchObject({ id: users.ada.id, name: 'Ada Admin' });

		const stored = fx.engine.credentials.stored(id);
		expect(stored.sessionToken).toMatch(/^EAA/);
		expect(stored.sessionToken).not.toBe(shortLived);
		expect(stored.sessionExpiresAt).toBeGreaterThan(now() + 59 * DAY);
		expect(stored.sessionState).toMatch(/^=\{\{/);
		expect(fx.engine.credentials.writes).toHaveLength(1);

		const exchanges = fx.calls().filter((c) => c.path === '/oauth/access_token');
		expect(exchanges).toHaveLength(1);
		// A POST form: neither the app secret nor the token in the URL.
		expect(exchanges[0]).toMatchObject({ method: 'POST', query: {}, body: { grant_type: 'fb_exchange_token' } });
		const me = fx.calls().filter((c) => c.path === '/me');
		// The proof is an HMAC of the token actually sent: the long-lived one, not the pasted one.
		expect(me[0].appsecretProof).toBe(proofFor(stored.sessionToken, app.secret));
		expect(me[0].tokenType).toBe('USER');

		fx.admin.clearCalls();
		const second = await fx.probe(creds, { path: 'me' });
		expect(second.error).toBeUndefined();
		expect(fx.calls().map((c) => c.path)).toEqual(['/me']);
		expect(fx.calls()[0].appsecretProof).toBe(proofFor(stored.sessionToken, app.secret));
		expect(fx.engine.credentials.writes).toHaveLength(1);
	});

	test('within one run, the token exchanged before the first request signs every later request, with one exchange', async () => {
		// The shared layer reads the credential once per run and hands it to n8n to sign with (connection.ts).
		const { app, users, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret });
		const run = await fx.probe(creds, { path: 'me' }, { items: [{}, {}, {}, {}] });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4);
		const stored = fx.engine.credentials.stored(creds.metaAccessTokenApi.id);
		expect(fx.calls().filter((c) => c.path === '/oauth/access_token')).toHaveLength(1);
		expect(fx.engine.credentials.writes).toHaveLength(1);
		const me = fx.calls().filter((c) => c.path === '/me');
		expect(me).toHaveLength(4);
		for (const call of me) expect(call.appsecretProof).toBe(proofFor(stored.sessionToken, app.secret));
	});

	test('a system-user token is inspected but not exchanged, and never expires', async () => {
		const { app, tokens } = fx.seed;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser, appId: app.id, appSecret: app.secret });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		expect(fx.calls().some((c) => c.path === '/oauth/access_token')).toBe(false);
		const stored = fx.engine.credentials.stored(creds.metaAccessTokenApi.id);
		expect(stored.sessionToken).toBe(tokens.systemUser);
		expect(stored.sessionExpiresAt).toBe(0);
	});

	test('pasting a different token replaces the stored session', async () => {
		const { app, users, scopes, tokens } = fx.seed;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
		await fx.probe(creds, { path: 'me' });
		const id = creds.metaAccessTokenApi.id;
		const firstSession = fx.engine.credentials.stored(id).sessionToken;
		expect(firstSession).toBe(tokens.adaUser);

		const replacement = fx.admin.createToken({ type: 'USER', userId: users.eddie.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		const entry = fx.engine.credentials.store.get(id);
		entry.data.accessToken = replacement;
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.items[0].body.id).toBe(users.eddie.id);
		const session = fx.engine.credentials.stored(id).sessionToken;
		expect(session).not.toBe(firstSession);
		expect(session).not.toBe(replacement);
	});

	test('an expired pasted token fails before any node request, asking for a new token', async () => {
		const { app, users, scopes } = fx.seed;
		const expired = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600, issuedAt: now() - 7200 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: expired, appId: app.id, appSecret: app.secret });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeDefined();
		expect(run.error.message + ' ' + (run.error.description ?? '')).toMatch(/paste a new token/i);
		expect(fx.calls().some((c) => c.path === '/me')).toBe(false);
	});
});

describe('Meta Access Token credential: token exchange answers are checked before anything is stored', () => {
	function shortLivedCredential() {
		const { app, users, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		return fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret });
	}

	test.each([
		['without access_token', { token_type: 'bearer', expires_in: 5183944 }],
		['with a non-string access_token', { access_token: { value: 'x' }, expires_in: 5183944 }],
		['with a nonsense expires_in', { access_token: `EAA${'b'.repeat(40)}`, expires_in: -5 }],
	])('a 200 answer %s stores nothing, sends nothing, and says what to do', async (_what, body) => {
		const creds = shortLivedCredential();
		const id = creds.metaAccessTokenApi.id;
		fx.admin.addFault({ match: { path: '/oauth/access_token' }, kind: 'answer', status: 200, body });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeDefined();
		expect(`${run.error.message} ${run.error.description}`).toMatch(/Exchanging the Facebook token.*nothing was saved.*check the access token and the app secret/s);
		expect(fx.engine.credentials.writes).toHaveLength(0);
		expect(fx.engine.credentials.stored(id).sessionToken ?? '').not.toMatch(/undefined|object/);
		expect(fx.calls().filter((c) => c.path === '/me')).toEqual([]);

		// Once Meta answers properly the exchange goes through and a real token is stored.
		const again = await fx.probe(creds, { path: 'me' });
		expect(again.error).toBeUndefined();
		expect(fx.engine.credentials.stored(id).sessionToken).toMatch(/^EAA/);
	});

	test('a timed-out exchange of the credential’s own token is a credential problem, not an unknown outcome', async () => {
		const creds = shortLivedCredential();
		fx.admin.addFault({ match: { path: '/oauth/access_token' }, kind: 'timeout', ms: 50, times: 0 });
		// A publish-like call (not safe to repeat) is where "unknown whether it went through" used to appear.
		const run = await fx.probe(creds, { method: 'POST', path: 'me/feed', body: { message: 'hi' }, idempotent: 'false' });
		expect(run.error).toBeDefined();
		const text = `${run.error.message} ${run.error.description}`;
		expect(text).not.toMatch(/unknown whether|may or may not have gone through/i);
		expect(text).toMatch(/Exchanging the Facebook token.*did not answer.*Nothing was sent with this credential yet.*check the access token and the app secret/s);
		expect(run.error.context.metaError.outcomeUnknown).not.toBe(true);
		expect(run.error.context.metaError.title).toBe('Meta credential problem');
		expect(fx.calls().filter((c) => c.path.endsWith('/feed'))).toEqual([]);
		expect(fx.engine.credentials.writes).toHaveLength(0);
	});
});

describe('Meta Access Token credential: Instagram Login tokens', () => {
	function igToken({ issuedAgo, lifetime = 60 * DAY }) {
		const { instagram, scopes, app } = fx.seed;
		return fx.admin.createToken({
			type: 'IG_USER',
			appId: app.id,
			igUserId: instagram.id,
			scopes: scopes.instagram,
			issuedAt: now() - issuedAgo,
			expiresAt: now() - issuedAgo + lifetime,
		}).token;
	}

	test('a short-lived token is exchanged for a 60-day token with the Instagram app secret', async () => {
		const { app, instagram, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'IG_USER', igUserId: instagram.id, scopes: scopes.instagram, expiresIn: 3600 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: shortLived, appSecret: app.instagramAppSecret });
		const run = await fx.probe(creds, { path: 'me', qs: { fields: 'user_id,username' } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].body.username).toBe(instagram.username);
		const stored = fx.engine.credentials.stored(creds.metaAccessTokenApi.id);
		expect(stored.sessionToken).toMatch(/^IGAA/);
		expect(stored.sessionToken).not.toBe(shortLived);
		expect(stored.sessionExpiresAt).toBeGreaterThan(now() + 59 * DAY);
		const hosts = new Set(fx.calls().map((c) => c.host));
		expect([...hosts]).toEqual(['graph.instagram.com']);
		expect(fx.calls().filter((c) => c.query.grant_type === 'ig_exchange_token')).toHaveLength(1);
		const me = fx.calls().find((c) => c.path === '/me');
		expect(me.appsecretProof).toBe(proofFor(stored.sessionToken, app.instagramAppSecret));
	});

	test('a stored token is refreshed when it is due (older than 24 h and near expiry) and the new one is stored', async () => {
		const old = igToken({ issuedAgo: 55 * DAY });
		const issuedAt = now() - 55 * DAY;
		const creds = fx.credential('metaAccessTokenApi', storedSession(old, issuedAt, issuedAt + 50 * DAY));
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		const refreshes = fx.calls().filter((c) => c.path === '/refresh_access_token');
		expect(refreshes).toHaveLength(1);
		const stored = fx.engine.credentials.stored(creds.metaAccessTokenApi.id);
		expect(stored.sessionToken).not.toBe(old);
		expect(stored.sessionExpiresAt).toBeGreaterThan(now() + 59 * DAY);
		expect(fx.calls().filter((c) => c.path === '/me')[0].tokenValid).toBe(true);
	});

	test('a fresh token is not refreshed before it is due', async () => {
		const fresh = igToken({ issuedAgo: 2 * 3600 });
		const issuedAt = now() - 2 * 3600;
		const creds = fx.credential('metaAccessTokenApi', storedSession(fresh, issuedAt, issuedAt + 50 * DAY));
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		expect(fx.calls().map((c) => c.path)).toEqual(['/me']);
		expect(fx.engine.credentials.writes).toHaveLength(0);
	});

	test('a token younger than 24 hours is never sent for refresh, even when its session is re-checked', async () => {
		const young = igToken({ issuedAgo: 3600 });
		const creds = fx.credential('metaAccessTokenApi', { accessToken: young });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		expect(fx.calls().some((c) => c.path === '/refresh_access_token')).toBe(false);
		const stored = fx.engine.credentials.stored(creds.metaAccessTokenApi.id);
		expect(stored.sessionToken).toBe(young);
	});
});
