'use strict';
// Scripted failures (admin: POST /__admin/faults), applied to Meta-host requests before product
// routes and inside batch items. Kinds: error | http5xx | timeout | throttle | expire | lostResponse
// (the request is carried out, then the connection drops before the answer: the outcome is unknown to the client)
// | answer (a malformed answer, `status` and `body` as given, e.g. a 200 without the field a client relies on).
// `probability` (0–1) fires a fault on that share of matching requests, drawn from a PRNG seeded by `seed`.
// `match.text` (optional) narrows a fault to requests whose query string or body contains that text.
const { normalizePattern, globMatch } = require('./glob');
const { graphError, errors } = require('./errors');
const { BUC_TYPES, businessObjectFor, isAdsObject } = require('./usage');

const KINDS = ['error', 'http5xx', 'timeout', 'throttle', 'expire', 'lostResponse', 'answer'];

const RATE_LIMIT_DOC = 'For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.';
/** Throttle messages (reference §7.2/§7.3; BUC wording partly [community]). */
const THROTTLE_MESSAGES = {
	4: 'Application request limit reached',
	17: 'User request limit reached',
	32: 'Page request limit reached',
	613: 'Calls to this api have exceeded the rate limit.',
	80000: `There have been too many calls from this ad-account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80001: `There have been too many calls to this Page account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80002: `There have been too many calls to this Instagram account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80003: `There have been too many calls for this custom audience. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80004: `There have been too many calls to this ad-account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80005: `There have been too many leadgen api calls to this Page. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80006: `There have been too many messenger api calls to this Page account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80007: `There have been too many calls to this WhatsApp Business account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80008: `There have been too many calls to this WhatsApp Business account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80009: `There have been too many Catalog Management API calls to this catalog. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
	80014: `There have been too many calls for the batch uploads to this catalog account. Wait a bit and try again. ${RATE_LIMIT_DOC}`,
};
const BUC_SUBCODE_2446079 = [80000, 80003, 80004];
const TYPE_TO_BUC = Object.fromEntries(Object.entries(BUC_TYPES).map(([code, type]) => [type, Number(code)]));

/** Validate and store a fault spec; returns the stored fault. */
function addFault(state, spec, knownHosts) {
	if (!spec || !KINDS.includes(spec.kind)) throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
	const match = spec.match || {};
	const { host: patternHost, path } = normalizePattern(match.path || '/**', knownHosts);
	const times = spec.times === undefined ? 1 : Number(spec.times);
	const fault = {
		...spec,
		id: String((state.faultSeq = (state.faultSeq || 0) + 1)),
		name: spec.name || spec.kind,
		match: { method: match.method ? String(match.method).toUpperCase() : undefined, host: match.host || patternHost, path, text: match.text },
		times,
		remaining: times === 0 ? null : times,
		hits: 0,
		probability: spec.probability === undefined ? undefined : Number(spec.probability),
		random: spec.probability === undefined ? undefined : seededRandom(Number(spec.seed ?? 1)),
	};
	state.faults.push(fault);
	return fault;
}

/** mulberry32: a small deterministic PRNG so a probabilistic fault run can be repeated exactly. */
function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** What `match.text` is looked for in: the query string and the body of the request. */
function requestText(req) {
	if (!req) return '';
	const body = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
	return `${decodeURIComponent(String(req.url || '').split('?')[1] || '')} ${body}`;
}

function findFault(state, meta, method, req) {
	return state.faults.find(
		(f) =>
			(f.remaining === null || f.remaining > 0) &&
			(!f.match.method || f.match.method === method) &&
			(!f.match.host || f.match.host === meta.host) &&
			globMatch(f.match.path, meta.path) &&
			(!f.match.text || requestText(req).includes(f.match.text)) &&
			(f.probability === undefined || f.random() < f.probability),
	);
}

function defaultThrottleCode(state, req, res, record) {
	const obj = businessObjectFor(state, req, res, record);
	if (isAdsObject(obj)) return TYPE_TO_BUC[obj.type];
	if (!record || record.type === 'USER' || record.type === 'APP') return 4;
	return (obj && TYPE_TO_BUC[obj.type]) || (record.type === 'IG_USER' ? 80002 : 80001);
}

