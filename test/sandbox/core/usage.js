'use strict';
// Rate-limit usage headers (reference §7): X-App-Usage for USER/APP tokens, X-Business-Use-Case-Usage
// (keyed by business object id) for PAGE/SYSTEM_USER/IG tokens. Percentages are what the admin API set plus the
// calls made in the rolling window (core/load.js); a full budget refuses the next call by itself.
const load = require('./load');

const ZERO = { call_count: 0, total_time: 0, total_cputime: 0 };

/** BUC throttle code -> use-case type shown in the header ([UNCONFIRMED] for 80007, 80010-80013). */
const BUC_TYPES = {
	80000: 'ads_insights',
	80001: 'pages',
	80002: 'instagram',
	80003: 'custom_audience',
	80004: 'ads_management',
	80005: 'leadgen',
	80006: 'messenger',
	80007: 'whatsapp_business_messaging',
	80008: 'whatsapp_business_management',
	80009: 'catalog_management',
	80014: 'catalog_batch',
};

const BUC_TOKEN_TYPES = ['PAGE', 'SYSTEM_USER', 'IG_USER'];

/**
 * The business object a request is accounted to: set by a route (res.locals.businessObject),
 * found by a product resolver from the path, or implied by the token.
 * @returns {{id:string, type:string}|null}
 */
function businessObjectFor(state, req, res, record) {
	if (res.locals && res.locals.businessObject) return res.locals.businessObject;
	const first = (req.sandbox && req.sandbox.path ? req.sandbox.path : '').split('/')[1];
	if (first && first !== 'me') {
		for (const resolve of state.businessObjectResolvers) {
			const found = resolve(first, record, req);
			if (found) return found;
		}
	}
	if (!record) return null;
	if (record.type === 'PAGE') return { id: record.pageId, type: 'pages' };
	if (record.type === 'IG_USER') return { id: record.igUserId, type: 'instagram' };
	if (record.type === 'SYSTEM_USER') {
		const su = state.systemUsers.get(record.userId);
		return { id: (su && su.businessId) || record.userId, type: 'pages' };
	}
	return null;
}

/** Whole percentages as Meta sends them; the load share is added to each configured figure. */
const withLoad = (base, loadPercent) => Math.min(100, Math.floor((base ?? 0) + loadPercent));

function appUsageValue(state, record) {
	const u = state.usage.app || ZERO;
	const used = record ? load.loadOf(state, load.appKey(record), 'app').percent : 0;
	return { call_count: withLoad(u.call_count, used), total_time: withLoad(u.total_time, used), total_cputime: withLoad(u.total_cputime, used) };
}

function bucEntry(state, obj) {
	const u = state.usage.objects[obj.id] || {};
	const used = load.loadOf(state, load.objectKey(obj), obj.type, obj.id, u.call_count);
	return {
		type: u.type || obj.type,
		call_count: withLoad(u.call_count, used.percent),
		total_cputime: withLoad(u.total_cputime, used.percent),
		total_time: withLoad(u.total_time, used.percent),
		estimated_time_to_regain_access: u.estimated_time_to_regain_access ?? 0,
		...(u.ads_api_access_tier ? { ads_api_access_tier: u.ads_api_access_tier } : {}),
	};
}

/** Marketing API calls are counted per ad account (BUC) whatever the token type (reference §7.1: BUC wins). */
const isAdsObject = (obj) => Boolean(obj && String(obj.type).startsWith('ads_'));

/** Headers for this response; `override` (throttle faults) wins over the configured values. */
function usageHeaders(state, req, res, record, override) {
	return { ...productHeaders(state, req, res, record), ...baseUsageHeaders(state, req, res, record, override) };
}

/** Extra usage headers products add (e.g. X-Ad-Account-Usage): `state.usageHeaderProviders`. */
function productHeaders(state, req, res, record) {
	const headers = {};
	const obj = businessObjectFor(state, req, res, record);
	for (const provide of state.usageHeaderProviders || []) Object.assign(headers, provide(req, res, record, obj));
	return headers;
}

