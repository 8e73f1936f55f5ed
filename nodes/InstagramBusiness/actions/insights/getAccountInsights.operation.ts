import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { asItems, checkMetrics, dayOf, metricItems, readInsights, readMetricList, readOtherMetrics, readRange, simplifiedRows } from '../../helpers/insights';
import { ACCOUNT_DAILY_METRICS, ACCOUNT_TOTAL_METRICS, RETIRED_ACCOUNT_METRICS, metricOptions, type MetricType } from '../../helpers/insightMetrics';
import { accountLocator, optionsCollection } from '../common';
import { RANGE_PROPERTIES, otherMetricsProperty, showFor, simplifyProperty } from './shared';

const OPERATION = 'getAccountInsights';

const BREAKDOWNS = [
	{ name: 'None', value: '' },
	{ name: 'Contact Button', value: 'contact_button_type' },
	{ name: 'Follower or Not (Follow Type)', value: 'follow_type' },
	{ name: 'Follower or Not (Follower Type)', value: 'follower_type' },
	{ name: 'Media Type', value: 'media_product_type' },
];

export const description: INodeProperties[] = [
	accountLocator('insights', [OPERATION]),
	{
		displayName: 'Figures',
		name: 'metricType',
		type: 'options',
		default: 'total_value',
		displayOptions: showFor([OPERATION]),
		options: [
			{ name: 'Totals for the Range', value: 'total_value', description: 'One figure per metric for the whole range' },
			{ name: 'Per Day', value: 'time_series', description: 'One figure per metric and day (reach and follower count)' },
		],
		description: 'Whether to get one total per metric for the whole range, or one figure per day (fewer metrics)',
	},
	{
		displayName: 'Metrics',
		name: 'totalMetrics',
		type: 'multiOptions',
		default: ['reach', 'views', 'accounts_engaged', 'total_interactions'],
		displayOptions: showFor([OPERATION], { metricType: ['total_value'] }),
		options: metricOptions(Object.keys(ACCOUNT_TOTAL_METRICS)),
		description: 'Profile Links Taps and Profile Views are the profile activity',
	},
	{
		displayName: 'Daily Metrics',
		name: 'dailyMetrics',
		type: 'multiOptions',
		default: ['reach', 'follower_count'],
		displayOptions: showFor([OPERATION], { metricType: ['time_series'] }),
		options: metricOptions(ACCOUNT_DAILY_METRICS),
		description: 'Follower Count is only available for accounts with at least 100 followers',
	},
	{
		displayName: 'Breakdown',
		name: 'breakdown',
		type: 'options',
		default: '',
		displayOptions: showFor([OPERATION], { metricType: ['total_value'] }),
		options: BREAKDOWNS,
		description: 'Split each total, e.g. reach by media type; each metric takes only some breakdowns',
	},
	otherMetricsProperty(OPERATION),
	...RANGE_PROPERTIES(OPERATION),
	simplifyProperty(OPERATION, 'Whether to return one row for the range (or one per day) with a column per metric, instead of one item per metric and period'),
	optionsCollection('insights', [OPERATION]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const metricType = this.getNodeParameter('metricType', itemIndex, 'total_value') as MetricType;
	const listName = metricType === 'total_value' ? 'totalMetrics' : 'dailyMetrics';
	const listLabel = metricType === 'total_value' ? 'Metrics' : 'Daily Metrics';
	const asked = [...readMetricList(this, listName, listLabel, itemIndex), ...readOtherMetrics(this, itemIndex)];
	const metrics = checkMetrics(this, itemIndex, asked, RETIRED_ACCOUNT_METRICS, listLabel);
	const breakdown = metricType === 'total_value' ? (this.getNodeParameter('breakdown', itemIndex, '') as string) : '';
	if (breakdown) {
		const refusing = asked.filter((m) => m.field === listLabel && !(ACCOUNT_TOTAL_METRICS[m.name] ?? []).includes(breakdown));
		if (refusing.length) {
			throw new NodeOperationError(this.getNode(), `Breakdown "${breakdown}" does not apply to ${refusing.map((m) => m.name).join(', ')}`, {
				itemIndex,
				description: `Meta splits these metrics by ${breakdown}: ${Object.keys(ACCOUNT_TOTAL_METRICS).filter((k) => ACCOUNT_TOTAL_METRICS[k].includes(breakdown)).join(', ')}. Choose those metrics only, or no breakdown.`,
			});
		}
	}
	const range = readRange(this, itemIndex);
	const call = await instagramCall(this, itemIndex);
	const account = accountIdOf(call);
	const rows = await readInsights(call, account, {
		metric: metrics.join(','),
		period: 'day',
		metric_type: metricType,
		since: range.since,
		until: range.until,
		...(breakdown ? { breakdown } : {}),
	});
	const base = { account, since: dayOf(range.since), until: dayOf(range.until), metricType };
	const items = metricItems(rows, metrics, base);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	if (!simplify) return asItems(items, itemIndex);
	return asItems(simplifiedRows(items, { account, since: base.since, until: base.until }, metricType === 'time_series' ? 'date' : undefined), itemIndex);
}
