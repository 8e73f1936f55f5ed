'use strict';
// Insights row fields (reference §6.2): every number is a string; `actions`-type fields are lists of
// {action_type, value} split by action breakdowns and carrying one key per requested attribution window.
const { ACTION_BREAKDOWNS, ATTRIBUTION_SHARES } = require('./generator');

const IDENTITY_FIELDS = ['account_id', 'account_name', 'account_currency', 'campaign_id', 'campaign_name', 'adset_id', 'adset_name', 'ad_id', 'ad_name', 'objective', 'buying_type', 'date_start', 'date_stop'];

const COUNT_FIELDS = { impressions: 'impressions', reach: 'reach', clicks: 'clicks', unique_clicks: 'uniqueClicks', inline_link_clicks: 'linkClicks' };
const RATIO_FIELDS = ['frequency', 'ctr', 'unique_ctr', 'cpc', 'cpm', 'cpp', 'inline_link_click_ctr', 'cost_per_inline_link_click'];
const ACTION_FIELDS = ['actions', 'action_values', 'cost_per_action_type', 'conversions', 'conversion_values', 'purchase_roas', 'video_p25_watched_actions', 'video_p50_watched_actions', 'video_play_actions', 'outbound_clicks'];
const METRIC_FIELDS = [...Object.keys(COUNT_FIELDS), 'spend', ...RATIO_FIELDS, ...ACTION_FIELDS];
const SORTABLE = [...Object.keys(COUNT_FIELDS), 'spend', ...RATIO_FIELDS];

const money = (cents) => String(Math.round(cents) / 100);
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(6) : undefined);

function actionCounts(t) {
	return {
		link_click: t.linkClicks,
		landing_page_view: t.landingPageViews,
		post_engagement: t.postEngagement,
		video_view: t.videoViews,
		add_to_cart: t.addToCart,
		lead: t.leads,
		purchase: t.purchases,
		omni_purchase: t.purchases,
	};
}

/** Numeric value of a sortable / filterable metric (also `actions:<type>`). */
function metricNumber(t, field) {
	if (COUNT_FIELDS[field]) return t[COUNT_FIELDS[field]];
	if (field.startsWith('actions:')) return actionCounts(t)[field.slice(8)] ?? 0;
	const spend = t.spendCents / 100;
	switch (field) {
		case 'spend':
			return spend;
		case 'frequency':
			return t.impressions / t.reach;
		case 'ctr':
			return (t.clicks / t.impressions) * 100;
		case 'unique_ctr':
			return (t.uniqueClicks / t.reach) * 100;
		case 'cpc':
			return spend / t.clicks;
		case 'cpm':
			return (spend / t.impressions) * 1000;
		case 'cpp':
			return (spend / t.reach) * 1000;
		case 'inline_link_click_ctr':
			return (t.linkClicks / t.impressions) * 100;
		case 'cost_per_inline_link_click':
			return spend / t.linkClicks;
		default:
			return undefined;
	}
}

/** One action entry per action-breakdown value, with attribution window keys. */
function entries(plan, type, value, format) {
	const extra = plan.actionBreakdowns.filter((b) => b !== 'action_type');
	let splits = [{ keys: {}, share: 1 }];
	for (const b of extra) {
		const values = ACTION_BREAKDOWNS[b];
		splits = splits.flatMap((s) => values.map((v, i) => ({ keys: { ...s.keys, [b]: v }, share: s.share * (i === 0 ? 0.5 : 0.5 / (values.length - 1 || 1)) })));
	}
	return splits
		.map(({ keys, share }) => {
			const entry = { ...keys, action_type: type, value: format(value * share) };
			for (const w of plan.windows) if (ATTRIBUTION_SHARES[w] !== null) entry[w] = format(value * share * ATTRIBUTION_SHARES[w]);
			return entry;
		})
		.filter((e) => e.value !== '0');
}

function actionList(plan, counts, format) {
	return Object.entries(counts)
		.filter(([, v]) => v > 0)
		.flatMap(([type, v]) => entries(plan, type, v, format));
}

const count = (v) => String(Math.floor(v));

function actionField(plan, t, field) {
	const spend = t.spendCents / 100;
	const purchaseValue = t.purchaseValueCents / 100;
	switch (field) {
		case 'actions':
			return actionList(plan, actionCounts(t), count);
		case 'action_values':
			return actionList(plan, { purchase: purchaseValue, omni_purchase: purchaseValue }, (v) => money(v * 100));
		case 'cost_per_action_type':
			return Object.entries(actionCounts(t))
				.filter(([, v]) => v > 0)
				.map(([type, v]) => ({ action_type: type, value: ratio(spend / v) }));
		case 'conversions':
			return actionList(plan, { purchase: t.purchases }, count);
		case 'conversion_values':
			return actionList(plan, { purchase: purchaseValue }, (v) => money(v * 100));
		case 'purchase_roas':
			return spend > 0 && t.purchases > 0 ? [{ action_type: 'omni_purchase', value: ratio(purchaseValue / spend) }] : [];
		case 'video_p25_watched_actions':
			return [{ action_type: 'video_view', value: count(t.videoP25) }];
		case 'video_p50_watched_actions':
			return [{ action_type: 'video_view', value: count(t.videoP50) }];
		case 'video_play_actions':
			return [{ action_type: 'video_view', value: count(t.videoViews) }];
		case 'outbound_clicks':
			return [{ action_type: 'outbound_click', value: count(t.linkClicks * 0.8) }];
		default:
			return undefined;
	}
}

/** The value of one requested metric field, as Meta writes it (strings; lists omitted when empty). */
function metricField(plan, t, field) {
	if (COUNT_FIELDS[field]) return String(t[COUNT_FIELDS[field]]);
	if (field === 'spend') return money(t.spendCents);
	if (RATIO_FIELDS.includes(field)) return ratio(metricNumber(t, field));
	const list = actionField(plan, t, field);
	return list && list.length ? list : undefined;
}

module.exports = { IDENTITY_FIELDS, METRIC_FIELDS, SORTABLE, metricField, metricNumber };
