'use strict';
// Usage that moves with the calls made (issue 13; reference §7): rolling call counters per app (X-App-Usage) and
// per business object and use case (X-Business-Use-Case-Usage, X-Ad-Account-Usage). A counter's percentage is its
// calls in the window (settings.usageWindowSeconds, sandbox clock) over its budget, added to any figure set with
// admin.setUsage. Once a counter is full the next call is refused with the limiter's code (4, or the BUC code of
// the use case) and the wait until enough calls leave the window. Refused calls are not counted (simplification).
// Budgets: settings.usageAppCallsPerWindow, settings.usageBudgets[type], else a product's resolver
// (state.usageBudgetResolvers, e.g. the ads formulas of §7.3). Use cases without a budget are not counted.

/** Counters live under state.usage so admin.reset/clearUsage clear them. */
function countersOf(state) {
	if (!state.usage.load) state.usage.load = new Map();
	return state.usage.load;
}

function budgetOf(state, type, objectId) {
	if (type === 'app') return state.settings.usageAppCallsPerWindow || 0;
	const configured = (state.settings.usageBudgets || {})[type];
	if (configured) return configured;
	for (const resolve of state.usageBudgetResolvers || []) {
		const found = resolve(type, objectId);
		if (found) return found;
	}
	return 0;
}

/** Calls still inside the window, oldest first. */
function liveCalls(state, key) {
	const calls = countersOf(state).get(key) || [];
	const since = state.nowMs() - state.settings.usageWindowSeconds * 1000;
	while (calls.length && calls[0] <= since) calls.shift();
	return calls;
}

/**
 * One counter's figures.
 * @returns {{percent:number, budget:number, regainMs:number, resetMs:number}}
 */
function loadOf(state, key, type, objectId, basePercent = 0) {
	const budget = budgetOf(state, type, objectId);
	if (!budget) return { percent: 0, budget: 0, regainMs: 0, resetMs: 0 };
	const calls = liveCalls(state, key);
	const windowMs = state.settings.usageWindowSeconds * 1000;
	const percent = (calls.length / budget) * 100;
	// Calls that must leave the window before one more fits under 100% (with the configured base share).
	const allowed = Math.floor((budget * Math.max(0, 100 - basePercent)) / 100);
	const mustLeave = calls.length - allowed + 1;
	const regainMs = mustLeave > 0 ? Math.max(1, (calls[Math.min(calls.length, mustLeave) - 1] ?? state.nowMs()) + windowMs - state.nowMs()) : 0;
	const resetMs = calls.length ? Math.max(0, calls[0] + windowMs - state.nowMs()) : 0;
	return { percent, budget, regainMs, resetMs };
}

function count(state, key) {
	const counters = countersOf(state);
	if (!counters.has(key)) counters.set(key, []);
	counters.get(key).push(state.nowMs());
}

/** Minutes as Meta gives them (whole minutes); below a minute, hundredths so short test windows stay short. */
function regainMinutes(ms) {
	const minutes = ms / 60_000;
	return minutes >= 1 ? Math.ceil(minutes) : Math.ceil(minutes * 100) / 100;
}

const appKey = (record) => `app:${record.appId}`;
const objectKey = (obj) => `buc:${obj.id}:${obj.type}`;

module.exports = { loadOf, count, regainMinutes, appKey, objectKey, budgetOf };
