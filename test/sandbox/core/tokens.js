'use strict';
// Token registry, token extraction from requests, validity checks (190 family), appsecret_proof and
// scope checks. Routes use `requireToken()`; the pipeline uses `resolveRequestToken()` (never fails).
const crypto = require('crypto');
const ids = require('./ids');
const { errors, graphError } = require('./errors');

const TYPES = ['USER', 'PAGE', 'APP', 'SYSTEM_USER', 'IG_USER'];

/** Deterministic app token `{app-id}|{hash}` as returned by grant_type=client_credentials. */
function appTokenFor(app) {
	const hash = crypto.createHmac('sha256', String(app.secret)).update(`app-token:${app.id}`).digest('base64url').slice(0, 27);
	return `${app.id}|${hash}`;
}

function appsecretProof(token, secret) {
	return crypto.createHmac('sha256', String(secret)).update(String(token)).digest('hex');
}

/**
 * Register a token.
 * @param {any} state
 * @param {Object} spec {type, appId, userId?, pageId?, igUserId?, scopes?, granularScopes?, sharedAssets?, expiresIn?|expiresAt?, issuedAt?, dataAccessExpiresAt?, token?, lifetime?, parentToken?}
 * @returns {import('./state').TokenRecord}
 */
function createToken(state, spec) {
	const type = String(spec.type || 'USER').toUpperCase();
	if (!TYPES.includes(type)) throw new Error(`unknown token type ${spec.type}`);
	const app = state.apps.get(String(spec.appId || state.defaultApp()?.id));
	if (!app) throw new Error(`unknown app ${spec.appId}`);
	const now = state.nowSec();
	const issuedAt = spec.issuedAt !== undefined ? Number(spec.issuedAt) : now;
	let expiresAt;
	if (spec.expiresAt !== undefined) expiresAt = Number(spec.expiresAt);
	else if (spec.expiresIn !== undefined) expiresAt = Number(spec.expiresIn) === 0 ? 0 : issuedAt + Number(spec.expiresIn);
	else if (type === 'USER' || type === 'IG_USER') expiresAt = issuedAt + state.settings.longLivedTokenSeconds;
	else expiresAt = 0;
	const token = spec.token || (type === 'IG_USER' ? ids.instagramToken() : type === 'APP' ? appTokenFor(app) : ids.facebookToken());
	let lifetime = spec.lifetime;
	if (!lifetime) lifetime = expiresAt === 0 ? 'never' : expiresAt - issuedAt > 86400 ? 'long' : 'short';
	const usesDataAccess = type === 'USER' || type === 'PAGE' || type === 'IG_USER';
	/** @type {import('./state').TokenRecord} */
	const record = {
		token,
		type,
		appId: app.id,
		userId: spec.userId !== undefined ? String(spec.userId) : spec.systemUserId !== undefined ? String(spec.systemUserId) : undefined,
		pageId: spec.pageId !== undefined ? String(spec.pageId) : undefined,
		igUserId: spec.igUserId !== undefined ? String(spec.igUserId) : undefined,
		scopes: normalizeScopes(spec.scopes),
		granularScopes: spec.granularScopes,
		sharedAssets: Array.isArray(spec.sharedAssets) ? spec.sharedAssets.map(String) : undefined,
		issuedAt,
		expiresAt,
		dataAccessExpiresAt:
			spec.dataAccessExpiresAt !== undefined ? Number(spec.dataAccessExpiresAt) : usesDataAccess ? now + state.settings.dataAccessSeconds : 0,
		lifetime,
		parentToken: spec.parentToken,
		revoked: null,
	};
	state.tokens.set(token, record);
	return record;
}

function normalizeScopes(scopes) {
	if (!scopes) return [];
	const list = Array.isArray(scopes) ? scopes : String(scopes).split(/[,\s]+/);
	return [...new Set(list.map((s) => String(s).trim()).filter(Boolean))];
}

/**
 * Find the token wherever Meta accepts it: access_token query/form/JSON body, `Authorization: Bearer`,
 * `Authorization: OAuth` (rupload).
 * @returns {{token:string, source:'query'|'body'|'bearer'|'oauth'}|null}
 */
