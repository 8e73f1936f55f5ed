import type { INodePropertyOptions } from 'n8n-workflow';

const option = (name: string, value: string, description?: string): INodePropertyOptions => ({ name, value, ...(description ? { description } : {}) });

/** Common insights fields (reference §6.2); any other field can be typed by name. */
export const FIELD_OPTIONS: INodePropertyOptions[] = [
	option('Account ID', 'account_id'),
	option('Account Name', 'account_name'),
	option('Action Values', 'action_values', 'Value of conversions (e.g. purchase value) per action type'),
	option('Actions', 'actions', 'Number of actions per action type (link clicks, purchases …)'),
	option('Ad ID', 'ad_id'),
	option('Ad Name', 'ad_name'),
	option('Ad Set ID', 'adset_id'),
	option('Ad Set Name', 'adset_name'),
	option('Campaign ID', 'campaign_id'),
	option('Campaign Name', 'campaign_name'),
	option('Clicks', 'clicks'),
	option('Conversions', 'conversions'),
	option('Cost per Action Type', 'cost_per_action_type'),
	option('CPC', 'cpc', 'Cost per click'),
	option('CPM', 'cpm', 'Cost per 1,000 impressions'),
	option('CPP', 'cpp', 'Cost per 1,000 people reached'),
	option('CTR', 'ctr', 'Click-through rate in percent'),
	option('Frequency', 'frequency'),
	option('Impressions', 'impressions'),
	option('Inline Link Clicks', 'inline_link_clicks'),
	option('Objective', 'objective'),
	option('Purchase ROAS', 'purchase_roas', 'Return on ad spend for purchases'),
	option('Reach', 'reach'),
	option('Spend', 'spend'),
	option('Unique Clicks', 'unique_clicks'),
	option('Video Plays', 'video_play_actions'),
	option('Video Watched 25%', 'video_p25_watched_actions'),
	option('Video Watched 50%', 'video_p50_watched_actions'),
];

export const LEVEL_OPTIONS: INodePropertyOptions[] = [
	option('Same as the Selected Object', '', 'One row per selected object'),
	option('Account', 'account'),
	option('Campaign', 'campaign', 'One row per campaign'),
	option('Ad Set', 'adset', 'One row per ad set'),
	option('Ad', 'ad', 'One row per ad'),
];

/** Meta's date presets with the number of days each covers at most (used to judge a request's size). */
export const DATE_PRESET_DAYS: Record<string, number> = {
	today: 1,
	yesterday: 1,
	last_3d: 3,
	last_7d: 7,
	last_14d: 14,
	last_28d: 28,
	last_30d: 30,
	last_90d: 90,
	this_week_mon_today: 7,
	this_week_sun_today: 7,
	last_week_mon_sun: 7,
	last_week_sun_sat: 7,
	this_month: 31,
	last_month: 31,
	this_quarter: 92,
	last_quarter: 92,
	this_year: 366,
	last_year: 366,
	maximum: 1130,
	data_maximum: 1130,
};

export const DATE_PRESET_OPTIONS: INodePropertyOptions[] = [
	option('Custom Range', 'custom'),
	option('Last 14 Days', 'last_14d'),
	option('Last 28 Days', 'last_28d'),
	option('Last 3 Days', 'last_3d'),
	option('Last 30 Days', 'last_30d'),
	option('Last 7 Days', 'last_7d'),
	option('Last 90 Days', 'last_90d'),
	option('Last Month', 'last_month'),
	option('Last Quarter', 'last_quarter'),
	option('Last Week (Mon–Sun)', 'last_week_mon_sun'),
	option('Last Week (Sun–Sat)', 'last_week_sun_sat'),
	option('Last Year', 'last_year'),
	option('Maximum (All Available Data)', 'maximum'),
	option('This Month', 'this_month'),
	option('This Quarter', 'this_quarter'),
	option('This Week (Mon–Today)', 'this_week_mon_today'),
	option('This Week (Sun–Today)', 'this_week_sun_today'),
	option('This Year', 'this_year'),
	option('Today', 'today'),
	option('Yesterday', 'yesterday'),
];

export const TIME_INCREMENT_OPTIONS: INodePropertyOptions[] = [
	option('All Days (One Row per Object)', 'all_days'),
	option('Daily', '1'),
	option('Every N Days', 'custom'),
	option('Monthly', 'monthly'),
	option('Weekly (7 Days)', '7'),
];

