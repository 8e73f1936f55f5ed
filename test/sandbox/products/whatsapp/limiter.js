'use strict';
// Sending limits of a phone number (reference §5.5): throughput (messages per second, 130429) and the pair rate
// to one recipient (131056). A refused send is not counted: Meta refused it before doing anything.
const { waStore } = require('./store');

/** Throughput: at most `mps` accepted messages in any rolling second. */
function throughputProblem(state, number) {
	const store = waStore(state);
	const now = state.nowMs();
	const recent = (store.recent.get(number.id) || []).filter((t) => now - t < 1000);
	store.recent.set(number.id, recent);
	if (recent.length >= number.mps) {
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
function consume(state, number, waId) {
	const store = waStore(state);
	store.recent.get(number.id).push(state.nowMs());
	store.pairs.get(`${number.id}|${waId}`).tokens -= 1;
}

module.exports = { throughputProblem, pairProblem, consume };
