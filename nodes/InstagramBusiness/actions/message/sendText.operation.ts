import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { recipientOf, sendToInstagram, taggingOf, textOf } from '../../helpers/messaging';
import { humanAgentOption } from './shared';
import { optionsCollection } from '../common';
import { quickRepliesOf, quickRepliesProperty } from '../../../shared/messaging';

const show = { resource: ['message'], operation: ['sendText'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'Up to 1,000 bytes (UTF-8)',
		displayOptions: { show: { resource: ['message'], operation: ['sendText', 'privateReply'] } },
	},
	quickRepliesProperty(show),
	optionsCollection('message', ['sendText'], [humanAgentOption]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const recipient = recipientOf(call);
	const text = textOf(call);
	const quickReplies = quickRepliesOf(this, itemIndex, 'Instagram');
	const answer = await sendToInstagram(
		call,
		accountId,
		{ recipient: { id: recipient }, ...taggingOf(call), message: { text, ...(quickReplies ? { quick_replies: quickReplies } : {}) } },
		false,
	);
	return [{ json: { recipientId: answer.recipient_id, messageId: answer.message_id }, pairedItem: { item: itemIndex } }];
}