function extractToken(req) {
	if (req.query && typeof req.query.access_token === 'string' && req.query.access_token)
		return { token: req.query.access_token, source: 'query' };
	if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && typeof req.body.access_token === 'string' && req.body.access_token)
		return { token: req.body.access_token, source: 'body' };
	const auth = req.headers.authorization;
	if (typeof auth === 'string') {
		const m = /^(Bearer|OAuth)\s+(.+)$/i.exec(auth.trim());
		if (m) return { token: m[2].trim(), source: m[1].toLowerCase() === 'bearer' ? 'bearer' : 'oauth' };
	}
	return null;
}

/** Look a token string up. `{app-id}|{app-secret}` and `{app-id}|{hash}` are app tokens. */
function lookupToken(state, token) {
	const stored = state.tokens.get(token);
	if (stored) return stored;
	const m = /^(\d+)\|(.+)$/.exec(token);
	if (m) {
		const app = state.apps.get(m[1]);
		if (app && (m[2] === app.secret || token === appTokenFor(app))) {
			return { token, type: 'APP', appId: app.id, scopes: [], issuedAt: 0, expiresAt: 0, dataAccessExpiresAt: 0, lifetime: 'never', revoked: null };
		}
	}
	return null;
}

/**
 * Current validity of a record: null when usable, else an ErrorSpec (190 + subcode).
 * Page tokens die with their user token and with the user's Page role (492).
 */
function tokenProblem(state, record) {
	if (record.revoked) return errors.revokedToken(record, record.revoked.subcode, record.revoked.message);
	if (record.expiresAt && record.expiresAt <= state.nowSec()) return errors.expiredToken(record.expiresAt, state.nowMs());
	if (record.type === 'PAGE' && record.parentToken) {
		const parent = state.tokens.get(record.parentToken);
		if (parent && parent.revoked) return errors.revokedToken(record, parent.revoked.subcode, parent.revoked.message);
		if (record.userId && !state.roles.some((r) => r.userId === record.userId && r.pageId === record.pageId))
			return errors.revokedToken(record, 492);
	}
	const app = state.apps.get(record.appId);
	if (!app) return errors.cannotParseToken();
	return null;
}

/** Which Graph host family accepts a token type: IG-Login tokens only work on graph.instagram.com. */
function hostAccepts(host, record) {
	if (!host) return true;
	if (host === 'graph.instagram.com') return record.type === 'IG_USER';
	if (host === 'graph.facebook.com' || host === 'rupload.facebook.com') return record.type !== 'IG_USER';
	return true;
}

/**
 * Resolve the request's token without answering: used for the call log, usage headers, faults.
 * @returns {{raw:string|null, source:string|null, record:any, error:any}}
 */
function resolveRequestToken(state, req, host) {
	const found = extractToken(req);
	if (!found) return { raw: null, source: null, record: null, error: null };
	const record = lookupToken(state, found.token);
	if (!record || !hostAccepts(host, record)) return { raw: found.token, source: found.source, record: null, error: errors.cannotParseToken() };
	return { raw: found.token, source: found.source, record, error: tokenProblem(state, record) };
}

/** appsecret_proof: validated whenever sent, required when the app demands it (not for app tokens). */
function proofProblem(state, req, record) {
	const app = state.apps.get(record.appId);
	if (!app || record.type === 'APP') return null;
	const sent = (req.query && req.query.appsecret_proof) || (req.body && typeof req.body === 'object' ? req.body.appsecret_proof : undefined);
	const base = { code: state.settings.appsecretProofErrorCode, type: state.settings.appsecretProofErrorType, prefix: false };
	if (!sent) {
		if (app.requireAppsecretProof) return { ...base, message: 'API calls from the server require an appsecret_proof argument' };
		return null;
	}
	// IG-Login tokens are proven with the Instagram app secret ([UNCONFIRMED], reference §1.8).
	const secret = record.type === 'IG_USER' ? app.instagramAppSecret || app.secret : app.secret;
	const expected = appsecretProof(record.token, secret);
	const given = String(sent).toLowerCase();
	const ok = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
	return ok ? null : { ...base, message: 'Invalid appsecret_proof provided in the API argument' };
}

