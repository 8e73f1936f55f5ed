import { SEND_AND_WAIT_OPERATION, type INodeProperties } from 'n8n-workflow';
import type { BuildMessage } from '../../helpers/send';
import { phoneNumberLocator, recipientProperty, sendOptionsProperty } from '../common';
import * as markAsRead from './markAsRead.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendReaction from './sendReaction.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';

export { markAsRead, sendAndWait, sendContacts, sendInteractive, sendLocation, sendMedia, sendReaction, sendTemplate, sendText };

/** How each message operation builds its message; the router sends them all, paced. */
export const builders: Record<string, BuildMessage> = {
	sendTemplate: sendTemplate.build,
	sendText: sendText.build,
	sendMedia: sendMedia.build,
	sendInteractive: sendInteractive.build,
	sendReaction: sendReaction.build,
	sendLocation: sendLocation.build,
	sendContacts: sendContacts.build,
	markAsRead: markAsRead.build,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Mark as Read', value: 'markAsRead', description: 'Mark a received message as read, optionally showing "typing…"', action: 'Mark a message as read' },
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT_OPERATION,
				description: 'Send a message with approve/decline (or free-text) links and wait until the person answers',
				action: 'Send a message and wait for a response',
			},
			{ name: 'Send Contacts', value: 'sendContacts', description: 'Send one or more contact cards', action: 'Send contacts' },
			{ name: 'Send Interactive', value: 'sendInteractive', description: 'Send reply buttons, a list or a call-to-action URL button', action: 'Send an interactive message' },
			{ name: 'Send Location', value: 'sendLocation', description: 'Send a map location', action: 'Send a location' },
			{ name: 'Send Media', value: 'sendMedia', description: 'Send an image, video, audio, document or sticker', action: 'Send media' },
			{ name: 'Send Reaction', value: 'sendReaction', description: 'React to a message with an emoji', action: 'Send a reaction' },
			{ name: 'Send Template', value: 'sendTemplate', description: 'Send an approved template, also outside the 24-hour window', action: 'Send a template' },
			{ name: 'Send Text', value: 'sendText', description: 'Send a text message (inside the 24-hour window)', action: 'Send a text message' },
		],
		default: 'sendTemplate',
	},
	phoneNumberLocator,
	recipientProperty,
	...sendTemplate.description,
	...sendText.description,
	...sendMedia.description,
	...sendInteractive.description,
	...sendReaction.description,
	...sendLocation.description,
	...sendContacts.description,
	...markAsRead.description,
	...sendAndWait.description,
	sendOptionsProperty,
];
