'use strict';
const crypto = require('crypto');
const { startSandbox } = require('./helpers');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

const proof = (token, secret) => crypto.createHmac('sha256', secret).update(token).digest('hex');

function me(token, extra = {}) {
	return ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: token, ...extra } });
}

describe('expiry and revocation (code 190)', () => {
	test('a token expires on the sandbox clock: 190/463 with Meta wording', async () => {
		const { token } = (await ctx.api.post('/__admin/tokens', { type: 'USER', appId: ctx.seed.app.id, userId: ctx.seed.users.ada.id, scopes: ['pages_show_list'], expiresIn: 3600 })).data;
		expect(token).toMatch(/^EAA/);
		expect((await me(token)).status).toBe(200);
		await ctx.api.post('/__admin/clock', { advanceSeconds: 3601 });
		const res = await me(token);
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
		expect(res.data.error.message).toMatch(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is /);
		const clock = (await ctx.api.get('/__admin/clock')).data;
		expect(clock.offsetSeconds).toBe(3601);
	});

	test.each([458, 460, 467])('revoked with subcode %i', async (subcode) => {
		await ctx.api.post('/__admin/tokens/revoke', { token: ctx.seed.tokens.adaUser, subcode });
		const res = await me(ctx.seed.tokens.adaUser);
		expect(res.data.error).toMatchObject({ code: 190, error_subcode: subcode });
		expect(res.data.error.message).toMatch(/^Error validating access token: /);
	});

	test('a page token dies with its user token (460) and with the role (492)', async () => {
		const page = ctx.seed.tokens.adaPage;
		expect((await me(page)).data).toEqual({ id: ctx.seed.page.id, name: "Ada's Shop" });
		await ctx.api.delete('/__admin/roles', { data: { userId: ctx.seed.users.ada.id, pageId: ctx.seed.page.id } });
		expect((await me(page)).data.error).toMatchObject({ code: 190, error_subcode: 492 });
		ctx.sandbox.admin.reset();
		ctx.sandbox.admin.seed('default');
		await ctx.api.post('/__admin/tokens/revoke', { token: ctx.seed.tokens.adaUser, subcode: 460 });
		expect((await me(page)).data.error).toMatchObject({ code: 190, error_subcode: 460 });
	});

	test('app tokens: client_credentials form and literal id|secret', async () => {
		const cc = await ctx.api.get('/graph.facebook.com/v26.0/oauth/access_token', {
			params: { client_id: ctx.seed.app.id, client_secret: ctx.seed.app.secret, grant_type: 'client_credentials' },
		});
		expect(cc.data).toEqual({ access_token: ctx.seed.tokens.app, token_type: 'bearer' });
		expect(cc.data.access_token).toMatch(new RegExp(`^${ctx.seed.app.id}\\|`));
		for (const appToken of [cc.data.access_token, `${ctx.seed.app.id}|${ctx.seed.app.secret}`]) {
			const res = await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: appToken, input_token: ctx.seed.tokens.adaUser } });
			expect(res.status).toBe(200);
			expect(res.data.data.is_valid).toBe(true);
		}
		const wrong = await me(`${ctx.seed.app.id}|not-the-secret`);
		expect(wrong.data.error.code).toBe(190);
	});
});

describe('appsecret_proof', () => {
	beforeEach(() => ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, requireAppsecretProof: true }] }));

	test('missing, wrong and right proof for a Facebook token', async () => {
		const token = ctx.seed.tokens.adaUser;
		const missing = await me(token);
		expect(missing.status).toBe(400);
		expect(missing.data.error).toMatchObject({ code: 100, message: 'API calls from the server require an appsecret_proof argument' });
		const wrong = await me(token, { appsecret_proof: proof(token, 'some-other-secret') });
		expect(wrong.data.error).toMatchObject({ code: 100, message: 'Invalid appsecret_proof provided in the API argument' });
		const right = await me(token, { appsecret_proof: proof(token, ctx.seed.app.secret) });
		expect(right.status).toBe(200);
		expect(ctx.sandbox.admin.calls({ path: '/me' }).map((c) => c.appsecretProof)).toEqual([null, proof(token, 'some-other-secret'), proof(token, ctx.seed.app.secret)]);
	});

	test('IG-Login tokens are proven with the Instagram app secret', async () => {
		const token = ctx.seed.tokens.instagramLogin;
		const get = (p) => ctx.api.get('/graph.instagram.com/v26.0/me', { params: { access_token: token, ...(p ? { appsecret_proof: p } : {}) } });
		expect((await get()).data.error.message).toBe('API calls from the server require an appsecret_proof argument');
		expect((await get(proof(token, ctx.seed.app.secret))).data.error.message).toBe('Invalid appsecret_proof provided in the API argument');
		const ok = await get(proof(token, ctx.seed.app.instagramAppSecret));
		expect(ok.status).toBe(200);
		expect(ok.data.id).toBe(ctx.seed.instagram.appScopedId);
	});

	test('a wrong proof is rejected even when the app does not require one', async () => {
		ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, requireAppsecretProof: false }] });
		expect((await me(ctx.seed.tokens.adaUser)).status).toBe(200);
		expect((await me(ctx.seed.tokens.adaUser, { appsecret_proof: 'deadbeef' })).data.error.code).toBe(100);
	});
});

