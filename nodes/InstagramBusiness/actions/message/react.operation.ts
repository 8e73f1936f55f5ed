import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { recipientOf, sendToInstagram } from '../../helpers/messaging';
import { optionsCollection } from '../common';
import { readOptionalId, readOptionalText } from '../../../shared/parameters';

export const description: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID (mid) of the person’s message, from the Instagram Business Trigger',
		displayOptions: { show: { resource: ['message'], operation: ['react', 'removeReaction'] } },
	},
	{
		displayName: 'Reaction',
		name: 'reaction',
		type: 'string',
		default: 'love',
		description: 'The reaction to add (Instagram supports "love")',
		displayOptions: { show: { resource: ['message'], operation: ['react'] } },
	},
	optionsCollection('message', ['react', 'removeReaction', 'senderAction']),
];

/** React or remove the reaction: setting a state, so safe to repeat after a lost answer. */
export async function setReaction(this: IExecuteFunctions, itemIndex: number, add: boolean): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const recipient = recipientOf(call);
	const messageId = readOptionalId(this, 'messageId', itemIndex, 'Message ID');
	if (!messageId) throw new NodeOperationError(this.getNode(), 'Message ID is empty: use the mid of the person’s message', { itemIndex });
	const reaction = add ? readOptionalText(this, 'reaction', itemIndex, 'Reaction', 'love').trim() || 'love' : undefined;
	await sendToInstagram(
		call,
		accountId,
		{ recipient: { id: recipient }, sender_action: add ? 'react' : 'unreact', payload: { message_id: messageId, ...(reaction ? { reaction } : {}) } },
		true,
	);
	return [{ json: { recipientId: recipient, messageId, reaction: reaction ?? null }, pairedItem: { item: itemIndex } }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await setReaction.call(this, itemIndex, true);
}
