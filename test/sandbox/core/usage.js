'use strict';
// Rate-limit usage headers (reference §7): X-App-Usage for USER/APP tokens, X-Business-Use-Case-Usage
// (keyed by business object id) for PAGE/SYSTEM_USER/IG tokens. Percentages come from the admin API.

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

function appUsageValue(state) {
	const u = state.usage.app || ZERO;
	return { call_count: u.call_count ?? 0, total_time: u.total_time ?? 0, total_cputime: u.total_cputime ?? 0 };
}

function bucEntry(state, obj) {
	const u = state.usage.objects[obj.id] || {};
	return {
		type: u.type || obj.type,
		call_count: u.call_count ?? 0,
		total_cputime: u.total_cputime ?? 0,
		total_time: u.total_time ?? 0,
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
		headers['X-App-Usage'] = JSON.stringify(appUsageValue(state));
		if (isAdsObject(obj)) headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [obj.id]: [bucEntry(state, obj)] });
	} else if (BUC_TOKEN_TYPES.includes(record.type)) {
		if (obj && obj.id) headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [obj.id]: [bucEntry(state, obj)] });
	}
	return headers;
}

/** Middleware: compute the headers lazily, right before the response head is written. */
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
		next();
	};
}

module.exports = { usageMiddleware, usageHeaders, businessObjectFor, isAdsObject, BUC_TYPES, BUC_TOKEN_TYPES };
