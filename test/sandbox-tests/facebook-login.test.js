'use strict';
const { startSandbox, form } = require('./helpers');

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';
let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	// Meta accepts only redirect URIs registered on the app: register the one these tests use.
	ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, redirectUris: [REDIRECT] }] });
});

function dialog(params) {
	return ctx.api.get('/www.facebook.com/v26.0/dialog/oauth', { params: { client_id: ctx.seed.app.id, redirect_uri: REDIRECT, state: 'st-1', ...params } });
}

async function autoCode(params = {}) {
	const res = await dialog({ scope: 'pages_show_list,instagram_basic', sandbox_auto: 'allow', sandbox_user: ctx.seed.users.ada.id, ...params });
	expect(res.status).toBe(302);
	return new URL(res.headers.location).searchParams.get('code');
}

function exchange(params) {
	return ctx.api.get('/graph.facebook.com/v26.0/oauth/access_token', {
		params: { client_id: ctx.seed.app.id, client_secret: ctx.seed.app.secret, redirect_uri: REDIRECT, ...params },
	});
}

function debugToken(input) {
	return ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: ctx.seed.tokens.app, input_token: input } });
}

describe('login dialog', () => {
	test('consent page names the app and scopes and offers Allow/Cancel', async () => {
		const res = await dialog({ scope: 'pages_show_list,instagram_basic', response_type: 'code' });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/text\/html/);
		expect(res.data).toContain('Sandbox Business App');
		expect(res.data).toContain('id="sandbox-allow"');
		expect(res.data).toContain('id="sandbox-deny"');
		expect(res.data).toContain('pages_show_list');
		expect(res.data).toContain('Ada Admin');
		expect(res.data).toContain('Eddie Editor');
	});

	test('submitting Allow redirects with code, state and #_=_', async () => {
		const page = await dialog({ scope: 'pages_show_list' });
		const action = /<form method="post" action="([^"]+)"/.exec(page.data)[1];
		expect(action).toBe('/www.facebook.com/v26.0/dialog/oauth/decide');
		const res = await ctx.api.post(action, form({ client_id: ctx.seed.app.id, redirect_uri: REDIRECT, state: 'st-1', scope: 'pages_show_list', grant: 'pages_show_list', sandbox_user: ctx.seed.users.ada.id, decision: 'allow' }));
		expect(res.status).toBe(302);
		const location = res.headers.location;
		expect(location.startsWith(`${REDIRECT}?code=`)).toBe(true);
		expect(location.endsWith('&state=st-1#_=_')).toBe(true);
	});

	test('Cancel redirects with the documented denial parameters', async () => {
		const res = await ctx.api.post('/www.facebook.com/v26.0/dialog/oauth/decide', form({ client_id: ctx.seed.app.id, redirect_uri: REDIRECT, state: 'st-1', scope: 'pages_show_list', decision: 'deny' }));
		expect(res.status).toBe(302);
		expect(res.headers.location).toBe(`${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=Permissions+error&error_code=200&state=st-1`);
		const auto = await dialog({ scope: 'pages_show_list', sandbox_auto: 'deny' });
		expect(auto.headers.location).toBe(res.headers.location);
	});

	test('unknown client_id, unknown scope and unknown config_id give error pages', async () => {
		const bad = await dialog({ client_id: '42', scope: 'pages_show_list' });
		expect(bad.status).toBe(400);
		expect(bad.data).toContain('Invalid App ID');
		expect((await dialog({ scope: 'pages_show_list,instagram_business_basic' })).data).toContain('Invalid Scopes: instagram_business_basic');
		expect((await dialog({ config_id: '999' })).data).toContain('Invalid config_id');
	});
});

