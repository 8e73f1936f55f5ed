'use strict';
/**
 * The demo's credentials: every kind the package offers, filled with the sandbox's seeded app and tokens and
 * pointed at the sandbox through Base URL Override. The names are the ones the example workflows in
 * docs/examples/ refer to, so the same workflows work against real Meta once these credentials hold real values.
 */

const VERIFY_TOKEN = 'meta-demo-verify-token';

/**
 * @param {typeof import('../../test/sandbox').seedResult} seed  @param {string} sandboxUrl
 * @param {{userToken?: string}} [options] the user token to store (default: the seed's; the demo passes one that may read leads)
 */
function demoCredentials(seed, sandboxUrl, { userToken = seed.tokens.adaUser } = {}) {
	const { app, tokens } = seed;
	const base = { baseUrlOverride: sandboxUrl };
	return [
		{
			name: 'Meta system user token',
			type: 'metaAccessTokenApi',
			data: { accessToken: tokens.systemUser, appId: app.id, appSecret: app.secret, ...base },
		},
		{
			name: 'Meta user token',
			type: 'metaAccessTokenApi',
			data: { accessToken: userToken, appId: app.id, appSecret: app.secret, ...base },
		},
		{
			// Instagram Login tokens are signed with the Instagram app's own id and secret.
			name: 'Instagram Login token',
			type: 'metaAccessTokenApi',
			data: { accessToken: tokens.instagramLogin, appId: app.instagramAppId, appSecret: app.instagramAppSecret, ...base },
		},
		{
			name: 'Meta app (webhooks)',
			type: 'metaAppApi',
			data: { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken: VERIFY_TOKEN, ...base },
		},
		{
			// Not connected: the editor's Connect button opens the sandbox's login dialog.
			name: 'Meta Facebook Login (OAuth2)',
			type: 'metaOAuth2Api',
			data: { clientId: app.id, clientSecret: app.secret, ...base },
		},
	];
}

/**
 * Creates each credential, or updates the one of the same name and type a previous run left (the sandbox starts
 * fresh every run, so stored values are replaced wholesale and an OAuth2 connection to the old sandbox is dropped).
 * Resolves to [{ id, name, type, action: 'created' | 'updated' }].
 */
async function upsertCredentials(n8n, specs) {
	const existing = await n8n.rest('GET', '/credentials');
	const results = [];
	for (const spec of specs) {
		const match = existing.find((c) => c.name === spec.name && c.type === spec.type);
		if (!match) {
			const created = await n8n.createCredential(spec);
			results.push({ id: created.id, name: spec.name, type: spec.type, action: 'created' });
			continue;
		}
		await n8n.rest('PATCH', `/credentials/${match.id}`, spec);
		if (spec.type.endsWith('OAuth2Api')) await n8n.rest('DELETE', `/credentials/${match.id}/oauth-token`);
		results.push({ id: match.id, name: spec.name, type: spec.type, action: 'updated' });
	}
	return results;
}

/**
 * n8n's own credential test (the editor's "Retest" button, POST /rest/credentials/test), whose message for the Meta
 * Access Token credential says what the token can and cannot do. OAuth2 credentials are only testable once connected.
 */
async function testCredential(n8n, { id, name, type }) {
	const { data } = await n8n.getCredential(id);
	try {
		const result = await n8n.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
		return { ok: result?.status === 'OK', message: result?.message ?? '' };
	} catch (err) {
		return { ok: false, message: err.message };
	}
}

/** Ada's long-lived user token with the seed's permissions plus leads_retrieval, minted in `sandbox`. */
function demoUserToken(sandbox) {
	const { app, users, scopes } = sandbox.seedResult;
	return sandbox.admin.createToken({ type: 'USER', appId: app.id, userId: users.ada.id, scopes: [...scopes.facebook, 'leads_retrieval'], expiresIn: 5183944 }).token;
}

module.exports = { demoCredentials, demoUserToken, upsertCredentials, testCredential, VERIFY_TOKEN };
