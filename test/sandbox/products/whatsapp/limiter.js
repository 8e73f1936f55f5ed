'use strict';
// Sending limits (reference §5.5): throughput of a phone number (messages per second, 130429), the pair rate to one
// recipient (131056), both refusals that count nothing; and the business portfolio's messaging limit (unique customers
// reached outside a service window in a rolling 24 hours), for which Meta documents no error code.
const { waStore, wabaRecord } = require('./store');
const { ownerOf } = require('./access');

/**
 * When a request reached Meta: its arrival (call log), before the sandbox's artificial latency, which stands for the
 * round trip and must not bunch requests together by timer jitter.
 */
function arrivalMs(state, req) {
	return req && req.sandbox && req.sandbox.call ? req.sandbox.call.at : state.nowMs();
}

/** Throughput: at most `mps` accepted messages arriving in any rolling second. */
function throughputProblem(state, number, req) {
	const store = waStore(state);
	const now = arrivalMs(state, req);
	const recent = (store.recent.get(number.id) || []).filter((t) => t > now - 2000);
	store.recent.set(number.id, recent);
	if (recent.filter((t) => t > now - 1000 && t <= now).length >= number.mps) {
		return {
			code: 130429,
			message: 'Rate limit hit',
			errorData: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
		};
	}
	return null;
}

/** Pair rate: a token bucket per (number, recipient): `pairBurst` messages at once, one more every `pairRefillSeconds` ([community]). */
function pairProblem(state, number, waId) {
	const store = waStore(state);
	const key = `${number.id}|${waId}`;
	const now = state.nowMs();
	const { pairBurst, pairRefillSeconds } = store.settings;
	const bucket = store.pairs.get(key) || { tokens: pairBurst, at: now };
	bucket.tokens = Math.min(pairBurst, bucket.tokens + (now - bucket.at) / (pairRefillSeconds * 1000));
	bucket.at = now;
	store.pairs.set(key, bucket);
	if (bucket.tokens < 1) {
		return {
			code: 131056,
			message: '(Business Account, Consumer Account) pair rate limit hit',
			errorData: { messaging_product: 'whatsapp', details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' },
		};
	}
	return null;
}

/** Count an accepted message against both limits. */
function consume(state, number, waId, req) {
	const store = waStore(state);
	store.recent.get(number.id).push(arrivalMs(state, req));
	store.pairs.get(`${number.id}|${waId}`).tokens -= 1;
}

const DAY_SECONDS = 24 * 3600;

/** Unique customers a tier allows: TIER_250 → 250, TIER_2K → 2,000, TIER_UNLIMITED (or unknown) → Infinity. */
function tierLimit(tier) {
	const match = /^TIER_(\d+)(K?)$/.exec(String(tier || ''));
	return match ? Number(match[1]) * (match[2] ? 1000 : 1) : Infinity;
}

/** Limits are the business portfolio's, shared by all its numbers (reference §5.5). */
function portfolioOf(state, number) {
	const waba = wabaRecord(state, number.wabaId);
	const owner = waba && ownerOf(state, waba);
	return owner ? owner.id : number.wabaId;
}

/** Customers reached outside a window in the last 24 hours: Map(waId -> unix seconds), pruned. */
function reachedBy(state, portfolioId) {
	const store = waStore(state);
	const reached = store.businessInitiated.get(portfolioId) || new Map();
	store.businessInitiated.set(portfolioId, reached);
	for (const [waId, at] of reached) if (state.nowSec() - at >= DAY_SECONDS) reached.delete(waId);
	return reached;
}

/**
 * A business-initiated message (no open window) to `waId`: counted, or, past the portfolio's limit for a new customer,
 * the failure its status will carry. Meta accepts such a send and does not deliver it; it documents no error code, so
 * the failed status has none unless `messagingLimitErrorCode` is set.
 */
function messagingLimitFailure(state, number, waId) {
	const { settings } = waStore(state);
	if (!settings.enforceMessagingLimit) return null;
	const reached = reachedBy(state, portfolioOf(state, number));
	if (!reached.has(waId) && reached.size >= tierLimit(number.whatsapp_business_manager_messaging_limit)) {
		return { code: settings.messagingLimitErrorCode, details: `Messaging limit ${number.whatsapp_business_manager_messaging_limit} reached: no new customers outside a service window for now.` };
	}
	reached.set(waId, state.nowSec());
	return null;
}

module.exports = { throughputProblem, pairProblem, consume, messagingLimitFailure, reachedBy, tierLimit };
