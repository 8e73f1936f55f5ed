'use strict';
// Instagram API with Instagram Login (reference §1.4): authorize dialog, code exchange on
// api.instagram.com, ig_exchange_token / ig_refresh_token and /me on graph.instagram.com.
const ids = require('../../core/ids');
const { graphError, errors } = require('../../core/errors');
const { createToken, requireToken, permissionError } = require('../../core/tokens');
const { selectFields } = require('../../core/fields');
const { appByInstagramId, findIgAccount } = require('../../core/entities');
const { consentPage } = require('./consent-page');
const { INSTAGRAM_SCOPES, parseScopeParam } = require('./scopes');
const { redirectWith, isAbsoluteUrl, redirectRegistered } = require('./redirects');
const { params } = require('./oauth-token');
const { instagramLoginGetters } = require('./nodes');

/** api.instagram.com answers in the older Instagram error shape ([community], Threads/IG docs). */
function igOAuthError(res, message, status = 400) {
	return res.status(status).json({ error_type: 'OAuthException', code: status, error_message: message });
}

function validateAuthorize(state, p) {
	const app = appByInstagramId(state, p.client_id || '');
	if (!app) return { ok: false, message: 'Invalid platform app' };
	if (!p.redirect_uri || !isAbsoluteUrl(p.redirect_uri)) return { ok: false, message: 'Invalid redirect_uri' };
	if (!redirectRegistered(state, app.instagramRedirectUris, p.redirect_uri)) return { ok: false, message: 'Invalid redirect_uri' };
	if ((p.response_type || 'code') !== 'code') return { ok: false, message: 'Invalid response_type' };
	const scopes = parseScopeParam(p.scope);
	const invalid = scopes.filter((s) => !INSTAGRAM_SCOPES.includes(s));
	if (invalid.length) return { ok: false, message: `Invalid scope: [${invalid.join(',')}]` };
	if (!scopes.length) return { ok: false, message: 'Invalid scope: []' };
	return { ok: true, app, scopes };
}

function professionalAccounts(state) {
	return [...state.igAccounts.values()].filter((a) => a.accountType !== 'PERSONAL');
}

function issueCode(state, p, v, account, granted) {
	const code = ids.oauthCode();
	state.codes.set(code, {
		code,
		kind: 'instagram',
		appId: v.app.id,
		igUserId: account.id,
		redirectUri: p.redirect_uri,
		scopes: granted,
		createdAtMs: state.nowMs(),
		used: false,
	});
	return redirectWith(p.redirect_uri, { code, state: p.state }, '#_');
}

function deniedRedirect(p) {
	return redirectWith(p.redirect_uri, {
		error: 'access_denied',
		error_reason: 'user_denied',
		error_description: 'The user denied your request.',
		state: p.state,
	});
}

function registerAuthorize(state, router) {
	router.get('/oauth/authorize', (req, res) => {
		const p = req.query;
		const v = validateAuthorize(state, p);
		if (!v.ok) return igOAuthError(res, v.message);
		if (p.sandbox_auto) {
			const account = p.sandbox_user ? findIgAccount(state, p.sandbox_user) : professionalAccounts(state)[0];
			if (!account) return igOAuthError(res, `Unknown sandbox_user ${p.sandbox_user || ''}`);
			if (p.sandbox_auto === 'deny') return res.redirect(302, deniedRedirect(p));
			if (account.accountType === 'PERSONAL') return igOAuthError(res, 'Only professional (Business or Creator) accounts can use this app');
			return res.redirect(302, issueCode(state, p, v, account, v.scopes));
		}
		const hidden = Object.fromEntries(['client_id', 'redirect_uri', 'state', 'scope', 'response_type'].map((k) => [k, p[k]]));
		res.type('html').send(
			consentPage({
				product: 'Instagram',
				action: `${req.originalUrl.split('?')[0].replace(/\/$/, '')}/decide`,
				app: { ...v.app, name: v.app.name, id: v.app.instagramAppId },
				scopes: v.scopes,
				configId: null,
				users: professionalAccounts(state).map((a) => ({ id: a.id, label: `@${a.username} (${a.accountType})` })),
				hidden,
			}),
		);
	});
	router.post('/oauth/authorize/decide', (req, res) => {
		const p = req.body || {};
		const v = validateAuthorize(state, p);
		if (!v.ok) return igOAuthError(res, v.message);
		if (p.decision !== 'allow') return res.redirect(302, deniedRedirect(p));
		const account = findIgAccount(state, p.sandbox_user || '');
		if (!account || account.accountType === 'PERSONAL') return igOAuthError(res, 'Only professional (Business or Creator) accounts can use this app');
		const granted = [].concat(p.grant || []).filter((s) => v.scopes.includes(s));
		return res.redirect(302, issueCode(state, p, v, account, granted));
	});
}