/** Breakdowns with a rough count of distinct values, to judge how many rows a request makes. */
export const BREAKDOWN_SIZES: Record<string, number> = {
	age: 7,
	gender: 3,
	country: 50,
	region: 100,
	dma: 210,
	publisher_platform: 4,
	platform_position: 12,
	device_platform: 3,
	impression_device: 10,
	frequency_value: 10,
	hourly_stats_aggregated_by_advertiser_time_zone: 24,
	hourly_stats_aggregated_by_audience_time_zone: 24,
	product_id: 100,
	body_asset: 10,
	image_asset: 10,
	video_asset: 10,
	title_asset: 10,
};

export const BREAKDOWN_OPTIONS: INodePropertyOptions[] = [
	option('Age', 'age'),
	option('Body Asset', 'body_asset'),
	option('Country', 'country'),
	option('Device Platform', 'device_platform'),
	option('DMA Region', 'dma'),
	option('Frequency Value', 'frequency_value'),
	option('Gender', 'gender'),
	option('Hour (Advertiser Time Zone)', 'hourly_stats_aggregated_by_advertiser_time_zone'),
	option('Hour (Audience Time Zone)', 'hourly_stats_aggregated_by_audience_time_zone'),
	option('Image Asset', 'image_asset'),
	option('Impression Device', 'impression_device', 'Only together with Publisher Platform'),
	option('Platform Position', 'platform_position', 'Only together with Publisher Platform'),
	option('Product ID', 'product_id'),
	option('Publisher Platform', 'publisher_platform'),
	option('Region', 'region'),
	option('Title Asset', 'title_asset'),
	option('Video Asset', 'video_asset'),
];

export const ACTION_BREAKDOWN_OPTIONS: INodePropertyOptions[] = [
	option('Action Carousel Card ID', 'action_carousel_card_id'),
	option('Action Carousel Card Name', 'action_carousel_card_name'),
	option('Action Destination', 'action_destination'),
	option('Action Device', 'action_device'),
	option('Action Reaction', 'action_reaction'),
	option('Action Target ID', 'action_target_id'),
	option('Action Type', 'action_type'),
	option('Action Video Sound', 'action_video_sound'),
	option('Action Video Type', 'action_video_type'),
	option('Conversion Destination', 'conversion_destination'),
];

export const ATTRIBUTION_WINDOW_OPTIONS: INodePropertyOptions[] = [
	option('1-Day Click', '1d_click'),
	option('1-Day Engaged View', '1d_ev'),
	option('1-Day View', '1d_view'),
	option('28-Day Click', '28d_click'),
	option('7-Day Click', '7d_click'),
	option('Account Default', 'default'),
	option('Data-Driven', 'dda'),
];

export const FILTER_OPERATOR_OPTIONS: INodePropertyOptions[] = [
	option('Contains', 'CONTAIN'),
	option('Does Not Contain', 'NOT_CONTAIN'),
	option('Ends With', 'ENDS_WITH'),
	option('Equals', 'EQUAL'),
	option('Greater Than', 'GREATER_THAN'),
	option('Greater Than or Equal', 'GREATER_THAN_OR_EQUAL'),
	option('In List', 'IN'),
	option('In Range', 'IN_RANGE'),
	option('Less Than', 'LESS_THAN'),
	option('Less Than or Equal', 'LESS_THAN_OR_EQUAL'),
	option('Not Equal', 'NOT_EQUAL'),
	option('Not in List', 'NOT_IN'),
	option('Not in Range', 'NOT_IN_RANGE'),
	option('Starts With', 'STARTS_WITH'),
];

/** Operators whose value is a list (comma-separated in the node). */
export const LIST_OPERATORS = ['IN', 'NOT_IN', 'IN_RANGE', 'NOT_IN_RANGE'];

/** effective_status values for campaign, ad set and ad lists. */
export const EFFECTIVE_STATUS_OPTIONS: INodePropertyOptions[] = [
	option('Active', 'ACTIVE'),
	option('Ad Set Paused', 'ADSET_PAUSED'),
	option('Archived', 'ARCHIVED'),
	option('Campaign Paused', 'CAMPAIGN_PAUSED'),
	option('Deleted', 'DELETED'),
	option('Disapproved', 'DISAPPROVED'),
	option('In Process', 'IN_PROCESS'),
	option('Paused', 'PAUSED'),
	option('Pending Billing Info', 'PENDING_BILLING_INFO'),
	option('Pending Review', 'PENDING_REVIEW'),
	option('With Issues', 'WITH_ISSUES'),
];