describe('code exchange (reference §1.1)', () => {
	test('code → short-lived token by default; the code is single-use', async () => {
		const code = await autoCode();
		const first = await exchange({ code });
		expect(first.status).toBe(200);
		expect(first.data).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5400 });
		const again = await exchange({ code });
		expect(again.status).toBe(400);
		expect(again.data.error).toMatchObject({ code: 100, error_subcode: 36009, message: 'This authorization code has been used.', type: 'OAuthException' });
		const info = (await debugToken(first.data.access_token)).data.data;
		expect(info).toMatchObject({ type: 'USER', user_id: ctx.seed.users.ada.id, scopes: ['pages_show_list', 'instagram_basic'], is_valid: true });
		expect(info.expires_at - info.issued_at).toBe(5400);
	});

	test('redirect_uri must byte-equal the dialog one (and a failed attempt does not burn the code)', async () => {
		const code = await autoCode();
		const mismatch = await exchange({ code, redirect_uri: `${REDIRECT}/` });
		expect(mismatch.data.error).toMatchObject({ code: 100, error_subcode: 36008 });
		expect(mismatch.data.error.message).toMatch(/redirect_uri is identical to the one you used in the OAuth dialog request/);
		expect((await exchange({ code })).status).toBe(200);
	});

	test('codes expire after 10 minutes of sandbox time', async () => {
		const code = await autoCode();
		ctx.sandbox.admin.advanceClock(601);
		const res = await exchange({ code });
		expect(res.data.error).toMatchObject({ code: 100, error_subcode: 36007 });
	});

	test('wrong client secret → code 1 "Error validating client secret."; HTTP Basic client auth works', async () => {
		const code = await autoCode();
		const wrong = await exchange({ code, client_secret: 'nope' });
		expect(wrong.status).toBe(400);
		expect(wrong.data.error).toMatchObject({ code: 1, message: 'Error validating client secret.', type: 'OAuthException' });
		const basic = await ctx.api.post('/graph.facebook.com/v26.0/oauth/access_token', form({ code, redirect_uri: REDIRECT, grant_type: 'authorization_code' }), {
			auth: { username: ctx.seed.app.id, password: ctx.seed.app.secret },
		});
		expect(basic.status).toBe(200);
		expect(basic.data.token_type).toBe('bearer');
	});

	test('admin setting codeExchangeLongLived makes the exchange return a 60-day token', async () => {
		await ctx.api.post('/__admin/settings', { codeExchangeLongLived: true });
		const res = await exchange({ code: await autoCode() });
		expect(res.data.expires_in).toBe(5183944);
	});

	test('config_id grants the configuration scopes', async () => {
		const res = await dialog({ config_id: ctx.seed.app.loginConfigId, sandbox_auto: 'allow', sandbox_user: ctx.seed.users.ada.id });
		const code = new URL(res.headers.location).searchParams.get('code');
		const token = (await exchange({ code })).data.access_token;
		expect((await debugToken(token)).data.data.scopes).toEqual(ctx.seed.scopes.facebook);
	});

	test('unchecked scopes are not granted', async () => {
		const res = await ctx.api.post(
			'/www.facebook.com/v26.0/dialog/oauth/decide',
			`${form({ client_id: ctx.seed.app.id, redirect_uri: REDIRECT, state: 's', scope: 'pages_show_list,instagram_basic,ads_read', sandbox_user: ctx.seed.users.ada.id, decision: 'allow' })}&grant=pages_show_list&grant=ads_read`,
		);
		const token = (await exchange({ code: new URL(res.headers.location).searchParams.get('code') })).data.access_token;
		expect((await debugToken(token)).data.data.scopes).toEqual(['pages_show_list', 'ads_read']);
	});
});

describe('fb_exchange_token (reference §1.2)', () => {
	async function shortToken() {
		return (await exchange({ code: await autoCode() })).data.access_token;
	}
	const longLived = (token, extra = {}) =>
		ctx.api.get('/graph.facebook.com/v26.0/oauth/access_token', {
			params: { grant_type: 'fb_exchange_token', client_id: ctx.seed.app.id, client_secret: ctx.seed.app.secret, fb_exchange_token: token, ...extra },
		});

	test('returns a new, different long-lived token', async () => {
		const short = await shortToken();
		const res = await longLived(short);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5183944 });
		expect(res.data.access_token).not.toBe(short);
		const info = (await debugToken(res.data.access_token)).data.data;
		expect(info.expires_at - info.issued_at).toBe(5183944);
		expect(info.scopes).toEqual(['pages_show_list', 'instagram_basic']);
	});

	test('expired or unknown input → 190; wrong secret → code 1', async () => {
		const short = await shortToken();
		expect((await longLived('EAAunknown')).data.error.code).toBe(190);
		expect((await longLived(short, { client_secret: 'bad' })).data.error).toMatchObject({ code: 1, message: 'Error validating client secret.' });
		ctx.sandbox.admin.advanceClock(5401);
		expect((await longLived(short)).data.error).toMatchObject({ code: 190, error_subcode: 463 });
	});
});

