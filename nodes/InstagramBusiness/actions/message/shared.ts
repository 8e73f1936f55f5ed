import type { INodeProperties } from 'n8n-workflow';
import { accountLocator } from '../common';

/** Shared with Messenger (nodes/shared/messaging.ts). */
export { humanAgentOption } from '../../../shared/messaging';

const ALL = ['sendText', 'sendMedia', 'sendHeart', 'react', 'removeReaction', 'senderAction', 'privateReply'];
const TO_PERSON = ['sendText', 'sendMedia', 'sendHeart', 'react', 'removeReaction', 'senderAction'];

export const messageCommonProperties: INodeProperties[] = [
	accountLocator('message', ALL),
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '27000000000000777',
		description: 'Instagram-scoped ID of the person (the sender ID of their message in the Instagram Business Trigger)',
		displayOptions: { show: { resource: ['message'], operation: TO_PERSON } },
	},
];
