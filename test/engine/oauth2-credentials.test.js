'use strict';
// The Meta OAuth2 credential (Facebook Login) connected the way n8n connects it (n8n's own @n8n/client-oauth2 against
// the sandbox's consent page and token endpoint), then used by a node inside the real engine.
const axios = require('axios');
const { ClientOAuth2 } = require('@n8n/client-oauth2');
const { useFixture } = require('../support/fixture');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

/** What n8n's OAuth2 controller does: build the authorize URL from the resolved credential, then exchange the code. */
async function connect(type, data, userQuery) {
	// Meta only redirects to a URI registered on the app: register n8n's callback, as the README tells users to.
	fx.admin.seed({ apps: [{ id: fx.seed.app.id, redirectUris: [REDIRECT_URI] }] });
	const resolved = fx.engine.credentials.resolve(type, { baseUrlOverride: fx.url, ...data });
	const client = new ClientOAuth2({
		clientId: resolved.clientId,
		clientSecret: resolved.clientSecret,
		accessTokenUri: resolved.accessTokenUrl,
		authorizationUri: resolved.authUrl,
		redirectUri: REDIRECT_URI,
		scopes: String(resolved.scope).split(','),
		scopesSeparator: ',',
		authentication: resolved.authentication,
	});
	let authorizeUrl = client.code.getUri();
	if (resolved.authQueryParameters) authorizeUrl += `&${resolved.authQueryParameters}`;
	const consent = await axios.get(`${authorizeUrl}&${userQuery}`, { maxRedirects: 0, validateStatus: () => true });
	expect(consent.status).toBe(302);
	const callbackUrl = consent.headers.location;
	expect(callbackUrl.startsWith(REDIRECT_URI)).toBe(true);
	const token = await client.code.getToken(callbackUrl, {
		body: { client_id: resolved.clientId, client_secret: resolved.clientSecret },
	});
	return { resolved, authorizeUrl, oauthTokenData: token.data };
}

describe('Meta OAuth2 credential (Facebook Login)', () => {
	test('scopes follow the chosen products', async () => {
		const { app, users } = fx.seed;
		const { authorizeUrl } = await connect(
			'metaOAuth2Api',
			{ clientId: app.id, clientSecret: app.secret, products: ['whatsapp', 'ads'] },
			`sandbox_auto=allow&sandbox_user=${users.ada.id}`,
		);
		const scope = new URL(authorizeUrl).searchParams.get('scope').split(',');
		expect(scope.sort()).toEqual(['ads_read', 'whatsapp_business_management', 'whatsapp_business_messaging']);
	});

	test('Login for Business sends the configuration ID instead of scopes', async () => {
		const { app, users } = fx.seed;
		const { authorizeUrl } = await connect(
			'metaOAuth2Api',
			{ clientId: app.id, clientSecret: app.secret, loginMode: 'configId', configId: app.loginConfigId },
			`sandbox_auto=allow&sandbox_user=${users.ada.id}`,
		);
		const params = new URL(authorizeUrl).searchParams;
		expect(params.get('config_id')).toBe(app.loginConfigId);
		expect(params.get('override_default_response_type')).toBe('true');
		expect(params.get('scope') ?? '').toBe('');
	});

	test('a short-lived token from the code exchange is exchanged once per token, and every request carries appsecret_proof', async () => {
		const { app, users } = fx.seed;
		// Require App Secret on: a request without appsecret_proof would be refused.
		fx.admin.seed({ apps: [{ id: app.id, requireAppsecretProof: true }] });
		const data = { clientId: app.id, clientSecret: app.secret, products: ['instagramPublish', 'pages'] };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}`);
		expect(oauthTokenData.expires_in).toBeLessThanOrEqual(7200);
		const creds = fx.credential('metaOAuth2Api', { ...data, oauthTokenData });
		fx.admin.clearCalls();

		for (let run = 0; run < 3; run++) {
			const probe = await fx.probe(creds, { path: 'me' });
			expect(probe.error).toBeUndefined();
			expect(probe.items[0].body.id).toBe(users.ada.id);
		}
		const calls = fx.calls();
		expect(calls.map((c) => c.path)).toEqual(['/oauth/access_token', '/me', '/me', '/me']);
		expect(calls[0]).toMatchObject({ method: 'POST', query: {}, body: { grant_type: 'fb_exchange_token' } }); // a form: no secret in the URL
		for (const call of calls.slice(1)) {
			expect(call).toMatchObject({ status: 200, tokenLifetime: 'long' });
			expect(call.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
		}
		// n8n 2.41 keeps nothing an OAuth2 credential's preAuthentication returns: the exchange is remembered in memory.
		expect(fx.engine.credentials.writes).toHaveLength(0);
	});

	test('a long-lived stored token makes no token call on any request and is sent with appsecret_proof', async () => {
		const { app, users } = fx.seed;
		// Meta's server-side code exchange usually returns a 60-day token already.
		fx.admin.settings({ codeExchangeLongLived: true });
		fx.admin.seed({ apps: [{ id: app.id, requireAppsecretProof: true }] });
		const data = { clientId: app.id, clientSecret: app.secret };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}`);
		const creds = fx.credential('metaOAuth2Api', { ...data, oauthTokenData });
		fx.admin.clearCalls();
		for (let run = 0; run < 2; run++) expect((await fx.probe(creds, { path: 'me' })).error).toBeUndefined();
		const calls = fx.calls();
		expect(calls.map((c) => c.path)).toEqual(['/me', '/me']);
		for (const call of calls) {
			expect(call).toMatchObject({ status: 200, tokenLifetime: 'long' });
			expect(call.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
		}
	});

	test('a stored token with no recorded lifetime is measured with debug_token once, then used as it is', async () => {
		const { app, users, tokens } = fx.seed;
		const creds = fx.credential('metaOAuth2Api', { clientId: app.id, clientSecret: app.secret, oauthTokenData: { access_token: tokens.adaUser, token_type: 'bearer' } });
		fx.admin.clearCalls();
		for (let run = 0; run < 2; run++) expect((await fx.probe(creds, { path: 'me' })).items[0].body.id).toBe(users.ada.id);
		// The inspection is a batch (POST /) holding GET debug_token.
		expect(fx.calls().map((c) => c.path)).toEqual(['/', '/debug_token', '/me', '/me']);
	});

	test('the credential test says when the connection expires and that reconnecting then renews it', async () => {
		const { app, users } = fx.seed;
		fx.admin.settings({ codeExchangeLongLived: true });
		const data = { clientId: app.id, clientSecret: app.secret, products: ['pages'] };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}&sandbox_assets=all`);
		const { testMetaCredential } = require('../../dist/nodes/shared/auth/credentialTest');
		const request = async (options) => {
			const res = await axios({ method: options.method, url: options.uri, params: options.qs, headers: options.headers, data: options.body, validateStatus: () => true });
			return { statusCode: res.status, body: res.data, headers: res.headers };
		};
		const result = await testMetaCredential.call({ helpers: { request } }, { type: 'metaOAuth2Api', data: { ...data, baseUrlOverride: fx.url, oauthTokenData } });
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/^Valid USER token, the Facebook Login connection expires \d{4}-\d{2}-\d{2} \(in (59|60) days\); reconnect the credential \(Connect\) before then to renew it\. Can use: Facebook Pages and webhooks\./);
	});
});

describe('Login for Business: assets not shared at login', () => {
	test('a Page the person did not tick answers as missing and the node says it was not shared at login', async () => {
		const { app, users, page, waba } = fx.seed;
		fx.admin.settings({ codeExchangeLongLived: true });
		const data = { clientId: app.id, clientSecret: app.secret, products: ['pages', 'whatsapp'] };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}&sandbox_assets=${waba.id}`);
		const creds = fx.credential('metaOAuth2Api', { ...data, oauthTokenData });
		expect((await fx.probe(creds, { path: 'me/accounts' })).items[0].body.data).toEqual([]);
		const run = await fx.probe(creds, { path: page.id, qs: { fields: 'id,name' } });
		expect(run.error).toBeDefined();
		expect(run.error.description).toMatch(/^The requested item does not exist, does not support this action, or the connected account cannot see it; check the ID and that the credential has access to it \(a Page, Instagram account, WhatsApp account or ad account that was not shared at login: reconnect and tick it, or add it to the system user\)\. Meta said: Unsupported get request\./);
		expect((await fx.probe(creds, { path: waba.id })).error).toBeUndefined();
	});
});

