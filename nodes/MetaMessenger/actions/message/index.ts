import type { INodeProperties } from 'n8n-workflow';
import { humanAgentOption } from '../../../shared/messaging';
import { leadLocator } from '../../../shared/webhooks/leads';
import * as sendButtons from './sendButtons.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendText from './sendText.operation';

export { sendButtons, sendMedia, sendText };

const ALL = ['sendText', 'sendMedia', 'sendButtons'];
const show = { resource: ['message'], operation: ALL };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Send Buttons', value: 'sendButtons', action: 'Send a message with buttons', description: 'Text with up to three buttons (button template)' },
			{ name: 'Send Media', value: 'sendMedia', action: 'Send an image video audio or file', description: 'An attachment by URL' },
			{ name: 'Send Text', value: 'sendText', action: 'Send a text message', description: 'Text, optionally with quick replies' },
		],
		default: 'sendText',
	},
	leadLocator('page', 'Page', 'searchPages', 'The Facebook Page the person wrote to; the message is sent as the Page, with its Page token', show),
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '7000000000000001',
		description: 'Page-scoped ID (PSID) of the person: the sender ID of their message in the Meta Trigger (Page → messages)',
		displayOptions: { show },
	},
	...sendText.description,
	...sendMedia.description,
	...sendButtons.description,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [humanAgentOption],
	},
];
