import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall, type InstagramCall } from '../../helpers/context';
import { QUICK_REPLIES_MAX, QUICK_REPLY_TITLE_MAX, recipientOf, sendToInstagram, taggingOf, textOf } from '../../helpers/messaging';
import { humanAgentOption } from './shared';
import { optionsCollection } from '../common';
import { textValue } from '../../../shared/parameters';

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
	{
		displayName: 'Quick Replies',
		name: 'quickReplies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Quick Reply',
		description: 'Up to 13 buttons the person can tap to answer (shown on phones)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Quick Reply',
				name: 'reply',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Button text, at most 20 characters' },
					{ displayName: 'Payload', name: 'payload', type: 'string', default: '', description: 'Sent back to your webhook when tapped' },
				],
			},
		],
	},
	optionsCollection('message', ['sendText'], [humanAgentOption]),
];

function quickRepliesOf(call: InstagramCall): IDataObject[] | undefined {
	const replies = ((call.ctx.getNodeParameter('quickReplies', call.itemIndex, {}) as IDataObject).reply ?? []) as IDataObject[];
	if (!replies.length) return undefined;
	const refuse = (message: string) => new NodeOperationError(call.ctx.getNode(), message, { itemIndex: call.itemIndex });
	if (replies.length > QUICK_REPLIES_MAX) throw refuse(`Quick Replies has ${replies.length} buttons: Instagram shows at most ${QUICK_REPLIES_MAX}; remove ${replies.length - QUICK_REPLIES_MAX}`);
	return replies.map((reply, index) => {
		const title = textValue(call.ctx.getNode(), reply.title, `Quick reply ${index + 1} title`, call.itemIndex, { required: false }).trim();
		if (!title) throw refuse(`Quick reply ${index + 1} has no title: enter the button text`);
		if ([...title].length > QUICK_REPLY_TITLE_MAX) throw refuse(`Quick reply title "${title}" is ${[...title].length} characters: at most ${QUICK_REPLY_TITLE_MAX} (Instagram would cut it)`);
		return { content_type: 'text', title, payload: textValue(call.ctx.getNode(), reply.payload, `Quick reply ${index + 1} payload`, call.itemIndex, { required: false }) || title };
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const recipient = recipientOf(call);
	const text = textOf(call);
	const quickReplies = quickRepliesOf(call);
	const answer = await sendToInstagram(
		call,
		accountId,
		{ recipient: { id: recipient }, ...taggingOf(call), message: { text, ...(quickReplies ? { quick_replies: quickReplies } : {}) } },
		false,
	);
	return [{ json: { recipientId: answer.recipient_id, messageId: answer.message_id }, pairedItem: { item: itemIndex } }];
}
