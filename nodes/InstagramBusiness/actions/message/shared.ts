import type { INodeProperties } from 'n8n-workflow';
import { accountLocator } from '../common';

export const humanAgentOption: INodeProperties = {
	displayName: 'Human Agent',
	name: 'humanAgent',
	type: 'boolean',
	default: false,
	description:
		'Whether a person (not an automation) is answering: sends with the HUMAN_AGENT tag, allowed up to 7 days after the person’s last message. Only for Meta apps with the Human Agent feature approved in App Review (most apps do not have it); Meta refuses the tag otherwise.',
};

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