/** POST api.instagram.com/oauth/access_token (form or multipart). */
function registerCodeExchange(state, router) {
	router.post('/oauth/access_token', (req, res) => {
		const p = params(req);
		for (const field of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'])
			if (!p[field]) return igOAuthError(res, `Missing required field ${field}`);
		const app = appByInstagramId(state, p.client_id);
		if (!app) return igOAuthError(res, 'Invalid platform app');
		if (p.client_secret !== app.instagramAppSecret) return igOAuthError(res, 'Error validating client secret.');
		if (p.grant_type !== 'authorization_code') return igOAuthError(res, 'Unsupported grant_type');
		const entry = state.codes.get(String(p.code));
		const expired = entry && state.nowMs() - entry.createdAtMs > state.settings.igCodeTtlSeconds * 1000;
		if (!entry || entry.kind !== 'instagram' || entry.appId !== app.id || entry.used || expired)
			return igOAuthError(res, 'Matching code was not found or was already used');
		if (p.redirect_uri !== entry.redirectUri)
			return igOAuthError(res, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
		entry.used = true;
		const account = state.igAccounts.get(entry.igUserId);
		const rec = createToken(state, {
			type: 'IG_USER',
			appId: app.id,
			igUserId: entry.igUserId,
			scopes: entry.scopes,
			expiresIn: state.settings.igShortLivedTokenSeconds,
			lifetime: 'short',
		});
		const item = { access_token: rec.token, user_id: account.appScopedId, permissions: entry.scopes.join(',') };
		res.json(state.settings.igTokenResponseShape === 'flat' ? item : { data: [item] });
	});
}

function registerGraphInstagram(state, router) {
	// Short-lived → long-lived (60 days).
	router.get('/access_token', requireToken(state, { types: ['IG_USER'] }), (req, res) => {
		const app = state.apps.get(req.token.appId);
		if (req.query.grant_type !== 'ig_exchange_token') return graphError(res, { code: 100, message: 'Unsupported grant_type, expected ig_exchange_token' });
		if (!req.query.client_secret) return graphError(res, { code: 100, message: 'Missing client_secret parameter' });
		if (req.query.client_secret !== app.instagramAppSecret) return graphError(res, errors.clientSecret());
		const seconds = state.settings.longLivedTokenSeconds;
		const rec = createToken(state, { type: 'IG_USER', appId: app.id, igUserId: req.token.igUserId, scopes: req.token.scopes, expiresIn: seconds, lifetime: 'long' });
		res.json({ access_token: rec.token, token_type: 'bearer', expires_in: seconds });
	});

	// Refresh: long-lived, at least igRefreshMinAgeSeconds old, not expired; new token valid 60 days.
	router.get('/refresh_access_token', requireToken(state, { types: ['IG_USER'] }), (req, res) => {
		const token = req.token;
		if (req.query.grant_type !== 'ig_refresh_token') return graphError(res, { code: 100, message: 'Unsupported grant_type, expected ig_refresh_token' });
		if (!token.scopes.includes('instagram_business_basic')) return graphError(res, permissionError(state, 'instagram_business_basic'));
		if (token.lifetime === 'short') return graphError(res, { code: 100, message: 'Short-lived access tokens cannot be refreshed; exchange them for a long-lived token first' });
		if (state.nowSec() - token.issuedAt < state.settings.igRefreshMinAgeSeconds) return graphError(res, { ...state.settings.igRefreshTooYoungError });
		const seconds = state.settings.longLivedTokenSeconds;
		const rec = createToken(state, { type: 'IG_USER', appId: token.appId, igUserId: token.igUserId, scopes: token.scopes, expiresIn: seconds, lifetime: 'long' });
		const body = { access_token: rec.token, token_type: 'bearer', expires_in: seconds };
		if (state.settings.igRefreshIncludesPermissions) body.permissions = token.scopes.join(',');
		res.json(body);
	});

	const igNode = (req, res) => {
		const account = state.igAccounts.get(req.token.igUserId);
		if (!account) return graphError(res, errors.unsupportedRequest('GET', 'me'));
		const selected = selectFields(req.query.fields, ['id'], instagramLoginGetters(account), 'User');
		if (!selected.ok) return graphError(res, selected.error);
		res.json(selected.body);
	};
	router.get('/me', requireToken(state, { types: ['IG_USER'] }), igNode);
	router.get('/:id', (req, res, next) => {
		const account = findIgAccount(state, req.params.id);
		if (!account) return next();
		requireToken(state, { types: ['IG_USER'] })(req, res, () => {
			if (req.token.igUserId !== account.id) return graphError(res, errors.unsupportedRequest('GET', req.params.id));
			igNode(req, res);
		});
	});
	state.nodeTypeResolvers.push((id, host) => (host === 'graph.instagram.com' && findIgAccount(state, id) ? 'User' : null));
}

function register({ state, routers }) {
	registerAuthorize(state, routers['www.instagram.com']);
	registerAuthorize(state, routers['api.instagram.com']);
	registerCodeExchange(state, routers['api.instagram.com']);
	registerGraphInstagram(state, routers['graph.instagram.com']);
}

module.exports = { register };
