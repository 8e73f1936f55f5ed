'use strict';
const { startSandbox, form } = require('./helpers');

const REDIRECT = 'https://app.example/ig/callback';
const SCOPES = 'instagram_business_basic,instagram_business_manage_comments';
let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	// Meta accepts only redirect URIs registered on the app: register the one these tests use.
	ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, instagramRedirectUris: [REDIRECT] }] });
});

async function igCode() {
	const res = await ctx.api.get('/www.instagram.com/oauth/authorize', {
		params: { client_id: ctx.seed.app.instagramAppId, redirect_uri: REDIRECT, response_type: 'code', scope: SCOPES, state: 'abc', sandbox_auto: 'allow', sandbox_user: ctx.seed.instagram.id },
	});
	expect(res.status).toBe(302);
	expect(res.headers.location).toMatch(new RegExp(`^${REDIRECT}\\?code=AQ[A-Za-z0-9]+&state=abc#_$`));
	return new URL(res.headers.location).searchParams.get('code');
}

function exchangeCode(code, extra = {}) {
	return ctx.api.post(
		'/api.instagram.com/oauth/access_token',
		form({ client_id: ctx.seed.app.instagramAppId, client_secret: ctx.seed.app.instagramAppSecret, grant_type: 'authorization_code', redirect_uri: REDIRECT, code, ...extra }),
	);
}

const longLived = (token, secret = ctx.seed.app.instagramAppSecret) =>
	ctx.api.get('/graph.instagram.com/access_token', { params: { grant_type: 'ig_exchange_token', client_secret: secret, access_token: token } });
const refresh = (token) => ctx.api.get('/graph.instagram.com/refresh_access_token', { params: { grant_type: 'ig_refresh_token', access_token: token } });

