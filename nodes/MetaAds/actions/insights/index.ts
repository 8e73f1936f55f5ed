import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insights'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get performance figures of an ad account, campaign, ad set or ad, one item per row',
				action: 'Get ad insights',
			},
		],
		default: 'get',
	},
	...get.description,
];