/** Permissions Meta documents as not subject to data-access expiry (reference §1.5). */
const DATA_ACCESS_EXEMPT = new Set([
	'ads_read', 'ads_management', 'business_management', 'pages_manage_ads', 'pages_manage_cta', 'pages_manage_engagement',
	'pages_manage_metadata', 'pages_manage_posts', 'pages_messaging', 'pages_read_engagement', 'pages_read_user_content',
	'pages_show_list', 'read_insights', 'read_audience_network_insights', 'configure_page_transactions', 'pages_manage_instant_articles',
]);

/** A Facebook Login token whose data access lapsed (90 days without use, reference §1.5); the token itself stays valid. */
function dataAccessLapsed(state, record) {
	if (record.type !== 'USER' && record.type !== 'PAGE') return false;
	return Boolean(record.dataAccessExpiresAt) && record.dataAccessExpiresAt <= state.nowSec();
}

/** A granted scope the token may use now: lapsed data access withdraws every permission subject to it. */
function scopeUsable(state, record, scope) {
	if (!record.scopes.includes(scope)) return false;
	return !(dataAccessLapsed(state, record) && !DATA_ACCESS_EXEMPT.has(scope));
}

/**
 * Refusal of a scope. Meta documents no error of its own for lapsed data access: the permission simply stops
 * working, so it is refused like a permission that is not granted ([UNCONFIRMED] code; setting dataAccessExpiredError).
 */
function scopeError(state, record, scope) {
	if (record.scopes.includes(scope) && state.settings.dataAccessExpiredError) return { ...state.settings.dataAccessExpiredError };
	return permissionError(state, scope);
}

/**
 * Login for Business: the person picked the Pages, Instagram accounts, WhatsApp accounts and ad accounts to share.
 * A token from such a login reaches only those (`sharedAssets`); other tokens are not restricted this way.
 */
function assetShared(record, id) {
	if (!record || !Array.isArray(record.sharedAssets)) return true;
	return record.sharedAssets.includes(String(id));
}

function permissionError(state, scope) {
	if (Number(state.settings.missingScopeCode) === 10) return { code: 10, message: 'Application does not have permission for this action' };
	return { code: Number(state.settings.missingScopeCode), message: `Requires ${scope} permission` };
}

/**
 * Route guard.
 * @param {any} state
 * @param {Object} [opts]
 * @param {string[]} [opts.types]     allowed token types (default: any)
 * @param {string[]} [opts.scopes]    all required
 * @param {string[]} [opts.anyScopes] at least one required
 * @param {(req:any, record:any) => any} [opts.wrongType] ErrorSpec for a disallowed type
 * @param {() => any} [opts.missing]  ErrorSpec when no token was sent
 */
function requireToken(state, opts = {}) {
	return function tokenGuard(req, res, next) {
		const info = req.sandbox && req.sandbox.tokenInfo ? req.sandbox.tokenInfo : resolveRequestToken(state, req, req.sandbox && req.sandbox.host);
		if (!info.raw) return graphError(res, (opts.missing || errors.missingToken)());
		if (info.error) return graphError(res, info.error);
		const record = info.record;
		const proof = proofProblem(state, req, record);
		if (proof) return graphError(res, proof);
		if (opts.types && !opts.types.includes(record.type)) {
			return graphError(res, opts.wrongType ? opts.wrongType(req, record) : errors.needsUserContext());
		}
		if (opts.scopes) {
			const missing = opts.scopes.find((s) => !scopeUsable(state, record, s));
			if (missing && record.type !== 'APP') return graphError(res, scopeError(state, record, missing));
		}
		if (opts.anyScopes && record.type !== 'APP' && !opts.anyScopes.some((s) => scopeUsable(state, record, s))) {
			const granted = opts.anyScopes.find((s) => record.scopes.includes(s));
			return graphError(res, scopeError(state, record, granted || opts.anyScopes[0]));
		}
		req.token = record;
		next();
	};
}

module.exports = {
	TYPES,
	appTokenFor,
	appsecretProof,
	createToken,
	normalizeScopes,
	extractToken,
	lookupToken,
	tokenProblem,
	resolveRequestToken,
	proofProblem,
	permissionError,
	requireToken,
	assetShared,
	dataAccessLapsed,
	scopeUsable,
	DATA_ACCESS_EXEMPT,
};
