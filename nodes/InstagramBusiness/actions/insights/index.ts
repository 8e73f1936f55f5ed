import type { INodeProperties } from 'n8n-workflow';
import * as getAccountInsights from './getAccountInsights.operation';
import * as getDemographics from './getDemographics.operation';
import * as getMediaInsights from './getMediaInsights.operation';

export { getAccountInsights, getDemographics, getMediaInsights };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insights'] } },
		options: [
			{
				name: 'Get Account Insights',
				value: 'getAccountInsights',
				description: 'Reach, views, interactions, profile activity and follower count of the account over a date range',
				action: 'Get account insights',
			},
			{
				name: 'Get Audience Demographics',
				value: 'getDemographics',
				description: 'Followers, or the people reached or engaged, by age, gender, country or city',
				action: 'Get audience demographics',
			},
			{
				name: 'Get Media Insights',
				value: 'getMediaInsights',
				description: 'Metrics of one post, reel, story or carousel, with the metric set Meta allows for its type',
				action: 'Get media insights',
			},
		],
		default: 'getAccountInsights',
	},
	...getAccountInsights.description,
	...getDemographics.description,
	...getMediaInsights.description,
];