describe('debug_token (reference §1.7)', () => {
	test('fields for a user token', async () => {
		const res = await debugToken(ctx.seed.tokens.adaUser);
		const d = res.data.data;
		expect(Object.keys(d)).toEqual(['app_id', 'type', 'application', 'data_access_expires_at', 'expires_at', 'is_valid', 'issued_at', 'scopes', 'granular_scopes', 'user_id']);
		expect(d).toMatchObject({ app_id: ctx.seed.app.id, type: 'USER', application: 'Sandbox Business App', is_valid: true, user_id: ctx.seed.users.ada.id });
		expect(d.expires_at - d.issued_at).toBe(5183944);
		expect(d.data_access_expires_at - d.issued_at).toBe(90 * 86400);
		expect(d.granular_scopes).toContainEqual({ scope: 'pages_show_list', target_ids: [ctx.seed.page.id] });
		expect(d.granular_scopes).toContainEqual({ scope: 'instagram_basic', target_ids: [ctx.seed.instagram.id] });
		expect(d.granular_scopes).toContainEqual({ scope: 'ads_read' });
	});

	test('system user token: SYSTEM_USER, never expires', async () => {
		const d = (await debugToken(ctx.seed.tokens.systemUser)).data.data;
		expect(d).toMatchObject({ type: 'SYSTEM_USER', expires_at: 0, data_access_expires_at: 0, user_id: ctx.seed.systemUser.id, is_valid: true });
	});

	test('invalid input tokens are described, not rejected', async () => {
		const garbage = await debugToken('garbage');
		expect(garbage.status).toBe(200);
		expect(garbage.data.data).toEqual({ error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, is_valid: false, scopes: [] });
		const { token } = ctx.sandbox.admin.createToken({ type: 'USER', appId: ctx.seed.app.id, userId: ctx.seed.users.ada.id, expiresIn: 60 });
		ctx.sandbox.admin.advanceClock(61);
		const expired = (await debugToken(token)).data.data;
		expect(expired).toMatchObject({ is_valid: false, type: 'USER', error: { code: 190, subcode: 463 } });
		expect(expired.error.message).toMatch(/Session has expired/);
	});

	test('the viewer must be an app token or user token of the same app', async () => {
		ctx.sandbox.admin.seed({ apps: [{ id: '1000000000000099', secret: 'other' }] });
		const other = await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: '1000000000000099|other', input_token: ctx.seed.tokens.adaUser } });
		expect(other.data.error).toMatchObject({ code: 100, message: '(#100) The App_id in the input_token did not match the Viewing App' });
		const byUser = await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: ctx.seed.tokens.adaUser, input_token: ctx.seed.tokens.adaPage } });
		expect(byUser.data.data.type).toBe('PAGE');
		const byPage = await ctx.api.get('/graph.facebook.com/v26.0/debug_token', { params: { access_token: ctx.seed.tokens.adaPage, input_token: ctx.seed.tokens.adaUser } });
		expect(byPage.data.error.code).toBe(100);
	});
});

describe('registered redirect URIs ("URL Blocked", reference §1.1)', () => {
	test('an app with no registered redirect URI accepts none; an unregistered one is blocked; the registered one passes', async () => {
		const other = 'http://localhost:5678/another/callback';
		const blocked = await dialog({ redirect_uri: other, scope: 'pages_show_list' });
		expect(blocked.status).toBe(400);
		expect(blocked.data).toContain('URL Blocked');
		expect(blocked.data).toContain('This redirect failed because the redirect URI is not whitelisted in the app&#39;s Client OAuth Settings.');
		ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, redirectUris: [] }] });
		expect((await dialog({ scope: 'pages_show_list' })).data).toContain('URL Blocked');
		expect((await dialog({ scope: 'pages_show_list', sandbox_auto: 'allow', sandbox_user: ctx.seed.users.ada.id })).status).toBe(400);
		// Kind behaviour, for a test that does not care about redirect URIs: an app with none registered accepts any.
		ctx.sandbox.admin.settings({ acceptUnregisteredRedirectUris: true });
		expect((await dialog({ scope: 'pages_show_list' })).status).toBe(200);
		ctx.sandbox.admin.seed({ apps: [{ id: ctx.seed.app.id, redirectUris: [REDIRECT] }] });
		expect((await dialog({ redirect_uri: other, scope: 'pages_show_list' })).data).toContain('URL Blocked');
	});
});

