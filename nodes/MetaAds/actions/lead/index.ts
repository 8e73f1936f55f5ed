import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a lead\'s answers (email, full name, …) and its form\'s name',
				action: 'Get a lead',
			},
		],
		default: 'get',
	},
	...get.description,
];
