import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { asItems, metricItems, readInsights, simplifiedRows } from '../../helpers/insights';
import { accountLocator, optionsCollection } from '../common';
import { showFor, simplifyProperty } from './shared';

const OPERATION = 'getDemographics';

export const description: INodeProperties[] = [
	accountLocator('insights', [OPERATION]),
	{
		displayName: 'Audience',
		name: 'demographicMetric',
		type: 'options',
		default: 'follower_demographics',
		displayOptions: showFor([OPERATION]),
		options: [
			{ name: 'Followers', value: 'follower_demographics', description: 'Who follows the account (needs at least 100 followers)' },
			{ name: 'People Engaged', value: 'engaged_audience_demographics', description: 'Who interacted with the content' },
			{ name: 'People Reached', value: 'reached_audience_demographics', description: 'Who saw the content' },
		],
		description: 'Whose demographics to get: the followers, the people who engaged, or the people reached',
	},
	{
		displayName: 'By',
		name: 'demographicBreakdown',
		type: 'options',
		default: 'age',
		displayOptions: showFor([OPERATION]),
		options: [
			{ name: 'Age', value: 'age' },
			{ name: 'City', value: 'city' },
			{ name: 'Country', value: 'country' },
			{ name: 'Gender', value: 'gender' },
		],
		description: 'How the audience is split: by age group, city, country or gender',
	},
	{
		displayName: 'Timeframe',
		name: 'timeframe',
		type: 'options',
		default: 'this_month',
		displayOptions: showFor([OPERATION]),
		options: [
			{ name: 'This Month', value: 'this_month' },
			{ name: 'This Week', value: 'this_week' },
		],
		description: 'Meta offers these two since Graph API v20 (the 14, 30 and 90 days and previous month timeframes were retired)',
	},
	simplifyProperty(OPERATION, 'Whether to return one row with a column per age group, gender, country or city, instead of one item per value'),
	optionsCollection('insights', [OPERATION]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const metric = this.getNodeParameter('demographicMetric', itemIndex) as string;
	const breakdown = this.getNodeParameter('demographicBreakdown', itemIndex) as string;
	const timeframe = this.getNodeParameter('timeframe', itemIndex) as string;
	const call = await instagramCall(this, itemIndex);
	const account = accountIdOf(call);
	const rows = await readInsights(call, account, { metric, period: 'lifetime', metric_type: 'total_value', breakdown, timeframe });
	const base = { account, timeframe };
	const items = metricItems(rows, [metric], base);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return asItems(simplify ? simplifiedRows(items, { ...base, metric, breakdown }) : items, itemIndex);
}