describe('Login for Business asset choice: the person shares only what they tick', () => {
	const SCOPES = 'pages_show_list,instagram_basic,whatsapp_business_management';
	const connectSharing = async (assets) => {
		const code = await autoCode({ scope: SCOPES, ...(assets === undefined ? {} : { sandbox_assets: assets }) });
		return (await exchange({ code })).data.access_token;
	};
	const get = (path, token, params = {}) => ctx.api.get(`/graph.facebook.com/v26.0${path}`, { params: { access_token: token, ...params } });

	test('the consent page lists the Pages, Instagram, WhatsApp and ad accounts to share, none ticked', async () => {
		const page = (await dialog({ scope: SCOPES })).data;
		const { page: fbPage, instagram, waba, adAccount } = ctx.seed;
		for (const id of [fbPage.id, instagram.id, waba.id]) expect(page).toMatch(new RegExp(`<input type="checkbox" name="asset" value="${id}" id="sandbox-asset-${id}">`));
		expect(page).toContain('id="sandbox-assets"');
		expect(page).not.toMatch(/name="asset"[^>]*checked/);
		expect(adAccount).toBeDefined();
	});

	test('ticking none: empty /me/accounts, no granular target ids, and the Page and WhatsApp account answer as missing objects', async () => {
		const token = await connectSharing();
		expect((await get('/me/accounts', token)).data.data).toEqual([]);
		const granular = (await debugToken(token)).data.data.granular_scopes;
		expect(granular).toEqual([{ scope: 'pages_show_list' }, { scope: 'instagram_basic' }, { scope: 'whatsapp_business_management' }]);
		for (const id of [ctx.seed.page.id, ctx.seed.instagram.id, ctx.seed.waba.id, ctx.seed.waba.phoneNumberId]) {
			const res = await get(`/${id}`, token);
			expect(res.status).toBe(400);
			expect(res.data.error).toMatchObject({ code: 100, error_subcode: 33 });
		}
	});

	test('ticking the Page and one WhatsApp account shares exactly those; a form decision works the same way', async () => {
		const { page, instagram, waba, secondWaba } = ctx.seed;
		const token = await connectSharing(`${page.id},${waba.id}`);
		expect((await get('/me/accounts', token)).data.data.map((p) => p.id)).toEqual([page.id]);
		const granular = (await debugToken(token)).data.data.granular_scopes;
		expect(granular).toEqual([
			{ scope: 'pages_show_list', target_ids: [page.id] },
			{ scope: 'instagram_basic' },
			{ scope: 'whatsapp_business_management', target_ids: [waba.id] },
		]);
		expect((await get(`/${page.id}`, token)).status).toBe(200);
		expect((await get(`/${waba.id}`, token)).status).toBe(200);
		expect((await get(`/${secondWaba.id}`, token)).data.error).toMatchObject({ code: 100, error_subcode: 33 });
		expect((await get(`/${instagram.id}`, token)).data.error).toMatchObject({ code: 100, error_subcode: 33 });

		const decided = await ctx.api.post(
			'/www.facebook.com/v26.0/dialog/oauth/decide',
			form({ client_id: ctx.seed.app.id, redirect_uri: REDIRECT, scope: SCOPES, grant: 'instagram_basic', asset: instagram.id, sandbox_user: ctx.seed.users.ada.id, decision: 'allow' }),
		);
		const formToken = (await exchange({ code: new URL(decided.headers.location).searchParams.get('code') })).data.access_token;
		expect((await debugToken(formToken)).data.data.granular_scopes).toEqual([{ scope: 'instagram_basic', target_ids: [instagram.id] }]);
	});

	test('setting loginSharesAllAssets (kind): a login without a choice shares everything reachable', async () => {
		// Kind behaviour, only to show the switch: every reachable asset is shared without ticking.
		ctx.sandbox.admin.settings({ loginSharesAllAssets: true });
		const token = await connectSharing();
		expect((await get('/me/accounts', token)).data.data.map((p) => p.id)).toEqual([ctx.seed.page.id]);
	});
});