describe('scopes', () => {
	test('missing pages_show_list → permission error 200 (configurable to 10)', async () => {
		const { token } = ctx.sandbox.admin.createToken({ type: 'USER', appId: ctx.seed.app.id, userId: ctx.seed.users.ada.id, scopes: ['instagram_basic'] });
		const res = await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: token } });
		expect(res.data.error).toMatchObject({ code: 200, message: '(#200) Requires pages_show_list permission' });
		await ctx.api.post('/__admin/settings', { missingScopeCode: 10 });
		const res10 = await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: token } });
		expect(res10.data.error).toMatchObject({ code: 10, message: '(#10) Application does not have permission for this action' });
	});

	test('IG-Login tokens do not work on graph.facebook.com and FB tokens not on graph.instagram.com', async () => {
		expect((await me(ctx.seed.tokens.instagramLogin)).data.error.code).toBe(190);
		const res = await ctx.api.get('/graph.instagram.com/v26.0/me', { params: { access_token: ctx.seed.tokens.adaUser } });
		expect(res.data.error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
	});
});

describe('/me/accounts and Page tokens (reference §1.3)', () => {
	test('Ada gets a Page token; Eddie (pageTokenAllowed false) gets none', async () => {
		const ada = await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: ctx.seed.tokens.adaUser } });
		expect(ada.data.data).toEqual([
			{
				access_token: ctx.seed.tokens.adaPage,
				category: 'Product/service',
				category_list: [{ id: '2201', name: 'Product/service' }],
				name: "Ada's Shop",
				id: ctx.seed.page.id,
				tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
			},
		]);
		const eddie = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.users.eddie.id}/accounts`, { params: { access_token: ctx.seed.tokens.eddieUser } });
		expect(eddie.data.data).toHaveLength(1);
		expect(eddie.data.data[0]).not.toHaveProperty('access_token');
		expect(eddie.data.data[0].tasks).toEqual(['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT']);
	});

	test('page token from a long-lived user token never expires; from a short-lived one it does', async () => {
		const debug = async (t) => (await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: ctx.seed.tokens.app, input_token: t } })).data.data;
		const longPage = (await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: ctx.seed.tokens.adaUser } })).data.data[0].access_token;
		expect(await debug(longPage)).toMatchObject({ type: 'PAGE', expires_at: 0, profile_id: ctx.seed.page.id, is_valid: true });

		const { token: shortUser } = ctx.sandbox.admin.createToken({ type: 'USER', appId: ctx.seed.app.id, userId: ctx.seed.users.ada.id, scopes: ['pages_show_list'], expiresIn: 5400 });
		const shortPage = (await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: shortUser } })).data.data[0].access_token;
		expect(shortPage).not.toBe(longPage);
		const info = await debug(shortPage);
		expect(info.expires_at).toBe((await debug(shortUser)).expires_at);
		expect(info.expires_at).toBeGreaterThan(0);
		ctx.sandbox.admin.advanceClock(5401);
		expect((await me(shortPage)).data.error).toMatchObject({ code: 190, error_subcode: 463 });
		expect((await me(longPage)).status).toBe(200);
	});

	test('GET /{page-id}?fields=instagram_business_account,access_token,name', async () => {
		const fields = 'instagram_business_account,access_token,name';
		const ada = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.page.id}`, { params: { access_token: ctx.seed.tokens.adaUser, fields } });
		expect(ada.data).toEqual({
			instagram_business_account: { id: ctx.seed.instagram.id },
			access_token: ctx.seed.tokens.adaPage,
			name: "Ada's Shop",
			id: ctx.seed.page.id,
		});
		const eddie = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.page.id}`, { params: { access_token: ctx.seed.tokens.eddieUser, fields } });
		expect(eddie.data).toEqual({ instagram_business_account: { id: ctx.seed.instagram.id }, name: "Ada's Shop", id: ctx.seed.page.id });
	});
});

describe('lapsed data access (reference §1.5)', () => {
	test('Instagram and WhatsApp permissions are refused like missing permissions; exempt ones and the token itself keep working', async () => {
		const now = (await ctx.api.get('/__admin/clock')).data.now;
		const { token } = (
			await ctx.api.post('/__admin/tokens', {
				type: 'USER',
				appId: ctx.seed.app.id,
				userId: ctx.seed.users.ada.id,
				scopes: ctx.seed.scopes.facebook,
				expiresIn: 30 * 86400,
				dataAccessExpiresAt: now - 60,
			})
		).data;
		expect((await me(token)).status).toBe(200);
		expect((await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: token } })).status).toBe(200);
		const ig = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.instagram.id}`, { params: { access_token: token, fields: 'id,username' } });
		expect(ig.status).toBe(400);
		expect(ig.data.error).toMatchObject({ code: 200, message: '(#200) Requires instagram_basic permission' });
		const wa = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.waba.id}/phone_numbers`, { params: { access_token: token } });
		expect(wa.data.error).toMatchObject({ code: 200, message: '(#200) Requires whatsapp_business_management permission' });
		const inspected = await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: ctx.seed.tokens.app, input_token: token } });
		expect(inspected.data.data).toMatchObject({ is_valid: true, data_access_expires_at: now - 60 });
		// The same token with data access still running reads the account.
		const fresh = (await ctx.api.post('/__admin/tokens', { type: 'USER', userId: ctx.seed.users.ada.id, scopes: ctx.seed.scopes.facebook })).data.token;
		expect((await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.instagram.id}`, { params: { access_token: fresh } })).status).toBe(200);
	});
});