function baseUsageHeaders(state, req, res, record, override) {
	/** @type {Record<string,string>} */
	const headers = {};
	if (override && override.app) headers['X-App-Usage'] = JSON.stringify(override.app);
	if (override && override.page) headers['X-Page-Usage'] = JSON.stringify(override.page);
	if (override && override.buc) {
		headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [override.buc.id]: [override.buc.entry] });
	}
	if (Object.keys(headers).length) return headers;
	if (!record) return headers;
	const obj = businessObjectFor(state, req, res, record);
	if (record.type === 'USER' || record.type === 'APP') {
		headers['X-App-Usage'] = JSON.stringify(appUsageValue(state, record));
		if (isAdsObject(obj)) headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [obj.id]: [bucEntry(state, obj)] });
	} else if (BUC_TOKEN_TYPES.includes(record.type)) {
		if (obj && obj.id) headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [obj.id]: [bucEntry(state, obj)] });
	}
	return headers;
}

/**
 * Counts this call against its app and business object, or refuses it when one of those budgets is already full
 * (code 4 for the app, the use case's BUC code otherwise), with the wait until enough calls leave the window.
 * @returns {boolean} true when the call was refused
 */
function refuseOrCount(state, req, res, record) {
	if (!record) return false;
	const obj = businessObjectFor(state, req, res, record);
	const bucCounted = obj && obj.id && load.budgetOf(state, obj.type, obj.id) > 0;
	const bucBase = bucCounted ? (state.usage.objects[obj.id] || {}).call_count ?? 0 : 0;
	const buc = bucCounted ? load.loadOf(state, load.objectKey(obj), obj.type, obj.id, bucBase) : null;
	const appCounted = (record.type === 'USER' || record.type === 'APP') && load.budgetOf(state, 'app') > 0;
	const appBase = (state.usage.app || ZERO).call_count ?? 0;
	const app = appCounted ? load.loadOf(state, load.appKey(record), 'app', undefined, appBase) : null;
	const full = { call_count: 100, total_cputime: 100, total_time: 100 };
	const { THROTTLE_MESSAGES } = require('./faults');
	if (buc && buc.percent + bucBase >= 100) {
		const code = Number(Object.keys(BUC_TYPES).find((c) => BUC_TYPES[c] === obj.type) || 80001);
		const minutes = load.regainMinutes(buc.regainMs);
		req.sandbox.usageOverride = { buc: { id: obj.id, entry: { type: obj.type, ...full, estimated_time_to_regain_access: minutes } } };
		const { graphError } = require('./errors');
		graphError(res, { code, subcode: [80000, 80003, 80004].includes(code) ? 2446079 : undefined, message: THROTTLE_MESSAGES[code] || THROTTLE_MESSAGES[613], isTransient: true, status: state.settings.throttleStatus });
		return true;
	}
	if (app && app.percent + appBase >= 100) {
		req.sandbox.usageOverride = { app: { ...full } };
		const { graphError } = require('./errors');
		graphError(res, { code: 4, message: THROTTLE_MESSAGES[4], isTransient: true, status: state.settings.throttleStatus });
		return true;
	}
	if (bucCounted) load.count(state, load.objectKey(obj));
	if (appCounted) load.count(state, load.appKey(record));
	return false;
}

/** Middleware: count the call (or refuse it over budget), then compute the headers right before the head is written. */
function usageMiddleware(state) {
	return function usageHeadersHook(req, res, next) {
		const originalWriteHead = res.writeHead;
		res.writeHead = function writeHeadWithUsage(...args) {
			if (!res.headersSent) {
				const info = req.sandbox.tokenInfo;
				const record = info && !info.error ? info.record : null;
				const headers = usageHeaders(state, req, res, record, req.sandbox.usageOverride);
				for (const [k, v] of Object.entries(headers)) if (!res.getHeader(k)) res.setHeader(k, v);
			}
			return originalWriteHead.apply(this, args);
		};
		const info = req.sandbox.tokenInfo;
		if (refuseOrCount(state, req, res, info && !info.error ? info.record : null)) return;
		next();
	};
}

module.exports = { usageMiddleware, usageHeaders, businessObjectFor, isAdsObject, BUC_TYPES, BUC_TOKEN_TYPES };