function sendThrottle(state, req, res, fault, record) {
	const code = Number(fault.code || defaultThrottleCode(state, req, res, record));
	const minutes = fault.regainAfterMinutes !== undefined ? Number(fault.regainAfterMinutes) : 5;
	const full = { call_count: 100, total_cputime: 100, total_time: 100 };
	const obj = businessObjectFor(state, req, res, record) || {};
	// Ads throttles (17, 613, 4 too) are accounted per ad account and carry estimated_time_to_regain_access.
	if (code >= 80000 || isAdsObject(obj)) {
		const id = fault.businessId || obj.id || 'unknown';
		req.sandbox.usageOverride = {
			buc: { id, entry: { type: BUC_TYPES[code] || obj.type || 'unknown', ...full, estimated_time_to_regain_access: minutes } },
		};
		if (code === 4) req.sandbox.usageOverride.app = { ...full };
	} else {
		req.sandbox.usageOverride = { app: { call_count: 100, total_time: 100, total_cputime: 100 } };
		if (code === 32) req.sandbox.usageOverride.page = { ...full, estimated_time_to_regain_access: minutes };
	}
	graphError(res, {
		code,
		subcode: fault.subcode ?? (BUC_SUBCODE_2446079.includes(code) || (code === 17 && isAdsObject(obj)) ? 2446079 : undefined),
		message: fault.message || THROTTLE_MESSAGES[code] || 'Calls to this api have exceeded the rate limit.',
		isTransient: fault.isTransient ?? true,
		status: fault.status || state.settings.throttleStatus,
		headers: fault.headers,
	});
}

/**
 * Middleware applying the first matching fault. Needs req.sandbox (host, path, tokenInfo).
 * @param {any} state
 * @param {ReturnType<import('./timers').createTimers>} timers
 */
function faultMiddleware(state, timers) {
	return function applyFaults(req, res, next) {
		const fault = findFault(state, req.sandbox, req.method, req);
		if (!fault) return next();
		if (fault.remaining !== null) fault.remaining -= 1;
		fault.hits += 1;
		req.sandbox.fault = fault.name;
		const info = req.sandbox.tokenInfo || {};
		const record = info.record && !info.error ? info.record : null;
		switch (fault.kind) {
			case 'timeout': {
				const ms = fault.ms ?? fault.delayMs ?? state.settings.timeoutFaultMs;
				timers.after(() => {
					if (req.sandbox.finishCall) req.sandbox.finishCall();
					req.socket.destroy();
				}, Number(ms));
				return undefined;
			}
			case 'throttle':
				return sendThrottle(state, req, res, fault, record);
			case 'answer':
				return res.status(Number(fault.status ?? 200)).json(fault.body ?? {});
			case 'lostResponse': {
				// Let the product carry the request out, then drop the connection instead of answering.
				res.writeHead = () => res;
				res.end = () => {
					if (req.sandbox.finishCall) req.sandbox.finishCall();
					req.socket.destroy();
					return res;
				};
				return next();
			}
			case 'expire': {
				const expiredAt = record && record.expiresAt ? Math.min(record.expiresAt, state.nowSec() - 1) : state.nowSec() - 1;
				const spec = errors.expiredToken(expiredAt, state.nowMs());
				return graphError(res, { ...spec, headers: { ...spec.headers, ...(fault.headers || {}) } });
			}
			case 'http5xx': {
				const code = Number(fault.code || 1);
				const base = code === 2 ? errors.serviceError() : errors.unknownError();
				return graphError(res, {
					...base,
					code,
					subcode: fault.subcode,
					message: fault.message || base.message,
					isTransient: fault.isTransient ?? true,
					status: fault.status || 500,
					headers: fault.headers,
				});
			}
			default:
				return graphError(res, {
					code: Number(fault.code ?? 100),
					subcode: fault.subcode,
					message: fault.message || 'Invalid parameter',
					type: fault.type,
					isTransient: fault.isTransient,
					userTitle: fault.userTitle,
					userMsg: fault.userMsg,
					errorData: fault.errorData,
					status: fault.status,
					prefix: fault.prefix,
					headers: fault.headers,
				});
		}
	};
}

module.exports = { KINDS, THROTTLE_MESSAGES, addFault, findFault, faultMiddleware, seededRandom };
