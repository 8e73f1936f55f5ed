'use strict';
// Insights rows built on demand from a plan: row i is (level object, period, breakdown combination) in that order,
// so a page costs only its own rows. Metric filters and sort need every row's number once; their order is kept
// as an index array (4 bytes per row), never the rows.
const { adsStore } = require('./store');
const { pageWindow, limitOf } = require('../../core/paging');
const { totalsFor, weighted, BREAKDOWNS } = require('./generator');
const { metricField, metricNumber } = require('./row-fields');
const { matches } = require('./filtering');
const { isoOf } = require('./calendar');

/** Identity of row i: which group, which period, which breakdown values. */
function locate(plan, index) {
	const perGroup = plan.periods.length * plan.combos;
	const group = plan.groups[Math.floor(index / perGroup)];
	const period = plan.periods[Math.floor(index / plan.combos) % plan.periods.length];
	let combo = index % plan.combos;
	const values = [];
	let weight = 1;
	for (let b = plan.breakdowns.length - 1; b >= 0; b--) {
		const dim = BREAKDOWNS[plan.breakdowns[b]];
		const v = dim[combo % dim.length];
		combo = Math.floor(combo / dim.length);
		values[b] = v.value;
		weight *= v.weight;
	}
	return { group, period, values, weight };
}

/** Summed counts of a row (memoised per group and period, since breakdown rows of one period share them). */
function totalsOf(state, plan, where, memo) {
	const key = `${where.group.id}:${where.period[0]}`;
	if (!memo || memo.key !== key) {
		const account = adsStore(state).accounts.get(plan.accountId);
		const from = Math.max(where.period[0], plan.firstDataDay);
		const to = Math.min(where.period[1], plan.lastDataDay);
		const totals = totalsFor(where.group.ads, from, to, account ? account.metricsScale : 1);
		if (!memo) return weighted(totals, where.weight);
		memo.key = key;
		memo.totals = totals;
	}
	return weighted(memo.totals, where.weight);
}

function identity(state, plan, group) {
	const store = adsStore(state);
	const account = store.accounts.get(plan.accountId);
	const o = group.object;
	const campaign = o && (o.kind === 'campaign' ? o : store.objects.get(o.campaignId));
	const adset = o && (o.kind === 'adset' ? o : o.kind === 'ad' ? store.objects.get(o.adsetId) : null);
	const ad = o && o.kind === 'ad' ? o : null;
	return {
		account_id: account.id,
		account_name: account.name,
		account_currency: account.currency,
		campaign_id: campaign?.id,
		campaign_name: campaign?.name,
		adset_id: adset?.id,
		adset_name: adset?.name,
		ad_id: ad?.id,
		ad_name: ad?.name,
		objective: campaign?.objective,
		buying_type: campaign ? 'AUCTION' : undefined,
	};
}

function rowAt(state, plan, index, memo) {
	const where = locate(plan, index);
	const totals = totalsOf(state, plan, where, memo);
	const ids = identity(state, plan, where.group);
	const row = {};
	for (const field of plan.fields) {
		if (field === 'date_start' || field === 'date_stop') continue;
		const value = field in ids ? ids[field] : metricField(plan, totals, field);
		if (value !== undefined) row[field] = value;
	}
	row.date_start = isoOf(where.period[0]);
	row.date_stop = isoOf(where.period[1]);
	plan.breakdowns.forEach((b, i) => {
		row[b] = where.values[i];
	});
	return row;
}

function metricOf(totals, field) {
	return metricNumber(totals, field.includes('.') ? field.split('.').pop() : field);
}

/** Row order after metric filters and sort, or null when it is simply 0..rawCount-1. Cached per request shape. */
function orderOf(state, plan) {
	if (!plan.sort && plan.metricFilters.length === 0) return null;
	const store = adsStore(state);
	store.orderCache = store.orderCache || new Map();
	const key = `${plan.signature}:${plan.lastDataDay}`;
	if (store.orderCache.has(key)) return store.orderCache.get(key);
	const kept = [];
	const keys = [];
	const memo = {};
	for (let i = 0; i < plan.rawCount; i++) {
		const totals = totalsOf(state, plan, locate(plan, i), memo);
		if (!plan.metricFilters.every((f) => matches(f, metricOf(totals, f.field)))) continue;
		kept.push(i);
		if (plan.sort) keys.push(metricOf(totals, plan.sort.field) ?? 0);
	}
	let order = Int32Array.from(kept);
	if (plan.sort) {
		const positions = Array.from(kept.keys());
		const dir = plan.sort.descending ? -1 : 1;
		positions.sort((a, b) => dir * (keys[a] - keys[b]) || a - b);
		order = Int32Array.from(positions, (p) => kept[p]);
	}
	if (store.orderCache.size >= 8) store.orderCache.delete(store.orderCache.keys().next().value);
	store.orderCache.set(key, order);
	return order;
}

/**
 * One page of rows for this request (limit, after/before cursors scoped by `cursorKey`; short and empty pages with
 * `next` as core/paging.js draws them).
 * @returns {{ok:true, body:any}|{ok:false, error:any}}
 */
function pageOfRows(state, req, plan, cursorKey) {
	const settings = state.settings;
	const limit = limitOf(req, settings.adsInsightsDefaultLimit, settings.adsInsightsMaxLimit);
	const order = orderOf(state, plan);
	const total = order ? order.length : plan.rawCount;
	const window = pageWindow(req, total, { key: cursorKey, limit });
	if (!window.ok) return window;
	const memo = {};
	const data = [];
	for (let p = window.start; p < window.end; p++) data.push(rowAt(state, plan, order ? order[p] : p, memo));
	return { ok: true, body: window.paging ? { data, paging: window.paging } : { data } };
}

module.exports = { rowAt, pageOfRows, orderOf };
