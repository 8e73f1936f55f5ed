import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { adsLayer } from '../../helpers/layer';
import { adAccountLocator, objectLocator, returnAllAndLimit } from '../../helpers/locators';
import { readInsightsQuery } from '../../helpers/insightsQuery';
import { fetchInsights, type InsightsMode } from '../../helpers/insightsFetch';
import { simplifyRow } from '../../helpers/simplify';
import { boundedPaging } from '../../helpers/toolOutput';
import {
	ACTION_BREAKDOWN_OPTIONS,
	ATTRIBUTION_WINDOW_OPTIONS,
	BREAKDOWN_OPTIONS,
	DATE_PRESET_OPTIONS,
	FIELD_OPTIONS,
	FILTER_OPERATOR_OPTIONS,
	LEVEL_OPTIONS,
	TIME_INCREMENT_OPTIONS,
} from '../../helpers/insightsOptions';
import { readNumber } from '../../../shared/parameters';

const show = { resource: ['insights'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Insights Of',
		name: 'insightsOf',
		type: 'options',
		default: 'account',
		displayOptions: { show },
		options: [
			{ name: 'Ad', value: 'ad' },
			{ name: 'Ad Account', value: 'account' },
			{ name: 'Ad Set', value: 'adset' },
			{ name: 'Campaign', value: 'campaign' },
		],
		description: 'Which object the figures are about',
	},
	adAccountLocator(show),
	objectLocator('campaign', 'Campaign', 'searchCampaigns', { ...show, insightsOf: ['campaign'] }),
	objectLocator('adSet', 'Ad Set', 'searchAdSets', { ...show, insightsOf: ['adset'] }),
	objectLocator('ad', 'Ad', 'searchAds', { ...show, insightsOf: ['ad'] }),
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		default: '',
		displayOptions: { show },
		options: LEVEL_OPTIONS,
		description: 'One row per object of this level, e.g. Ad gives one row per ad of the account',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: ['campaign_name', 'impressions', 'reach', 'clicks', 'spend', 'ctr', 'cpc', 'actions'],
		displayOptions: { show },
		options: FIELD_OPTIONS,
		description: 'Metrics and names to include in each row',
	},
	{
		displayName: 'Other Fields',
		name: 'otherFields',
		type: 'string',
		default: '',
		placeholder: 'inline_post_engagement, cost_per_unique_click',
		displayOptions: { show },
		description: 'Any other insights fields by their Meta name, separated by commas',
	},
	{
		displayName: 'Date Range',
		name: 'datePreset',
		type: 'options',
		default: 'last_30d',
		displayOptions: { show },
		options: DATE_PRESET_OPTIONS,
		description: "Dates are in the ad account's time zone",
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { ...show, datePreset: ['custom'] } },
		description: 'First day of the range (included)',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { ...show, datePreset: ['custom'] } },
		description: 'Last day of the range (included)',
	},
	{
		displayName: 'Time Increment',
		name: 'timeIncrement',
		type: 'options',
		default: 'all_days',
		displayOptions: { show },
		options: TIME_INCREMENT_OPTIONS,
		description: 'How many days each row covers',
	},
	{
		displayName: 'Days per Row',
		name: 'timeIncrementDays',
		type: 'number',
		default: 14,
		typeOptions: { minValue: 1, maxValue: 90 },
		description: 'How many days each row adds up (1 to 90); rows start on the first day of the date range',
		displayOptions: { show: { ...show, timeIncrement: ['custom'] } },
	},
	{
		displayName: 'Breakdowns',
		name: 'breakdowns',
		type: 'multiOptions',
		default: [],
		displayOptions: { show },
		options: BREAKDOWN_OPTIONS,
		description: 'Split each row by these dimensions (Meta accepts only some combinations, e.g. Age with Gender)',
	},
	{
		displayName: 'Action Breakdowns',
		name: 'actionBreakdowns',
		type: 'multiOptions',
		default: [],
		displayOptions: { show },
		options: ACTION_BREAKDOWN_OPTIONS,
		description: 'Split the actions lists by these dimensions (default: action type)',
	},
	...returnAllAndLimit(show, true),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether to turn numbers into numbers and the actions lists into one column per action type, ready for a sheet or database',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Action Report Time',
				name: 'actionReportTime',
				type: 'options',
				default: 'impression',
				options: [
					{ name: 'Conversion', value: 'conversion' },
					{ name: 'Impression', value: 'impression' },
					{ name: 'Lifetime', value: 'lifetime' },
					{ name: 'Mixed', value: 'mixed' },
				],
				description: 'Whether actions count on the day of the ad impression or of the conversion',
			},
			{
				displayName: 'Attribution Windows',
				name: 'attributionWindows',
				type: 'multiOptions',
				default: [],
				options: ATTRIBUTION_WINDOW_OPTIONS,
				description: 'Add the actions counted in these windows next to the default value',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add filter',
				options: [
					{
						displayName: 'Filter',
						name: 'filter',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'campaign.name', description: 'Field in dot notation, e.g. campaign.name, ad.effective_status, impressions' },
							{ displayName: 'Operator', name: 'operator', type: 'options', default: 'EQUAL', options: FILTER_OPERATOR_OPTIONS, description: 'How the field is compared with the value' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'For list and range operators, values separated by commas' },
						],
					},
				],
			},
			{
				displayName: 'Max Rate Limit Wait (Minutes)',
				name: 'maxRateLimitWaitMinutes',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 0 },
				description: 'When Meta says the ad account is blocked for longer than this, stop with an error saying for how long',
			},
			{
				displayName: 'Max Report Wait (Minutes)',
				name: 'maxReportWaitMinutes',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 0 },
				description: 'How long to wait for a background report before giving up',
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				default: 'auto',
				description: 'Whether to ask Meta directly or through a background report job (for large requests)',
				options: [
					{ name: 'Auto', value: 'auto', description: 'Ask directly; switch to a background report when Meta says it is too much data or the request is large' },
					{ name: 'Always Background Report', value: 'async', description: 'Always run an asynchronous report job and wait for it' },
					{ name: 'Direct Only', value: 'sync', description: 'Never start a background report' },
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 100,
				typeOptions: { minValue: 1, maxValue: 1000 },
				description: 'Rows asked of Meta per request; lower it if Meta says to reduce the amount of data',
			},
			{
				displayName: 'Report Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				default: 2,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				description: 'First wait between status checks of a background report; later waits grow up to 30 seconds',
			},
			{
				displayName: 'Sort By',
				name: 'sortField',
				type: 'string',
				default: '',
				placeholder: 'spend',
				description: 'A metric to sort the rows by, e.g. spend, reach or actions:link_click',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'descending',
				description: 'Whether the Sort By metric goes from low to high (ascending) or high to low (descending)',
				options: [
					{ name: 'Ascending', value: 'ascending' },
					{ name: 'Descending', value: 'descending' },
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const query = readInsightsQuery(this, itemIndex, options);
	const { returnAll, limit } = boundedPaging(this, this.getNodeParameter('returnAll', itemIndex, true) as boolean, () =>
		readNumber(this, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50),
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const pollMs = Math.max(0, Number(options.pollIntervalSeconds ?? 2)) * 1000;
	const pageSize = Number(options.pageSize ?? 100);
	const pairedItem = { item: itemIndex };
	// Rows become n8n items page by page, simplified in the same pass: no second copy of all rows.
	return await fetchInsights(
		this,
		adsLayer(this, itemIndex, options),
		query,
		(options.mode as InsightsMode) ?? 'auto',
		{
			returnAll,
			limit,
			pageSize: limit ? Math.min(limit, pageSize) : pageSize,
			mapPage: simplify
				? (page) => page.map((row) => ({ json: simplifyRow(row, query.breakdowns), pairedItem }))
				: (page) => page.map((json) => ({ json, pairedItem })),
		},
		{ firstIntervalMs: pollMs, maxIntervalMs: Math.max(pollMs, 30_000), maxWaitMs: Number(options.maxReportWaitMinutes ?? 60) * 60_000 },
		itemIndex,
	);
}
