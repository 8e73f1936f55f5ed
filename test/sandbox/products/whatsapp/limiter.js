'use strict';
// Sending limits of a phone number (reference §5.5): throughput (messages per second, 130429) and the pair rate
// to one recipient (131056). A refused send is not counted: Meta refused it before doing anything.
const { waStore } = require('./store');

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

module.exports = { throughputProblem, pairProblem, consume };
