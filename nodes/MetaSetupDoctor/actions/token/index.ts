import type { INodeProperties } from 'n8n-workflow';
import * as check from './check.operation';

export { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['token'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Check the token and the Meta setup behind it: permissions, Pages, Instagram accounts, WhatsApp numbers, ad accounts, app and webhooks',
				action: 'Check the token',
			},
		],
		default: 'check',
	},
	...check.description,
];
