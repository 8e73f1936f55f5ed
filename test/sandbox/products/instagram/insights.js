'use strict';
// GET /{ig-user-id}/insights (account metrics, demographics) and GET /{ig-media-id}/insights (per post, reel, story,
// carousel), on both Graph hosts, with Meta's refusals of retired and unsupported metrics. Values are generated from
// a hash of the ids, so a run repeats exactly. Sources and unconfirmed points: test/sandbox/README.md.
const crypto = require('crypto');
const { graphError } = require('../../core/errors');
const { store, igId } = require('./store');
const { onAccount, onOwned } = require('./access');
const { params } = require('./validation');
const m = require('./insight-metrics');

const DAY = 86400;

/** A stable number in [min, max] for a key. */
function valueOf(key, min, max) {
	const n = crypto.createHash('sha256').update(key).digest().readUInt32BE(0);
	return min + (n % (max - min + 1));
}

const list = (value) =>
	String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

const enumError = (name, index, allowed) => ({ code: 100, message: `${name}[${index}] must be one of the following values: ${allowed.join(', ')}` });

/** Meta's answer to `impressions` on an account since v22 ([community] capture, see README). */
const ACCOUNT_IMPRESSIONS_RETIRED = {
	code: 100,
	message:
		'Starting from version 22 and above, the impressions metric is no longer supported for the queried user. Please refer to the documentation at https://developers.facebook.com/docs/instagram-api/reference/ig-user/insights for a list of supported metrics.',
};

const dayEnd = (sec) => new Date(sec * 1000).toISOString().slice(0, 10) + 'T08:00:00+0000';
const title = (name) => name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

function timeRange(state, p) {
	const until = p.until !== undefined ? Number(p.until) : state.nowSec();
	const since = p.since !== undefined ? Number(p.since) : until - 2 * DAY;
	return { since, until };
}

function breakdownsOf(key, dimension, total) {
	const values = m.DIMENSION_VALUES[dimension];
	const weights = values.map((v) => valueOf(`${key}|${v}`, 1, 100));
	const sum = weights.reduce((a, b) => a + b, 0);
	const results = values.map((v, i) => ({ dimension_values: [v], value: Math.round((total * weights[i]) / sum) }));
	return [{ dimension_keys: [dimension], results }];
}

function accountMetricError(p, metrics, metricType) {
	for (const [i, name] of metrics.entries()) {
		if (name === 'impressions') return ACCOUNT_IMPRESSIONS_RETIRED;
		if (!m.ACCOUNT_METRICS[name] && !m.DEMOGRAPHIC_METRICS.includes(name)) return enumError('metric', i, [...Object.keys(m.ACCOUNT_METRICS), ...m.DEMOGRAPHIC_METRICS].sort());
	}
	const demographic = metrics.filter((n) => m.DEMOGRAPHIC_METRICS.includes(n));
	const wrongType = metrics.filter((n) => m.ACCOUNT_METRICS[n] && !m.ACCOUNT_METRICS[n].types.includes(metricType));
	if (metricType !== 'total_value' && demographic.length) wrongType.push(...demographic);
	if (wrongType.length) {
		const needs = metricType === 'total_value' ? 'time_series' : 'total_value';
		return { code: 100, message: `The following metrics (${wrongType.join(', ')}) should be specified with parameter metric_type=${needs}` };
	}
	if (p.breakdown !== undefined) {
		for (const name of metrics) {
			const allowed = m.DEMOGRAPHIC_METRICS.includes(name) ? m.DEMOGRAPHIC_BREAKDOWNS : m.ACCOUNT_METRICS[name].breakdowns;
			for (const b of list(p.breakdown)) {
				// Wording [UNCONFIRMED]: Meta's enum style.
				if (!allowed.includes(b)) return { code: 100, message: `The metric ${name} does not support the breakdown ${b}. Supported breakdowns: ${allowed.join(', ') || 'none'}` };
			}
		}
	}
	if (demographic.length) {
		if (p.breakdown === undefined) return { code: 100, message: 'The parameter breakdown is required' };
		if (p.timeframe !== undefined && !m.DEMOGRAPHIC_TIMEFRAMES.includes(String(p.timeframe))) {
			return { code: 100, message: `timeframe must be one of the following values: ${m.DEMOGRAPHIC_TIMEFRAMES.join(', ')}` };
		}
	}
	return null;
}

function accountInsights(state, req, res) {
	const p = params(req);
	const metrics = list(p.metric);
	if (!metrics.length) return graphError(res, { code: 100, message: 'The parameter metric is required' });
	const metricType = String(p.metric_type || 'time_series');
	const problem = accountMetricError(p, metrics, metricType);
	if (problem) return graphError(res, problem);
	const account = req.igAccount;
	const { since, until } = timeRange(state, p);
	const days = Math.max(1, Math.round((until - since) / DAY));
	const data = [];
	for (const name of metrics) {
		const base = `${account.id}|${name}`;
		if (m.DEMOGRAPHIC_METRICS.includes(name)) {
			const dimension = list(p.breakdown)[0];
			const total = valueOf(`${base}|${p.timeframe || 'this_month'}`, 200, 1500);
			data.push({ name, period: 'lifetime', title: title(name), total_value: { breakdowns: breakdownsOf(`${base}|${dimension}`, dimension, total) }, id: `${account.id}/insights/${name}/lifetime` });
			continue;
		}
		if (metricType === 'total_value') {
			const total = valueOf(`${base}|${since}|${until}`, 20 * days, 400 * days);
			const totalValue = { value: total };
			const dimension = list(p.breakdown)[0];
			if (dimension) totalValue.breakdowns = breakdownsOf(`${base}|${dimension}`, dimension, total);
			data.push({ name, period: 'day', title: title(name), total_value: totalValue, id: `${account.id}/insights/${name}/day` });
			continue;
		}
		// follower_count: only the last 30 days, and only for accounts with 100+ followers (reference page).
		if (name === 'follower_count' && (account.followersCount || 0) < 100) continue;
		const values = [];
		for (let t = since + DAY; t <= until + DAY - 1 && values.length < 30; t += DAY) {
			if (name === 'follower_count' && t < state.nowSec() - 30 * DAY) continue;
			values.push({ value: valueOf(`${base}|${dayEnd(t)}`, name === 'follower_count' ? 0 : 20, name === 'follower_count' ? 25 : 400), end_time: dayEnd(t) });
		}
		data.push({ name, period: 'day', values, title: title(name), id: `${account.id}/insights/${name}/day` });
	}
	res.json({ data });
}

