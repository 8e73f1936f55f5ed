import type { INodeProperties } from 'n8n-workflow';
import * as getMentionedComment from './getMentionedComment.operation';
import * as getMentionedMedia from './getMentionedMedia.operation';
import * as getTagged from './getTagged.operation';
import * as reply from './reply.operation';

export { getMentionedComment, getMentionedMedia, getTagged, reply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mention'] } },
		options: [
			{ name: 'Get Mentioned Comment', value: 'getMentionedComment', description: 'Read a comment that @mentions the account', action: 'Get a mentioned comment' },
			{ name: 'Get Mentioned Media', value: 'getMentionedMedia', description: 'Read a post whose caption @mentions the account', action: 'Get a mentioned media item' },
			{ name: 'Get Tagged Media', value: 'getTagged', description: 'List posts the account is tagged in', action: 'Get tagged media' },
			{ name: 'Reply', value: 'reply', description: 'Reply in the thread of a caption or comment mention', action: 'Reply to a mention' },
		],
		default: 'getTagged',
	},
	getTagged.accountProperty,
	...getTagged.description,
	...getMentionedMedia.description,
	...getMentionedComment.description,
	...reply.description,
];
