import type { INodeProperties } from 'n8n-workflow';
import { contentProperties } from './content';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as edit from './edit.operation';
import * as get from './get.operation';
import * as getStatus from './getStatus.operation';
import * as list from './list.operation';

export { create, del as delete, edit, get, getStatus, list };

/** Template operations that change something on Meta: each runs once per item and execution (shared/idempotency). */
export const TEMPLATE_WRITES = ['template.create', 'template.edit', 'template.delete'];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Submit a new template (or a new language of one) for review', action: 'Create a template' },
			{ name: 'Delete', value: 'delete', description: 'Delete a template, one translation or all', action: 'Delete a template' },
			{ name: 'Edit', value: 'edit', description: "Replace a template's content; Meta reviews it again", action: 'Edit a template' },
			{ name: 'Get', value: 'get', description: "Get a template's translations with their components and status", action: 'Get a template' },
			{ name: 'Get Many', value: 'list', description: 'List templates, filtered by status, category, language or name', action: 'Get many templates' },
			{ name: 'Get Status', value: 'getStatus', description: "Get a template's review status, rejection reason and quality rating", action: 'Get a template status' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...getStatus.description,
	...create.description,
	...edit.description,
	...del.description,
	...contentProperties,
];
