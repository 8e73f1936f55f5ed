'use strict';
// GET|POST /graph.facebook.com/{v}/oauth/access_token (reference §1.1, §1.2):
// authorization code exchange, fb_exchange_token, client_credentials.
const { graphError, errors, wwwAuthenticate } = require('../../core/errors');
const { createToken, lookupToken, tokenProblem, appTokenFor } = require('../../core/tokens');
const { granularScopesFor } = require('./scopes');

function params(req) {
	const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
	return { ...req.query, ...body };
}

/** client_id/client_secret from params or HTTP Basic (n8n's OAuth2 client may use Basic). */
function clientCredentials(req, p) {
	let clientId = p.client_id;
	let clientSecret = p.client_secret;
	const auth = req.headers.authorization;
	if (typeof auth === 'string' && /^Basic\s+/i.test(auth)) {
		const decoded = Buffer.from(auth.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		if (i !== -1) {
			clientId = clientId || decodeURIComponent(decoded.slice(0, i));
			clientSecret = clientSecret || decodeURIComponent(decoded.slice(i + 1));
		}
	}
	return { clientId, clientSecret };
}

/** @returns {{app:any}|{error:any}} */
function authenticateClient(state, req, p, { secretRequired = true } = {}) {
	const { clientId, clientSecret } = clientCredentials(req, p);
	if (!clientId) return { error: { code: 101, prefix: false, message: 'Missing client_id parameter.' } };
	const app = state.apps.get(String(clientId));
	if (!app) return { error: { code: 101, prefix: false, message: 'Error validating application. Invalid application ID.' } };
	if (!clientSecret && secretRequired) return { error: { code: 1, status: 400, prefix: false, message: 'Missing client_secret parameter.' } };
	if (clientSecret && clientSecret !== app.secret) return { error: errors.clientSecret() };
	return { app };
}

function codeError(subcode, message) {
	return { code: 100, subcode, prefix: false, message, headers: wwwAuthenticate('invalid_code', message) };
}

function exchangeCode(state, req, res, p) {
	const client = authenticateClient(state, req, p);
	if (client.error) return graphError(res, client.error);
	const entry = state.codes.get(String(p.code));
	if (!entry || entry.kind !== 'facebook') return graphError(res, codeError(undefined, 'Invalid verification code format.'));
	if (entry.appId !== client.app.id)
		return graphError(res, codeError(36008, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request'));
	if (entry.used) return graphError(res, codeError(36009, 'This authorization code has been used.'));
	if (state.nowMs() - entry.createdAtMs > state.settings.fbCodeTtlSeconds * 1000)
		return graphError(res, codeError(36007, 'This authorization code has expired.'));
	if (p.redirect_uri !== entry.redirectUri)
		return graphError(res, codeError(36008, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request'));
	entry.used = true;
	const granular = granularScopesFor(state, entry.userId, entry.scopes, entry.sharedAssets);
	const sharedAssets = entry.sharedAssets;
	if (entry.tokenType === 'SYSTEM_USER') {
		// Login for Business configured for a business-integration system user token: non-expiring.
		const rec = createToken(state, { type: 'SYSTEM_USER', appId: entry.appId, userId: entry.userId, scopes: entry.scopes, granularScopes: granular, sharedAssets, expiresIn: 0 });
		return res.json({ access_token: rec.token, token_type: 'bearer' });
	}
	const seconds = state.settings.codeExchangeLongLived ? state.settings.longLivedTokenSeconds : state.settings.shortLivedUserTokenSeconds;
	const rec = createToken(state, { type: 'USER', appId: entry.appId, userId: entry.userId, scopes: entry.scopes, granularScopes: granular, sharedAssets, expiresIn: seconds });
	return res.json({ access_token: rec.token, token_type: 'bearer', expires_in: seconds });
}

function exchangeLongLived(state, req, res, p) {
	const client = authenticateClient(state, req, p);
	if (client.error) return graphError(res, client.error);
	if (!p.fb_exchange_token) return graphError(res, { code: 100, message: 'Missing parameter fb_exchange_token' });
	const input = lookupToken(state, String(p.fb_exchange_token));
	if (!input || input.type === 'IG_USER' || input.type === 'APP') return graphError(res, errors.cannotParseToken());
	const problem = tokenProblem(state, input);
	if (problem) return graphError(res, problem);
	if (input.appId !== client.app.id)
		return graphError(res, { code: 100, message: 'The access token does not belong to the application identified by client_id' });
	const seconds = state.settings.longLivedTokenSeconds;
	if (input.type === 'PAGE') {
		const rec = createToken(state, {
			type: 'PAGE',
			appId: input.appId,
			userId: input.userId,
			pageId: input.pageId,
			scopes: input.scopes,
			granularScopes: input.granularScopes,
			sharedAssets: input.sharedAssets,
			expiresAt: 0,
			dataAccessExpiresAt: input.dataAccessExpiresAt,
			parentToken: input.parentToken,
		});
		return res.json({ access_token: rec.token, token_type: 'bearer' });
	}
	const rec = createToken(state, {
		type: input.type,
		appId: input.appId,
		userId: input.userId,
		scopes: input.scopes,
		granularScopes: input.granularScopes,
		sharedAssets: input.sharedAssets,
		expiresIn: input.type === 'SYSTEM_USER' && !input.expiresAt ? 0 : seconds,
		dataAccessExpiresAt: input.dataAccessExpiresAt,
	});
	return res.json({ access_token: rec.token, token_type: 'bearer', expires_in: seconds });
}

function clientCredentialsGrant(state, req, res, p) {
	const client = authenticateClient(state, req, p);
	if (client.error) return graphError(res, client.error);
	return res.json({ access_token: appTokenFor(client.app), token_type: 'bearer' });
}

function register({ state, routers }) {
	const handler = (req, res) => {
		const p = params(req);
		if (p.grant_type === 'fb_exchange_token') return exchangeLongLived(state, req, res, p);
		if (p.grant_type === 'client_credentials') return clientCredentialsGrant(state, req, res, p);
		if (p.grant_type && p.grant_type !== 'authorization_code')
			return graphError(res, { code: 100, message: `Unsupported grant_type: ${p.grant_type}` });
		if (!p.code) return graphError(res, { code: 1, status: 400, prefix: false, message: 'Missing authorization code' });
		return exchangeCode(state, req, res, p);
	};
	routers['graph.facebook.com'].get('/oauth/access_token', handler);
	routers['graph.facebook.com'].post('/oauth/access_token', handler);
}

module.exports = { register, authenticateClient, clientCredentials, params };