describe('the removed Instagram Login OAuth2 credential', () => {
	test('a saved workflow whose node still names it fails with what to use instead, before any call to Meta', async () => {
		// Workflow JSON saved before the removal: the node's Authentication names the removed credential type.
		const removed = 'instagramLoginOAuth2Api';
		fx.admin.clearCalls();
		const run = await fx.engine.runNode({
			type: 'n8n-nodes-meta-business.instagramBusiness',
			parameters: { authentication: removed, resource: 'media', operation: 'getMany', account: { __rl: true, mode: 'id', value: fx.seed.instagram.id } },
			credentials: {},
		});
		expect(run.error.message).toBe(`This node is set to a credential this package no longer offers ("${removed}")`);
		expect(run.error.description).toMatch(/set Authentication to "Access Token \(System User, Page or Pasted\)" and select a Meta Access Token credential\. For an Instagram Login account, paste the long-lived token generated in the Meta App Dashboard/);
		expect(fx.calls()).toEqual([]);
	});
});

describe('lapsed data access', () => {
	test('Meta refuses the Instagram and WhatsApp permissions and the node says to reconnect to renew data access', async () => {
		const { app, users, instagram, waba, scopes } = fx.seed;
		const now = fx.sandbox.state.nowSec();
		const lapsed = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 30 * 86400, dataAccessExpiresAt: now - 86400 }).token;
		const accessToken = fx.credential('metaAccessTokenApi', { accessToken: lapsed, appId: app.id, appSecret: app.secret });
		const oauth = fx.credential('metaOAuth2Api', { clientId: app.id, clientSecret: app.secret, oauthTokenData: { access_token: lapsed, token_type: 'bearer', expires_in: 30 * 86400 } });
		for (const [creds, path] of [[accessToken, instagram.id], [oauth, `${waba.id}/phone_numbers`]]) {
			const run = await fx.probe(creds, { path, retry: { maxRetries: 0 } });
			expect(run.error).toBeDefined();
			expect(run.error.description).toMatch(/Data access for this login ended on \d{4}-\d{2}-\d{2} \(90 days after the person last used the app\): reconnect to renew data access \(connect or generate the token again and approve the app\)\./);
			expect(run.error.description).toMatch(/Meta error 200/);
		}
		// A permission that is simply missing says nothing about data access.
		const noWhatsapp = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: ['pages_show_list'] }).token;
		const missing = await fx.probe(fx.credential('metaAccessTokenApi', { accessToken: noWhatsapp, appId: app.id, appSecret: app.secret }), { path: `${waba.id}/phone_numbers` });
		expect(missing.error.description).not.toMatch(/data access/);
	});
});
