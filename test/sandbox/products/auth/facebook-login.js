'use strict';
// Facebook Login dialog (reference §1.1): GET /www.facebook.com/{v}/dialog/oauth → consent page;
// Allow → 302 redirect_uri?code=…&state=…#_=_ ; Cancel → error=access_denied… ;
// scripts: &sandbox_auto=allow|deny&sandbox_user=<id>&sandbox_assets=<ids|all> redirects at once. The person shares
// only the Pages, Instagram, WhatsApp and ad accounts ticked (sandbox_assets); none by default (setting loginSharesAllAssets).
const ids = require('../../core/ids');
const { createToken } = require('../../core/tokens');
const { consentPage, errorPage } = require('./consent-page');
const { FACEBOOK_SCOPES, parseScopeParam, granularScopesFor } = require('./scopes');
const { redirectWith, isAbsoluteUrl, redirectRegistered } = require('./redirects');
const { reachableAssets, chosenAssets } = require('./assets');

const RESPONSE_TYPES = ['code', 'token', 'granted_scopes', 'denied_scopes'];

/** Validate dialog parameters. @returns {{ok:true, app:any, scopes:string[], config:any}|{ok:false, title:string, message:string}} */
function validateDialog(state, p) {
	const app = state.apps.get(String(p.client_id || ''));
	if (!app) return { ok: false, title: 'Invalid App ID', message: 'The provided app ID does not look like a valid app ID.' };
	if (!p.redirect_uri || !isAbsoluteUrl(p.redirect_uri))
		return { ok: false, title: 'Invalid redirect_uri', message: 'The parameter redirect_uri is required and must be an absolute URL.' };
	if (!redirectRegistered(state, app.redirectUris, p.redirect_uri))
		return {
			ok: false,
			title: 'URL Blocked',
			message:
				"This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.",
		};
	const responseTypes = parseScopeParam(p.response_type || 'code');
	const badType = responseTypes.find((t) => !RESPONSE_TYPES.includes(t));
	if (badType) return { ok: false, title: 'Invalid response_type', message: `Unsupported response_type: ${badType}` };
	if (p.config_id) {
		const config = app.loginConfigs.find((c) => c.id === String(p.config_id));
		if (!config) return { ok: false, title: 'Invalid config_id', message: `The configuration ${p.config_id} does not exist for this app.` };
		return { ok: true, app, scopes: config.scopes, config, responseTypes };
	}
	const scopes = parseScopeParam(p.scope);
	const invalid = scopes.filter((s) => !FACEBOOK_SCOPES.includes(s));
	if (invalid.length)
		return { ok: false, title: 'Invalid Scopes', message: `Invalid Scopes: ${invalid.join(', ')}. This message is only shown to developers.` };
	return { ok: true, app, scopes: scopes.length ? scopes : ['public_profile'], config: null, responseTypes };
}

function deniedRedirect(p) {
	return redirectWith(p.redirect_uri, {
		error: 'access_denied',
		error_reason: 'user_denied',
		error_description: 'Permissions error',
		error_code: 200,
		state: p.state,
	});
}

/** Issue the code (or implicit token) for an allowed dialog; `sharedAssets` are the asset ids the person ticked. */
function allowedRedirect(state, p, v, userId, granted, sharedAssets) {
	const app = v.app;
	// Development-mode apps only let users with a role on the app through ([community]: denial after UI success).
	if (app.mode === 'development' && !app.roleUserIds.includes(String(userId))) return deniedRedirect(p);
	const scopes = v.config ? v.config.scopes : granted;
	const denied = v.scopes.filter((s) => !scopes.includes(s));
	const extra = {};
	if (v.responseTypes.includes('granted_scopes')) extra.granted_scopes = scopes.join(',');
	if (v.responseTypes.includes('denied_scopes')) extra.denied_scopes = denied.join(',');
	if (v.responseTypes.includes('token') && !v.responseTypes.includes('code')) {
		const rec = createToken(state, {
			type: 'USER',
			appId: app.id,
			userId,
			scopes,
			granularScopes: granularScopesFor(state, userId, scopes, sharedAssets),
			sharedAssets,
			expiresIn: state.settings.shortLivedUserTokenSeconds,
		});
		const frag = new URLSearchParams({ access_token: rec.token, data_access_expiration_time: String(rec.dataAccessExpiresAt), expires_in: String(rec.expiresAt - rec.issuedAt), ...extra, ...(p.state ? { state: p.state } : {}) });
		return redirectWith(p.redirect_uri, {}, `#${frag.toString()}`);
	}
	const code = ids.oauthCode();
	state.codes.set(code, {
		code,
		kind: 'facebook',
		appId: app.id,
		userId: String(userId),
		redirectUri: p.redirect_uri,
		scopes,
		configId: v.config ? v.config.id : null,
		tokenType: v.config ? v.config.tokenType : 'USER',
		sharedAssets,
		createdAtMs: state.nowMs(),
		used: false,
	});
	return redirectWith(p.redirect_uri, { code, ...extra, state: p.state }, '#_=_');
}

const DIALOG_PARAMS = ['client_id', 'redirect_uri', 'state', 'scope', 'config_id', 'response_type', 'auth_type', 'override_default_response_type'];

function register({ state, routers }) {
	const router = routers['www.facebook.com'];

	router.get('/dialog/oauth', (req, res) => {
		const p = req.query;
		const v = validateDialog(state, p);
		if (!v.ok) return res.status(400).type('html').send(errorPage(v.title, v.message));
		const users = [...state.users.values()];
		if (p.sandbox_auto) {
			const userId = String(p.sandbox_user || (users[0] && users[0].id) || '');
			if (!state.users.has(userId)) return res.status(400).type('html').send(errorPage('Unknown user', `sandbox_user ${userId} is not seeded.`));
			if (p.sandbox_auto === 'deny') return res.redirect(302, deniedRedirect(p));
			return res.redirect(302, allowedRedirect(state, p, v, userId, v.scopes, chosenAssets(state, userId, p.sandbox_assets)));
		}
		const hidden = Object.fromEntries(DIALOG_PARAMS.map((k) => [k, p[k]]));
		res.type('html').send(
			consentPage({
				product: 'Facebook',
				action: `${req.originalUrl.split('?')[0].replace(/\/$/, '')}/decide`,
				app: v.app,
				scopes: v.scopes,
				configId: v.config ? v.config.id : null,
				users: users.map((u) => ({ id: u.id, label: `${u.name} (${u.id})`, assets: reachableAssets(state, u.id) })),
				hidden,
			}),
		);
	});

	router.post('/dialog/oauth/decide', (req, res) => {
		const p = req.body || {};
		const v = validateDialog(state, p);
		if (!v.ok) return res.status(400).type('html').send(errorPage(v.title, v.message));
		if (p.decision !== 'allow') return res.redirect(302, deniedRedirect(p));
		const userId = String(p.sandbox_user || '');
		if (!state.users.has(userId)) return res.status(400).type('html').send(errorPage('Unknown user', `User ${userId} is not seeded.`));
		const granted = [].concat(p.grant || []).filter((s) => v.scopes.includes(s));
		return res.redirect(302, allowedRedirect(state, p, v, userId, granted, chosenAssets(state, userId, p.asset)));
	});
}

module.exports = { register, validateDialog };
