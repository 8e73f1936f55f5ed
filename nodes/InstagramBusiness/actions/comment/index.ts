import type { INodeProperties } from 'n8n-workflow';
import { commentPickerHelpers } from '../common';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as hide from './hide.operation';
import * as reply from './reply.operation';
import * as setCommentsEnabled from './setCommentsEnabled.operation';
import * as unhide from './unhide.operation';

export { create, del, get, getMany, hide, reply, setCommentsEnabled, unhide };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['comment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Comment on one of the account’s media', action: 'Create a comment' },
			{ name: 'Delete', value: 'delete', description: 'Delete a comment on the account’s media', action: 'Delete a comment' },
			{ name: 'Get', value: 'get', description: 'Get a comment with its replies', action: 'Get a comment' },
			{ name: 'Get Many', value: 'getMany', description: 'List the comments on a media item', action: 'Get many comments' },
			{ name: 'Hide', value: 'hide', description: 'Hide a comment from everyone but its author', action: 'Hide a comment' },
			{ name: 'Reply', value: 'reply', description: 'Reply publicly to a comment', action: 'Reply to a comment' },
			{
				name: 'Turn Comments On or Off',
				value: 'setCommentsEnabled',
				description: 'Allow or stop new comments on a media item',
				action: 'Turn comments on or off',
			},
			{ name: 'Unhide', value: 'unhide', description: 'Show a hidden comment again', action: 'Unhide a comment' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...commentPickerHelpers('comment', ['get', 'reply', 'hide', 'unhide', 'delete']),
	...get.description,
	...create.description,
	...reply.description,
	...hide.description,
	...setCommentsEnabled.description,
];
