import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite, messageOf } from '../../helpers/comments';
import { accountIdOf, graphIdOf, instagramCall } from '../../helpers/context';
import { requireFacebookLogin } from '../../helpers/mentions';
import { messageProperty, optionsCollection } from '../common';

const show = { resource: ['mention'], operation: ['reply'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Mentioned In',
		name: 'mentionedIn',
		type: 'options',
		options: [
			{ name: 'A Caption', value: 'media', description: 'Someone mentioned the account in a post’s caption' },
			{ name: 'A Comment', value: 'comment', description: 'Someone mentioned the account in a comment' },
		],
		default: 'comment',
		description: 'Whether the account was mentioned in a post’s caption or in a comment (the trigger’s mention event says which)',
		displayOptions: { show },
	},
	{
		displayName: 'Mention ID',
		name: 'mentionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The media_id (caption) or comment_id (comment) of the mention',
		displayOptions: { show },
	},
	messageProperty('mention', ['reply'], 'Reply'),
	optionsCollection('mention', ['reply']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	requireFacebookLogin(call, 'Reply to a Mention');
	const mentionedIn = this.getNodeParameter('mentionedIn', itemIndex, 'comment') as string;
	const id = graphIdOf(call, 'mentionId', 'Mention ID');
	const text = messageOf(call, 'Reply');
	const answer = await commentWrite(call, 'POST', `${accountIdOf(call)}/mentions`, { [mentionedIn === 'media' ? 'media_id' : 'comment_id']: id, message: text }, false);
	return [{ json: { id: answer.id, mentionedIn, mentionId: id, text }, pairedItem: { item: itemIndex } }];
}
