'use strict';
// Ads usage headers (reference §7.4): X-Ad-Account-Usage on every call about an ad account and
// x-fb-ads-insights-throttle on insights calls. Values come from admin.setUsage({scope:'act_<id>', ...}):
//   acc_id_util_pct, reset_time_duration (seconds), app_id_util_pct, insights_acc_id_util_pct, ads_api_access_tier.
// A throttle fault on the account reports it as full (100%) with reset_time_duration = the advised wait.
const { adsStore, findNode, effectiveStatus } = require('./store');
const load = require('../../core/load');

/** The ad account a path is about: act_<id>, an ad object, or a report run. */
function accountOfPathId(state, id) {
	const node = findNode(state, id);
	if (node) return node.account;
	const run = adsStore(state).runs.get(id);
	return run ? adsStore(state).accounts.get(run.accountId) : null;
}

/** Business object resolver for core/usage.js: insights calls count as ads_insights, the rest as ads_management. */
function adsBusinessObject(state) {
	return (id, record, req) => {
		const account = accountOfPathId(state, id);
		if (!account) return null;
		const path = (req && req.sandbox && req.sandbox.path) || '';
		const insights = path.endsWith('/insights') || adsStore(state).runs.has(id);
		return { id: `act_${account.id}`, type: insights ? 'ads_insights' : 'ads_management' };
	};
}

/** Hourly BUC budgets of an ad account (reference §7.3, standard tier): 600 + 400 × active ads, 300 + 40 × active ads. */
function adsBudget(state) {
	return (type, objectId) => {
		if (type !== 'ads_insights' && type !== 'ads_management') return 0;
		const account = accountOfPathId(state, objectId);
		if (!account) return 0;
		let activeAds = 0;
		for (const o of adsStore(state).objects.values()) if (o.kind === 'ad' && o.accountId === account.id && effectiveStatus(state, o) === 'ACTIVE') activeAds += 1;
		const perHour = type === 'ads_insights' ? 600 + 400 * activeAds : 300 + 40 * activeAds;
		return Math.max(1, Math.round((perHour * state.settings.usageWindowSeconds) / 3600));
	};
}

function adsUsageHeaders(state) {
	return (req, res, record, obj) => {
		if (!obj || !String(obj.type).startsWith('ads_')) return {};
		const u = state.usage.objects[obj.id] || {};
		const tier = u.ads_api_access_tier || 'standard_access';
		const override = req.sandbox.usageOverride && req.sandbox.usageOverride.buc;
		const throttled = override && override.id === obj.id;
		// The account's share of its use case's budget moves with the calls made (core/load.js).
		const used = load.loadOf(state, load.objectKey(obj), obj.type, obj.id);
		const accPct = throttled ? 100 : Math.min(100, Math.round(((u.acc_id_util_pct ?? 0) + used.percent) * 100) / 100);
		const loadReset = Math.ceil(used.resetMs / 1000);
		const reset = throttled ? Math.ceil(override.entry.estimated_time_to_regain_access * 60) : u.reset_time_duration ?? loadReset;
		const headers = { 'X-Ad-Account-Usage': JSON.stringify({ acc_id_util_pct: accPct, reset_time_duration: reset, ads_api_access_tier: tier }) };
		if (obj.type === 'ads_insights') {
			headers['x-fb-ads-insights-throttle'] = JSON.stringify({
				app_id_util_pct: throttled ? 100 : u.app_id_util_pct ?? 0,
				acc_id_util_pct: throttled ? 100 : u.insights_acc_id_util_pct ?? accPct,
				ads_api_access_tier: tier,
			});
		}
		return headers;
	};
}

function register({ state }) {
	state.businessObjectResolvers.push(adsBusinessObject(state));
	if (!state.usageBudgetResolvers) state.usageBudgetResolvers = [];
	state.usageBudgetResolvers.push(adsBudget(state));
	state.usageHeaderProviders.push(adsUsageHeaders(state));
}

module.exports = { register };
