'use strict';
// Webhook subscriptions (reference §8.3): the app-level `/{app-id}/subscriptions` (one callback URL per object, Meta
// verifies it with a GET before accepting), `subscribed_apps` on Pages and WhatsApp Business Accounts (with the
// per-account `override_callback_uri`), and routing a delivery to the URL Meta would call.
const { graphError } = require('../core/errors');
const { requireToken } = require('../core/tokens');
const { selectFields } = require('../core/fields');
const { registerProductSettings } = require('../core/settings');
const { unknownFields, WHATSAPP_OVERRIDE_FIELDS } = require('./webhook-fields');

registerProductSettings({
	/**
	 * Kind: accept plain-http callback URLs on loopback hosts (127.0.0.1, localhost, ::1), so a local n8n can be
	 * subscribed. Meta accepts only HTTPS callbacks (reference §8.1); off by default.
	 */
	webhookAllowHttpLoopbackCallbacks: false,
});

function subscriptionsOf(state, appId) {
	if (!state.appSubscriptions) state.appSubscriptions = new Map();
	if (!state.appSubscriptions.has(appId)) state.appSubscriptions.set(appId, new Map());
	return state.appSubscriptions.get(appId);
}

function installsOf(state, targetId) {
	if (!state.subscribedApps) state.subscribedApps = new Map();
	if (!state.subscribedApps.has(targetId)) state.subscribedApps.set(targetId, new Map());
	return state.subscribedApps.get(targetId);
}

const params = (req) => ({ ...(req.query || {}), ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) });
const fieldList = (value) => String(value || '').split(',').map((f) => f.trim()).filter(Boolean);
const invalid = (message) => ({ code: 100, message, type: 'OAuthException' });

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];

/**
 * Meta calls only HTTPS callbacks (reference §8.1). The exact error Meta answers for an http URL is not in the
 * reference [UNCONFIRMED]: the sandbox answers code 100 (invalid parameter) and names the rule.
 */
function callbackRefusal(state, url, parameter) {
	let parsed;
	try {
		parsed = new URL(String(url));
	} catch {
		return invalid(`(#100) Param ${parameter} must be a valid URL`);
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && state.settings.webhookAllowHttpLoopbackCallbacks && LOOPBACK_HOSTS.includes(parsed.hostname)) return undefined;
	return invalid(`(#100) Param ${parameter} must be an HTTPS URL: Meta does not call plain http callbacks`);
}

/** Meta checks a callback with the GET handshake before it stores it ([UNCONFIRMED] error code 2200). */
async function verifyOrFail(webhooks, res, url, verifyToken) {
	const check = await webhooks.verifyCallback({ url, verifyToken });
	if (check.ok) return true;
	graphError(res, {
		code: 2200,
		message: `Callback verification failed with the following errors: HTTP Status Code = ${check.status}; HTTP Message = ${check.status === 403 ? 'Forbidden' : 'Unexpected answer'}`,
		type: 'OAuthException',
		prefix: false,
	});
	return false;
}

