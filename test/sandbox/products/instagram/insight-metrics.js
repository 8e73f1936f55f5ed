'use strict';
// Which Instagram insights metrics Meta serves, per media product type and for accounts, and the ones it retired
// (test/sandbox/README.md "Instagram insights" lists the sources and what is unconfirmed).

/** Media metrics per media product type (Instagram Media Insights reference; carousels count as FEED). */
const MEDIA_METRICS = {
	FEED: ['comments', 'follows', 'likes', 'profile_activity', 'profile_visits', 'reach', 'saved', 'shares', 'total_interactions', 'views'],
	REELS: ['comments', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'likes', 'reach', 'saved', 'shares', 'total_interactions', 'views'],
	STORY: ['follows', 'navigation', 'profile_activity', 'profile_visits', 'reach', 'replies', 'shares', 'total_interactions', 'views'],
};

/** Media metrics Meta retired: v18 (all versions 2023-12-11), video_views v21 (2025-01-08), the rest v22 (2025-04-21). */
const RETIRED_MEDIA_METRICS = [
	'carousel_album_engagement',
	'carousel_album_impressions',
	'carousel_album_reach',
	'carousel_album_saved',
	'carousel_album_video_views',
	'clips_replays_count',
	'engagement',
	'exits',
	'ig_reels_aggregated_all_plays_count',
	'impressions',
	'plays',
	'taps_back',
	'taps_forward',
	'video_views',
];

/**
 * Account metrics: the metric types each is served as, and the breakdowns it takes with total_value (Instagram
 * Account Insights reference). Demographic metrics are lifetime totals with one breakdown.
 */
const ACCOUNT_METRICS = {
	accounts_engaged: { types: ['total_value'], breakdowns: [] },
	comments: { types: ['total_value'], breakdowns: ['media_product_type'] },
	follows_and_unfollows: { types: ['total_value'], breakdowns: ['follow_type'] },
	likes: { types: ['total_value'], breakdowns: ['media_product_type'] },
	profile_links_taps: { types: ['total_value'], breakdowns: ['contact_button_type'] },
	profile_views: { types: ['total_value'], breakdowns: [] },
	reach: { types: ['time_series', 'total_value'], breakdowns: ['media_product_type', 'follow_type'] },
	replies: { types: ['total_value'], breakdowns: [] },
	saves: { types: ['total_value'], breakdowns: ['media_product_type'] },
	shares: { types: ['total_value'], breakdowns: ['media_product_type'] },
	total_interactions: { types: ['total_value'], breakdowns: ['media_product_type'] },
	views: { types: ['total_value'], breakdowns: ['follower_type', 'media_product_type'] },
	follower_count: { types: ['time_series'], breakdowns: [] },
};

const DEMOGRAPHIC_METRICS = ['engaged_audience_demographics', 'follower_demographics', 'reached_audience_demographics'];
const DEMOGRAPHIC_BREAKDOWNS = ['age', 'city', 'country', 'gender'];
/** v20 retired last_14_days, last_30_days, last_90_days and prev_month; this_week and this_month remain. */
const DEMOGRAPHIC_TIMEFRAMES = ['this_month', 'this_week'];

/**
 * Account metrics Meta retired: impressions (v22, all versions 2025-04-21), the audience_* metrics (v18, 2023-12-11)
 * and the time-series contact metrics (v21, 2025-01-08).
 */
const RETIRED_ACCOUNT_METRICS = [
	'audience_city',
	'audience_country',
	'audience_gender_age',
	'audience_locale',
	'email_contacts',
	'get_directions_clicks',
	'impressions',
	'phone_call_clicks',
	'text_message_clicks',
	'website_clicks',
];

/** Values each breakdown dimension takes in the sandbox's generated answers. */
const DIMENSION_VALUES = {
	media_product_type: ['AD', 'CAROUSEL_CONTAINER', 'POST', 'REEL', 'STORY'],
	follow_type: ['FOLLOWER', 'NON_FOLLOWER'],
	follower_type: ['FOLLOWER', 'NON_FOLLOWER'],
	contact_button_type: ['BOOK_NOW', 'CALL', 'DIRECTION', 'EMAIL', 'TEXT'],
	age: ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
	gender: ['F', 'M', 'U'],
	country: ['DE', 'AT', 'CH', 'US', 'GB'],
	city: ['Berlin, Berlin', 'Munich, Bavaria', 'Hamburg, Hamburg', 'Vienna, Vienna'],
};

function productGroup(media) {
	if (media.productType === 'STORY') return 'STORY';
	if (media.productType === 'REELS') return 'REELS';
	return 'FEED';
}

module.exports = {
	MEDIA_METRICS,
	RETIRED_MEDIA_METRICS,
	ACCOUNT_METRICS,
	DEMOGRAPHIC_METRICS,
	DEMOGRAPHIC_BREAKDOWNS,
	DEMOGRAPHIC_TIMEFRAMES,
	RETIRED_ACCOUNT_METRICS,
	DIMENSION_VALUES,
	productGroup,
};
