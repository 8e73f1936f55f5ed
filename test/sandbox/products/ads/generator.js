'use strict';
// Deterministic synthetic delivery: every ad has one set of daily counts per day (a pure function of its id and the
// day), higher levels and longer periods are sums, breakdowns split the sums with fixed weights. Nothing is stored,
// so an account can hold any number of rows.

/** 32-bit FNV-1a of a string. */
function hashString(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** mulberry32: small fast PRNG, enough for believable numbers. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const COUNTS = ['impressions', 'reach', 'clicks', 'uniqueClicks', 'linkClicks', 'spendCents', 'videoViews', 'videoP25', 'videoP50', 'landingPageViews', 'addToCart', 'purchases', 'purchaseValueCents', 'leads', 'postEngagement'];

function emptyTotals() {
	const t = {};
	for (const k of COUNTS) t[k] = 0;
	return t;
}

/** One ad's counts for one day, added into `into`. */
function addAdDay(into, adHash, day, scale) {
	const r = prng(adHash ^ Math.imul(day, 2654435761));
	const weekend = ((day + 4) % 7 + 7) % 7 >= 5 ? 0.8 : 1; // day 0 (1970-01-01) was a Thursday
	const impressions = Math.floor((2000 + r() * 18000) * scale * weekend);
	const clicks = Math.floor(impressions * (0.004 + r() * 0.026));
	const linkClicks = Math.floor(clicks * (0.7 + r() * 0.25));
	const landingPageViews = Math.floor(linkClicks * (0.5 + r() * 0.4));
	const addToCart = Math.floor(landingPageViews * (0.05 + r() * 0.15));
	const purchases = Math.floor(addToCart * (0.1 + r() * 0.4));
	into.impressions += impressions;
	into.reach += Math.floor(impressions / (1.1 + r() * 0.9));
	into.clicks += clicks;
	into.uniqueClicks += Math.floor(clicks * 0.9);
	into.linkClicks += linkClicks;
	into.spendCents += Math.floor(impressions * (0.2 + r() * 1.1));
	const videoViews = Math.floor(impressions * (0.1 + r() * 0.2));
	into.videoViews += videoViews;
	into.videoP25 += Math.floor(videoViews * 0.6);
	into.videoP50 += Math.floor(videoViews * 0.35);
	into.landingPageViews += landingPageViews;
	into.addToCart += addToCart;
	into.purchases += purchases;
	into.purchaseValueCents += purchases * (1500 + Math.floor(r() * 8500));
	into.leads += Math.floor(linkClicks * 0.02 * r());
	into.postEngagement += Math.floor(impressions * (0.01 + r() * 0.03));
}

/** Totals over `ads` (each with a numeric `hash`) and days [from, to]; unique reach shrinks over longer spans. */
function totalsFor(ads, from, to, scale) {
	const t = emptyTotals();
	for (const ad of ads) for (let day = from; day <= to; day++) addAdDay(t, ad.hash, day, scale);
	const days = to - from + 1;
	if (days > 1) t.reach = Math.floor(t.reach * Math.max(0.35, 1 - Math.log10(days) * 0.25));
	if (ads.length > 1) t.reach = Math.floor(t.reach * 0.92);
	return t;
}

/** Scale every count by a breakdown weight (floor). */
function weighted(totals, weight) {
	if (weight === 1) return totals;
	const out = {};
	for (const k of COUNTS) out[k] = Math.floor(totals[k] * weight);
	return out;
}

const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00:00 - ${String(h).padStart(2, '0')}:59:59`);
const hourWeights = Array.from({ length: 24 }, (_, h) => 0.2 + Math.sin(((h - 4) / 24) * Math.PI) ** 2);

function dimension(values, weights) {
	const sum = weights.reduce((a, b) => a + b, 0);
	return values.map((value, i) => ({ value, weight: weights[i] / sum }));
}

/** Breakdown values and their share of delivery ([UNCONFIRMED] value sets: a representative subset of Meta's). */
const BREAKDOWNS = {
	age: dimension(['18-24', '25-34', '35-44', '45-54', '55-64', '65+'], [14, 28, 24, 17, 11, 6]),
	gender: dimension(['female', 'male', 'unknown'], [52, 46, 2]),
	country: dimension(['US', 'DE', 'GB', 'FR', 'BR', 'IN'], [35, 20, 15, 12, 10, 8]),
	region: dimension(['California', 'Texas', 'Bavaria', 'Ontario', 'Île-de-France'], [30, 20, 20, 15, 15]),
	dma: dimension(['New York', 'Los Angeles', 'Chicago', 'Houston'], [35, 30, 20, 15]),
	publisher_platform: dimension(['facebook', 'instagram', 'audience_network', 'messenger'], [50, 40, 6, 4]),
	platform_position: dimension(['feed', 'story', 'instagram_reels', 'right_hand_column'], [55, 25, 15, 5]),
	device_platform: dimension(['mobile_app', 'mobile_web', 'desktop'], [70, 20, 10]),
	impression_device: dimension(['iphone', 'android_smartphone', 'desktop', 'ipad'], [40, 40, 12, 8]),
	frequency_value: dimension(['1', '2', '3', '4', '5', '6-10', '11+'], [40, 20, 12, 9, 7, 8, 4]),
	hourly_stats_aggregated_by_advertiser_time_zone: dimension(hours, hourWeights),
	hourly_stats_aggregated_by_audience_time_zone: dimension(hours, hourWeights),
};

/** Breakdown sets Meta accepts together besides any single one ([UNCONFIRMED] subset of the documented matrix). */
const COMBINABLE = [
	['age', 'gender'],
	['publisher_platform', 'platform_position', 'impression_device'],
	['publisher_platform', 'platform_position', 'device_platform'],
];

const ACTION_BREAKDOWNS = {
	action_type: null,
	action_device: ['desktop', 'iphone', 'android_smartphone', 'ipad'],
	action_destination: ['website', 'instagram_profile'],
	action_target_id: ['0'],
	action_reaction: ['like', 'love'],
	action_video_type: ['total', 'auto_play', 'click_to_play'],
	action_video_sound: ['sound_on', 'sound_off'],
	action_carousel_card_id: ['0'],
	action_carousel_card_name: ['card'],
	action_canvas_component_name: ['component'],
	conversion_destination: ['website', 'app'],
	matched_persona_id: ['0'],
	matched_persona_name: ['persona'],
	signal_source_bucket: ['pixel'],
	standard_event_content_type: ['product'],
	is_business_ai_assisted: ['false'],
};

/** Share of an action counted in each attribution window; 7d_view/28d_view are no longer returned (2026-01-12). */
const ATTRIBUTION_SHARES = {
	'1d_click': 0.6,
	'7d_click': 0.85,
	'28d_click': 0.95,
	'1d_view': 0.1,
	'7d_view': null,
	'28d_view': null,
	'1d_ev': 0.05,
	dda: 0.9,
	default: 1,
	skan_click: 0.3,
	skan_view: 0.05,
	'7d_view_first_conversion': null,
	'28d_view_first_conversion': null,
	'7d_view_all_conversions': null,
	'28d_view_all_conversions': null,
};

module.exports = { hashString, totalsFor, weighted, BREAKDOWNS, COMBINABLE, ACTION_BREAKDOWNS, ATTRIBUTION_SHARES };