function register({ state, routers, webhooks }) {
	const fb = routers['graph.facebook.com'];
	const appToken = requireToken(state, { types: ['APP'], wrongType: () => invalid('(#15) This method must be called with an app access_token.') });

	// The App node (what the Meta App credential's test reads); other ids fall through.
	fb.get('/:appId', (req, res, next) => {
		const app = state.apps.get(req.params.appId);
		if (!app) return next();
		return appToken(req, res, () => {
			if (req.token.appId !== app.id) return graphError(res, invalid('(#100) The app token does not belong to this app.'));
			const business = app.businessId ? state.businesses.get(app.businessId) || { id: app.businessId } : null;
			const getters = {
				id: () => app.id,
				name: () => app.name,
				business: () => (business ? { id: business.id, name: business.name } : undefined),
			};
			const selected = selectFields(req.query.fields, ['id', 'name'], getters, 'Application');
			return selected.ok ? res.json(selected.body) : graphError(res, selected.error);
		});
	});

	fb.post('/:appId/subscriptions', appToken, async (req, res) => {
		if (req.token.appId !== req.params.appId) return graphError(res, invalid('(#100) The app token does not belong to this app.'));
		const p = params(req);
		if (!p.object) return graphError(res, invalid('(#100) The parameter object is required'));
		if (!p.callback_url) return graphError(res, invalid('(#100) The parameter callback_url is required'));
		const refusal = callbackRefusal(state, p.callback_url, 'callback_url');
		if (refusal) return graphError(res, refusal);
		// Unknown field names are refused (code 100, invalid parameter, reference §9.2; exact text [UNCONFIRMED]).
		const unknown = unknownFields(p.object, fieldList(p.fields));
		if (unknown.length) return graphError(res, invalid(`(#100) Invalid field name(s) for object ${p.object}: ${unknown.join(', ')}`));
		if (!(await verifyOrFail(webhooks, res, p.callback_url, p.verify_token))) return undefined;
		const subs = subscriptionsOf(state, req.params.appId);
		const existing = subs.get(p.object);
		// One callback URL per object and app: a new URL replaces the old one for every field.
		const fields = new Map(existing ? existing.fields : []);
		for (const name of fieldList(p.fields)) fields.set(name, 'v26.0');
		subs.set(p.object, { object: p.object, callback_url: p.callback_url, active: true, fields, verifyToken: p.verify_token });
		return res.json({ success: true });
	});

	fb.get('/:appId/subscriptions', appToken, (req, res) => {
		const data = [...subscriptionsOf(state, req.params.appId).values()].map((s) => ({
			object: s.object,
			callback_url: s.callback_url,
			active: s.active,
			fields: [...s.fields].map(([name, version]) => ({ name, version })),
		}));
		res.json({ data });
	});

	fb.delete('/:appId/subscriptions', appToken, (req, res) => {
		const p = params(req);
		const subs = subscriptionsOf(state, req.params.appId);
		if (!p.object) subs.clear();
		else if (!p.fields) subs.delete(p.object);
		else {
			const sub = subs.get(p.object);
			for (const name of fieldList(p.fields)) sub && sub.fields.delete(name);
			if (sub && sub.fields.size === 0) subs.delete(p.object);
		}
		res.json({ success: true });
	});

	const anyToken = requireToken(state);
	fb.post('/:targetId/subscribed_apps', anyToken, async (req, res) => {
		const p = params(req);
		const target = req.params.targetId;
		const isWaba = state.wabas && state.wabas.has(target);
		if (!isWaba && !state.pages.has(target)) return graphError(res, invalid(`(#100) Unsupported post request. Object with ID '${target}' does not exist`));
		if (!isWaba && (req.token.type !== 'PAGE' || req.token.pageId !== target)) return graphError(res, invalid('(#210) A page access token is required to request this resource.'));
		if (isWaba && !req.token.scopes.includes('whatsapp_business_management')) return graphError(res, { code: 200, message: '(#200) Requires whatsapp_business_management permission', type: 'OAuthException' });
		const overrideRefusal = p.override_callback_uri ? callbackRefusal(state, p.override_callback_uri, 'override_callback_uri') : undefined;
		if (overrideRefusal) return graphError(res, overrideRefusal);
		if (p.override_callback_uri && !(await verifyOrFail(webhooks, res, p.override_callback_uri, p.verify_token))) return undefined;
		installsOf(state, target).set(req.token.appId, {
			subscribed_fields: fieldList(p.subscribed_fields),
			override_callback_uri: p.override_callback_uri || undefined,
		});
		return res.json({ success: true });
	});

	fb.get('/:targetId/subscribed_apps', anyToken, (req, res) => {
		const target = req.params.targetId;
		const data = [...installsOf(state, target)].map(([appId, install]) => {
			const app = state.apps.get(appId) || { name: `App ${appId}` };
			return state.wabas && state.wabas.has(target)
				? { whatsapp_business_api_data: { id: appId, name: app.name }, ...(install.override_callback_uri ? { override_callback_uri: install.override_callback_uri } : {}) }
				: { id: appId, name: app.name, subscribed_fields: install.subscribed_fields };
		});
		res.json({ data });
	});

	fb.delete('/:targetId/subscribed_apps', anyToken, (req, res) => {
		installsOf(state, req.params.targetId).delete(req.token.appId);
		res.json({ success: true });
	});

	// Instagram Login: the account subscribes the app with its own token (reference §8.3).
	const ig = routers['graph.instagram.com'];
	const igToken = requireToken(state, { types: ['IG_USER'], anyScopes: ['instagram_business_basic', 'business_basic'] });
	const igTarget = (req) => String(req.token.igUserId);
	ig.post('/me/subscribed_apps', igToken, (req, res) => {
		const fields = fieldList(params(req).subscribed_fields);
		if (!fields.length) return graphError(res, invalid('(#100) The parameter subscribed_fields is required'));
		installsOf(state, igTarget(req)).set(req.token.appId, { subscribed_fields: fields });
		return res.json({ success: true });
	});
	ig.get('/me/subscribed_apps', igToken, (req, res) => {
		const data = [...installsOf(state, igTarget(req))].map(([appId, install]) => ({ id: appId, name: (state.apps.get(appId) || {}).name, subscribed_fields: install.subscribed_fields }));
		res.json({ data });
	});
	ig.delete('/me/subscribed_apps', igToken, (req, res) => {
		installsOf(state, igTarget(req)).delete(req.token.appId);
		res.json({ success: true });
	});
}

/**
 * Where Meta would send an event, or why it sends nothing. The app must subscribe the object's field; a Page or
 * Instagram account must have installed the app (for those fields, when it listed some); a WhatsApp account too
 * (`POST /{waba-id}/subscribed_apps`: Meta sends nothing for an account without it). A WhatsApp account's override
 * URL receives only the fields Meta's "Webhook overrides" page lists; the rest goes to the app's callback.
 */
async function routeDelivery(state, webhooks, { appId, object, targetId, field, payload, instagramLogin = false }) {
	const app = appId ? state.apps.get(String(appId)) : state.defaultApp();
	const install = targetId ? installsOf(state, String(targetId)).get(app.id) : undefined;
	const sub = subscriptionsOf(state, app.id).get(object);
	if (!sub || (field && !sub.fields.has(field))) return { delivered: false, reason: `app ${app.id} is not subscribed to ${object}${field ? `.${field}` : ''}` };
	if (targetId && !install) return { delivered: false, reason: `${targetId} has not subscribed app ${app.id}` };
	if (install && install.subscribed_fields.length && field && !install.subscribed_fields.includes(field)) {
		return { delivered: false, reason: `${targetId} did not subscribe app ${app.id} to ${field}` };
	}
	const overridden = install && install.override_callback_uri && (object !== 'whatsapp_business_account' || !field || WHATSAPP_OVERRIDE_FIELDS.includes(field));
	const url = overridden ? install.override_callback_uri : sub.callback_url;
	// Instagram Login apps sign with the Instagram app secret (reference §8.2).
	const result = await webhooks.deliver({ url, payload, appSecret: instagramLogin ? app.instagramAppSecret : app.secret });
	return { delivered: true, url, ...result };
}

module.exports = { name: 'subscriptions', register, routeDelivery };
