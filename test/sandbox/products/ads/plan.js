'use strict';
// An insights request (reference §6.2) turned into a plan: which objects, periods and breakdown combinations the
// rows cover, which fields they carry, and the filters and sort to apply. Rows themselves are built lazily (rows.js).
const { adsStore, descendants, LEVELS } = require('./store');
const { fieldValue } = require('./objects');
const { parseFiltering, listParam, matches } = require('./filtering');
const { todayOf, resolveRange, periodsOf, isoOf } = require('./calendar');
const { hashString, BREAKDOWNS, COMBINABLE, ACTION_BREAKDOWNS, ATTRIBUTION_SHARES } = require('./generator');
const { METRIC_FIELDS, IDENTITY_FIELDS, SORTABLE } = require('./row-fields');

const ALL_FIELDS = [...IDENTITY_FIELDS, ...METRIC_FIELDS];
/** Fields returned when none are asked for ([UNCONFIRMED]: the reference only says "a small default set"). */
const DEFAULT_FIELDS = ['account_id', 'impressions', 'spend'];

function fail(code, message, subcode) {
	return { ok: false, error: { code, message, subcode } };
}

function parseFieldList(raw) {
	const fields = listParam(raw) || DEFAULT_FIELDS;
	for (const f of fields) {
		if (!ALL_FIELDS.includes(f)) {
			return fail(100, `${f} is not valid for fields param. please check https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values`);
		}
	}
	return { ok: true, fields: [...new Set(fields)] };
}

function parseBreakdowns(raw) {
	const list = listParam(raw) || [];
	if (list === null) return fail(100, 'param breakdowns must be an array.');
	for (const [i, b] of list.entries()) {
		if (!BREAKDOWNS[b]) return fail(100, `param breakdowns[${i}] must be one of {${Object.keys(BREAKDOWNS).join(', ')}}`);
	}
	const invalid = () => fail(100, `Current combination of data breakdown columns (${['action_type', ...list].join(', ')}) is invalid `);
	if (list.length === 1 && list[0] === 'impression_device') return invalid();
	if (list.includes('platform_position') && !list.includes('publisher_platform')) return invalid();
	if (list.length > 1 && !COMBINABLE.some((set) => list.every((b) => set.includes(b)))) return invalid();
	return { ok: true, breakdowns: list };
}

function parseActionOptions(query) {
	const actionBreakdowns = listParam(query.action_breakdowns) || ['action_type'];
	for (const [i, b] of actionBreakdowns.entries()) {
		if (!(b in ACTION_BREAKDOWNS)) return fail(100, `param action_breakdowns[${i}] must be one of {${Object.keys(ACTION_BREAKDOWNS).join(', ')}}`);
	}
	const windows = listParam(query.action_attribution_windows) || [];
	for (const [i, w] of windows.entries()) {
		if (!(w in ATTRIBUTION_SHARES)) return fail(100, `param action_attribution_windows[${i}] must be one of {${Object.keys(ATTRIBUTION_SHARES).join(', ')}}`);
	}
	return { ok: true, actionBreakdowns, windows };
}

function parseSort(raw) {
	const list = listParam(raw) || [];
	if (list.length === 0) return { ok: true, sort: null };
	const m = /^(.+)_(ascending|descending)$/.exec(list[0]);
	if (!m || !(SORTABLE.includes(m[1]) || m[1].startsWith('actions:'))) {
		return fail(100, `param sort must be a field followed by _ascending or _descending, for example reach_descending.`);
	}
	return { ok: true, sort: { field: m[1], descending: m[2] === 'descending' } };
}

/** A filter on delivery (impressions, spend…) rather than on the objects: applied row by row. */
function isMetricFilter(field) {
	const tail = field.includes('.') ? field.split('.').pop() : field;
	return METRIC_FIELDS.includes(tail);
}

/** Level objects with the ads under them, after object filters (evaluated on each ad, so `ad.*` works at any level). */
function levelGroups(state, node, level, objectFilters) {
	const ads = node.kind === 'ad' ? [node.object] : descendants(state, node, 'ad');
	const groups = new Map();
	for (const ad of ads) {
		if (!objectFilters.every((f) => matches(f, fieldValue(state, ad, f.field)))) continue;
		const key = level === 'account' ? node.account.id : level === 'ad' ? ad.id : level === 'adset' ? ad.adsetId : ad.campaignId;
		if (!groups.has(key)) groups.set(key, { id: key, ads: [] });
		if (ad.hash === undefined) ad.hash = hashString(ad.id);
		groups.get(key).ads.push(ad);
	}
	const objects = adsStore(state).objects;
	return [...groups.values()].map((g) => ({ ...g, object: level === 'account' ? null : objects.get(g.id) }));
}

/**
 * @param {any} state
 * @param {{kind:string, account:any, object:any}} node  the object the insights edge is read on
 * @param {Record<string, any>} query
 * @returns {{ok:true, plan:any}|{ok:false, error:any}}
 */
function buildPlan(state, node, query) {
	const level = String(query.level || node.kind);
	if (!LEVELS.includes(level)) return fail(100, `param level must be one of {${LEVELS.join(', ')}}`);
	if (LEVELS.indexOf(level) < LEVELS.indexOf(node.kind)) return fail(100, `Cannot request ${level} level insights on a ${node.kind}.`);
	const steps = [
		parseFieldList(query.fields),
		parseBreakdowns(query.breakdowns),
		parseActionOptions(query),
		parseSort(query.sort),
		parseFiltering(query.filtering),
	];
	const bad = steps.find((s) => !s.ok);
	if (bad) return bad;
	const [{ fields }, { breakdowns }, { actionBreakdowns, windows }, { sort }, { filters }] = steps;
	const account = node.account;
	const today = todayOf(state, account);
	const firstDataDay = today - account.dataDays + 1;
	const range = resolveRange(query, today, firstDataDay);
	if (!range.ok) return range;
	const cut = periodsOf(range.since, range.until, query.time_increment);
	if (!cut.ok) return cut;
	// Rows exist only for periods with delivery: between the first day of data and today.
	const periods = cut.periods.filter(([from, to]) => to >= firstDataDay && from <= today);
	const groups = levelGroups(state, node, level, filters.filter((f) => !isMetricFilter(f.field)));
	const combos = breakdowns.reduce((n, b) => n * BREAKDOWNS[b].length, 1);
	return {
		ok: true,
		plan: {
			accountId: account.id,
			nodeId: node.kind === 'account' ? `act_${account.id}` : node.object.id,
			level,
			fields,
			breakdowns,
			actionBreakdowns,
			windows,
			sort,
			metricFilters: filters.filter((f) => isMetricFilter(f.field)),
			groups,
			periods,
			firstDataDay,
			lastDataDay: today,
			combos,
			rawCount: groups.length * periods.length * combos,
			dateStart: isoOf(range.since),
			dateStop: isoOf(range.until),
			signature: JSON.stringify([query.fields, query.level, query.breakdowns, query.action_breakdowns, query.action_attribution_windows, query.sort, query.filtering, range.since, range.until, query.time_increment, node.kind === 'account' ? account.id : node.object.id]),
		},
	};
}

module.exports = { buildPlan, ALL_FIELDS, DEFAULT_FIELDS };
