/**
 * Instagram insights metrics as Meta serves them (Instagram Media Insights and Account Insights references, Graph API
 * changelogs v18, v21, v22; see docs/insights-and-ad-status.md and test/sandbox/README.md for the sources and what is unconfirmed).
 */

export type MediaGroup = 'FEED' | 'REELS' | 'STORY';

/** Media metrics per media product type; carousels are FEED media (their items have no insights of their own). */
export const MEDIA_METRICS: Record<MediaGroup, readonly string[]> = {
	FEED: ['comments', 'follows', 'likes', 'profile_activity', 'profile_visits', 'reach', 'saved', 'shares', 'total_interactions', 'views'],
	REELS: ['comments', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'likes', 'reach', 'saved', 'shares', 'total_interactions', 'views'],
	STORY: ['follows', 'navigation', 'profile_activity', 'profile_visits', 'reach', 'replies', 'shares', 'total_interactions', 'views'],
};

export const GROUP_LABEL: Record<MediaGroup, string> = { FEED: 'posts and carousels', REELS: 'reels', STORY: 'stories' };

/** Which group a media item's metrics come from, by Meta's media_product_type (FEED, REELS, STORY; AD read as FEED). */
export function mediaGroupOf(productType: unknown): MediaGroup {
	if (productType === 'STORY') return 'STORY';
	if (productType === 'REELS') return 'REELS';
	return 'FEED';
}

interface Retirement {
	/** When and in which Graph version Meta stopped serving it. */
	since: string;
	/** What to ask for instead. */
	instead: string;
}

const V18 = 'Graph API v18.0, and every version from 11 December 2023';
const V21 = 'Graph API v21.0, and every version from 8 January 2025';
const V22 = 'Graph API v22.0, and every version from 21 April 2025';

export const RETIRED_MEDIA_METRICS: Readonly<Record<string, Retirement>> = {
	impressions: { since: V22, instead: 'views' },
	plays: { since: V22, instead: 'views' },
	clips_replays_count: { since: V22, instead: 'views' },
	ig_reels_aggregated_all_plays_count: { since: V22, instead: 'views' },
	video_views: { since: V21, instead: 'views' },
	engagement: { since: V18, instead: 'total_interactions' },
	carousel_album_engagement: { since: V18, instead: 'total_interactions' },
	carousel_album_impressions: { since: V18, instead: 'views' },
	carousel_album_reach: { since: V18, instead: 'reach' },
	carousel_album_saved: { since: V18, instead: 'saved' },
	carousel_album_video_views: { since: V18, instead: 'views' },
	taps_forward: { since: V18, instead: 'navigation' },
	taps_back: { since: V18, instead: 'navigation' },
	exits: { since: V18, instead: 'navigation' },
};

/**
 * Media metrics retired for the Graph version the credential pins. On v21.0 and older Meta still answers `impressions`
 * for media created up to 1 July 2024 (and refuses it for newer media), so it is left for Meta to answer there.
 */
export function retiredMediaMetricsFor(graphVersion: string): Readonly<Record<string, Retirement>> {
	const major = Number(/^v?(\d+)/.exec(graphVersion)?.[1] ?? NaN);
	if (!(major <= 21)) return RETIRED_MEDIA_METRICS;
	return Object.fromEntries(Object.entries(RETIRED_MEDIA_METRICS).filter(([metric]) => metric !== 'impressions'));
}

export const RETIRED_ACCOUNT_METRICS: Readonly<Record<string, Retirement>> = {
	impressions: { since: V22, instead: 'views' },
	audience_city: { since: V18, instead: 'Get Audience Demographics (follower_demographics by city)' },
	audience_country: { since: V18, instead: 'Get Audience Demographics (follower_demographics by country)' },
	audience_gender_age: { since: V18, instead: 'Get Audience Demographics (follower_demographics by age or gender)' },
	audience_locale: { since: V18, instead: 'Get Audience Demographics (follower_demographics by country)' },
	email_contacts: { since: V21, instead: 'profile_links_taps (broken down by contact button)' },
	get_directions_clicks: { since: V21, instead: 'profile_links_taps (broken down by contact button)' },
	phone_call_clicks: { since: V21, instead: 'profile_links_taps (broken down by contact button)' },
	text_message_clicks: { since: V21, instead: 'profile_links_taps (broken down by contact button)' },
	website_clicks: { since: V21, instead: 'profile_links_taps (broken down by contact button)' },
};

export type MetricType = 'total_value' | 'time_series';

/** Account metrics with the breakdowns Meta takes for each as totals (total_value). */
export const ACCOUNT_TOTAL_METRICS: Readonly<Record<string, readonly string[]>> = {
	accounts_engaged: [],
	comments: ['media_product_type'],
	follows_and_unfollows: ['follow_type'],
	likes: ['media_product_type'],
	profile_links_taps: ['contact_button_type'],
	profile_views: [],
	reach: ['media_product_type', 'follow_type'],
	replies: [],
	saves: ['media_product_type'],
	shares: ['media_product_type'],
	total_interactions: ['media_product_type'],
	views: ['follower_type', 'media_product_type'],
};

/** Account metrics Meta serves per day (time_series). */
export const ACCOUNT_DAILY_METRICS = ['follower_count', 'reach'] as const;

export const DEMOGRAPHIC_METRICS = ['follower_demographics', 'engaged_audience_demographics', 'reached_audience_demographics'] as const;

/** The sentence of a metric Meta retired, or undefined. */
export function retiredSentence(metric: string, retired: Readonly<Record<string, Retirement>>): string | undefined {
	const r = retired[metric];
	return r ? `"${metric}" was retired by Meta (${r.since}); use ${r.instead} instead` : undefined;
}

/** Options of a multiOptions field from metric names. */
export function metricOptions(names: readonly string[]): Array<{ name: string; value: string }> {
	return [...names].sort().map((value) => ({ name: value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\bIg\b/, 'IG'), value }));
}