describe('Instagram Login (reference §1.4)', () => {
	test('consent page lists professional accounts only', async () => {
		const res = await ctx.api.get('/www.instagram.com/oauth/authorize', { params: { client_id: ctx.seed.app.instagramAppId, redirect_uri: REDIRECT, response_type: 'code', scope: SCOPES } });
		expect(res.status).toBe(200);
		expect(res.data).toContain('@adas.shop');
		expect(res.data).not.toContain('pat.personal');
		expect(res.data).toContain('id="sandbox-allow"');
	});

	test('a redirect URI not registered on the Instagram app is refused; none registered accepts none', async () => {
		const authorize = (redirect) => ctx.api.get('/www.instagram.com/oauth/authorize', { params: { client_id: ctx.seed.app.instagramAppId, redirect_uri: redirect, response_type: 'code', scope: SCOPES } });
		const other = await authorize('https://elsewhere.example/callback');
		expect(other.status).toBe(400);
		expect(other.data).toMatchObject({ error_type: 'OAuthException', error_message: 'Invalid redirect_uri' });
		ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, instagramRedirectUris: [] }] });
		expect((await authorize(REDIRECT)).data.error_message).toBe('Invalid redirect_uri');
	});

	test('code exchange: documented {data:[…]} shape, short-lived IGAA token, single-use code', async () => {
		const code = await igCode();
		const res = await exchangeCode(code);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ data: [{ access_token: expect.stringMatching(/^IGAA/), user_id: ctx.seed.instagram.appScopedId, permissions: SCOPES }] });
		const again = await exchangeCode(code);
		expect(again.status).toBe(400);
		expect(again.data).toEqual({ error_type: 'OAuthException', code: 400, error_message: 'Matching code was not found or was already used' });
		const token = res.data.data[0].access_token;
		expect((await ctx.api.get('/graph.instagram.com/v26.0/me', { params: { access_token: token } })).status).toBe(200);
		ctx.sandbox.admin.advanceClock(3601);
		expect((await ctx.api.get('/graph.instagram.com/v26.0/me', { params: { access_token: token } })).data.error).toMatchObject({ code: 190, error_subcode: 463 });
	});

	test('flat response shape when the admin setting says so; multipart bodies accepted', async () => {
		await ctx.api.post('/__admin/settings', { igTokenResponseShape: 'flat' });
		const fd = new FormData();
		for (const [k, v] of Object.entries({ client_id: ctx.seed.app.instagramAppId, client_secret: ctx.seed.app.instagramAppSecret, grant_type: 'authorization_code', redirect_uri: REDIRECT, code: await igCode() })) fd.append(k, v);
		const res = await ctx.api.post('/api.instagram.com/oauth/access_token', fd);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ access_token: expect.stringMatching(/^IGAA/), user_id: ctx.seed.instagram.appScopedId, permissions: SCOPES });
	});

	test('redirect_uri mismatch and wrong secret are rejected in the Instagram error shape', async () => {
		const code = await igCode();
		const mismatch = await exchangeCode(code, { redirect_uri: `${REDIRECT}?x=1` });
		expect(mismatch.data.error_message).toMatch(/redirect_uri is identical/);
		expect((await exchangeCode(code, { client_secret: 'nope' })).data).toEqual({ error_type: 'OAuthException', code: 400, error_message: 'Error validating client secret.' });
	});

	test('ig_exchange_token gives a new 60-day token', async () => {
		const short = (await exchangeCode(await igCode())).data.data[0].access_token;
		const res = await longLived(short);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ access_token: expect.stringMatching(/^IGAA/), token_type: 'bearer', expires_in: 5183944 });
		expect(res.data.access_token).not.toBe(short);
		expect((await longLived(short, 'wrong')).data.error).toMatchObject({ code: 1, message: 'Error validating client secret.' });
	});

	test('refresh: refused before 24 h, allowed between 24 h and expiry, 190/463 after expiry', async () => {
		const token = ctx.seed.tokens.instagramLogin;
		const young = await refresh(token);
		expect(young.status).toBe(400);
		expect(young.data.error).toMatchObject({ code: 100 });
		expect(young.data.error.message).toMatch(/24 hours/);

		ctx.sandbox.admin.advanceClock(86400);
		const ok = await refresh(token);
		expect(ok.status).toBe(200);
		expect(ok.data).toEqual({ access_token: expect.stringMatching(/^IGAA/), token_type: 'bearer', expires_in: 5183944 });
		expect(ok.data.access_token).not.toBe(token);
		// the new token is young again
		expect((await refresh(ok.data.access_token)).status).toBe(400);

		// An hour before the refreshed token's expiry: the sandbox clock also moves with real time, and with a margin
		// of one second a slow run saw the refreshed token expired too.
		ctx.sandbox.admin.advanceClock(5183944 - 3600);
		const expired = await refresh(token);
		expect(expired.data.error).toMatchObject({ code: 190, error_subcode: 463 });
		// the refreshed one was valid 60 days from the refresh, so it outlives the original by a day
		expect((await refresh(ok.data.access_token)).status).toBe(200);
	});

	test('refresh requires instagram_business_basic', async () => {
		const { token } = ctx.sandbox.admin.createToken({ type: 'IG_USER', appId: ctx.seed.app.id, igUserId: ctx.seed.instagram.id, scopes: ['instagram_business_content_publish'], issuedAt: ctx.sandbox.state.nowSec() - 2 * 86400 });
		const res = await refresh(token);
		expect(res.data.error).toMatchObject({ code: 200, message: '(#200) Requires instagram_business_basic permission' });
	});

	test('/me with an IG-Login token', async () => {
		const res = await ctx.api.get('/graph.instagram.com/v26.0/me', {
			params: { access_token: ctx.seed.tokens.instagramLogin, fields: 'user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count' },
		});
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			id: ctx.seed.instagram.appScopedId,
			user_id: ctx.seed.instagram.id,
			username: 'adas.shop',
			name: "Ada's Shop",
			account_type: 'BUSINESS',
			followers_count: 1280,
			follows_count: 75,
			media_count: 42,
		});
		expect(res.headers['x-business-use-case-usage']).toBeDefined();
		expect(Object.keys(JSON.parse(res.headers['x-business-use-case-usage']))).toEqual([ctx.seed.instagram.id]);
	});
});
