import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as list from './list.operation';

export { get, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Get', value: 'get', description: "Get a template's translations with their components and status", action: 'Get a template' },
			{ name: 'Get Many', value: 'list', description: 'List templates, filtered by status, category, language or name', action: 'Get many templates' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
];