function mediaMetricError(media, metrics) {
	const group = m.productGroup(media);
	const known = [...new Set(Object.values(m.MEDIA_METRICS).flat())].sort();
	for (const [i, name] of metrics.entries()) {
		// Retired and unknown metrics are refused as not in the metric enum ([UNCONFIRMED] wording for retired ones).
		if (!known.includes(name)) return enumError('metric', i, known);
		if (!m.MEDIA_METRICS[group].includes(name)) return { code: 100, message: `The Media Insights API does not support the ${name} metric for this media product type.` };
	}
	return null;
}

function mediaValue(media, name) {
	const key = `${media.id}|${name}`;
	if (name === 'ig_reels_avg_watch_time') return valueOf(key, 2000, 15000);
	if (name === 'ig_reels_video_view_total_time') return valueOf(key, 100000, 9000000);
	if (name === 'views') return valueOf(`${media.id}|reach`, 50, 5000) + valueOf(key, 0, 3000);
	if (name === 'reach') return valueOf(key, 50, 5000);
	return valueOf(key, 0, 300);
}

function mediaInsights(state, req, res) {
	const media = store(state).media.get(req.params.id);
	const p = params(req);
	const metrics = list(p.metric);
	if (!metrics.length) return graphError(res, { code: 100, message: 'The parameter metric is required' });
	const problem = mediaMetricError(media, metrics);
	if (problem) return graphError(res, problem);
	if (media.insightsHidden) return graphError(res, { code: 10, message: 'Not enough viewers for the media to show insights' });
	// Story metrics are served for 24 hours only; then Meta answers an empty data set (reference page, Limitations).
	if (media.productType === 'STORY' && state.nowMs() - media.timestampMs > DAY * 1000) return res.json({ data: [] });
	const data = metrics.map((name) => ({
		name,
		period: 'lifetime',
		values: [{ value: mediaValue(media, name) }],
		title: title(name),
		id: `${media.id}/insights/${name}/lifetime`,
	}));
	res.json({ data });
}

/**
 * A published post, reel, story or carousel for insights tests, without the publishing flow:
 * `{ igUserId, productType: 'FEED'|'REELS'|'STORY', mediaType?, ageSeconds?, insightsHidden? }`.
 */
function addMedia(state, spec) {
	const account = state.igAccounts.get(String(spec.igUserId));
	if (!account) throw new Error(`unknown Instagram account ${spec.igUserId}`);
	const productType = spec.productType || 'FEED';
	const mediaType = spec.mediaType || (productType === 'REELS' ? 'VIDEO' : 'IMAGE');
	const id = igId();
	const media = {
		id,
		seq: Number.MAX_SAFE_INTEGER - store(state).media.size,
		igUserId: account.id,
		username: account.username,
		mediaType,
		productType,
		caption: productType === 'STORY' ? undefined : spec.caption ?? `Sandbox ${productType.toLowerCase()} ${id.slice(-4)}`,
		mediaUrl: `https://scontent.sandbox.invalid/${id}.${mediaType === 'VIDEO' ? 'mp4' : 'jpg'}`,
		shortcode: id.slice(-11),
		permalink: `https://www.instagram.com/${productType === 'REELS' ? 'reel' : 'p'}/${id.slice(-11)}/`,
		timestampMs: state.nowMs() - (spec.ageSeconds ?? 3600) * 1000,
		commentEnabled: true,
		children: mediaType === 'CAROUSEL_ALBUM' ? [{ id: igId(), mediaType: 'IMAGE', mediaUrl: 'https://scontent.sandbox.invalid/a.jpg' }, { id: igId(), mediaType: 'IMAGE', mediaUrl: 'https://scontent.sandbox.invalid/b.jpg' }] : [],
		likeCount: 0,
		insightsHidden: Boolean(spec.insightsHidden),
	};
	store(state).media.set(id, media);
	return media;
}

function register({ state, routers }) {
	for (const host of ['graph.facebook.com', 'graph.instagram.com']) {
		const router = routers[host];
		router.get('/:id/insights', onAccount(state, 'insights'), (req, res) => accountInsights(state, req, res));
		const ownerOfMedia = (req) => store(state).media.get(req.params.id)?.igUserId ?? null;
		router.get('/:id/insights', onOwned(state, 'insights', ownerOfMedia), (req, res) => mediaInsights(state, req, res));
	}
}

module.exports = { register, valueOf, addMedia };
