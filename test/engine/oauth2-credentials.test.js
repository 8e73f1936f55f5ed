'use strict';
// Both OAuth2 credentials connected the way n8n connects them (n8n's own @n8n/client-oauth2 against the sandbox's
// consent page and token endpoint), then used by a node inside the real engine.
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

	test('the short-lived token from the code exchange is swapped for a long-lived one before requests', async () => {
		const { app, users } = fx.seed;
		const data = { clientId: app.id, clientSecret: app.secret, products: ['instagramPublish', 'pages'] };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}`);
		expect(oauthTokenData.expires_in).toBeLessThanOrEqual(7200);
		const creds = fx.credential('metaOAuth2Api', { ...data, oauthTokenData });
		fx.admin.clearCalls();

		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].body.id).toBe(users.ada.id);
		const calls = fx.calls();
		expect(calls.map((c) => c.path)).toEqual(['/oauth/access_token', '/me']);
		expect(calls[0]).toMatchObject({ method: 'POST', query: {}, body: { grant_type: 'fb_exchange_token' } }); // a form: no secret in the URL
		expect(calls[1].tokenLifetime).toBe('long');
		// n8n 2.41 keeps what an OAuth2 credential's preAuthentication returns in memory only (see README).
		expect(fx.engine.credentials.writes).toHaveLength(0);
	});

	test('a long-lived token from the code exchange is used as is, with appsecret_proof', async () => {
		const { app, users } = fx.seed;
		fx.admin.settings({ codeExchangeLongLived: true });
		const data = { clientId: app.id, clientSecret: app.secret };
		const { oauthTokenData } = await connect('metaOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${users.ada.id}`);
		const creds = fx.credential('metaOAuth2Api', { ...data, oauthTokenData });
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		const calls = fx.calls();
		expect(calls.map((c) => c.path)).toEqual(['/me']);
		expect(calls[0].appsecretProof).toMatch(/^[0-9a-f]{64}$/);
		expect(calls[0].tokenLifetime).toBe('long');
	});
});

describe('Instagram Login OAuth2 credential', () => {
	test('the code exchange answer (either shape) is normalised and exchanged for a 60-day token on graph.instagram.com', async () => {
		const { app, instagram } = fx.seed;
		for (const shape of ['data', 'flat']) {
			fx.reset();
			fx.admin.settings({ igTokenResponseShape: shape });
			const data = { clientId: app.instagramAppId, clientSecret: app.instagramAppSecret };
			const { oauthTokenData } = await connect('instagramLoginOAuth2Api', data, `sandbox_auto=allow&sandbox_user=${instagram.id}`);
			const creds = fx.credential('instagramLoginOAuth2Api', { ...data, oauthTokenData });
			fx.admin.clearCalls();
			const run = await fx.probe(creds, { path: 'me', qs: { fields: 'user_id,username' } });
			expect(run.error).toBeUndefined();
			expect(run.items[0].body.username).toBe(instagram.username);
			const calls = fx.calls();
			expect(calls.map((c) => `${c.host}${c.path}`)).toEqual(['graph.instagram.com/access_token', 'graph.instagram.com/me']);
			expect(calls[0].query.grant_type).toBe('ig_exchange_token');
			expect(calls[1].tokenLifetime).toBe('long');
		}
	});
});
