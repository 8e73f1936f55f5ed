import type { INodeProperties } from 'n8n-workflow';
import * as privateReply from './privateReply.operation';
import * as react from './react.operation';
import * as removeReaction from './removeReaction.operation';
import * as sendHeart from './sendHeart.operation';
import * as sendMedia from './sendMedia.operation';
import * as senderAction from './senderAction.operation';
import * as sendText from './sendText.operation';
import { messageCommonProperties } from './shared';
import { commentPickerHelpers } from '../common';

export { privateReply, react, removeReaction, sendHeart, sendMedia, senderAction, sendText };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Private Reply to Comment', value: 'privateReply', description: 'Answer a comment in a DM (once per comment, within 7 days)', action: 'Send a private reply to a comment' },
			{ name: 'React', value: 'react', description: 'React to a person’s message', action: 'React to a message' },
			{ name: 'Remove Reaction', value: 'removeReaction', description: 'Remove the account’s reaction from a message', action: 'Remove a reaction' },
			{ name: 'Send Heart', value: 'sendHeart', description: 'Send the heart sticker', action: 'Send a heart sticker' },
			{ name: 'Send Media', value: 'sendMedia', description: 'Send an image, video, audio or file by URL', action: 'Send a media message' },
			{ name: 'Send Text', value: 'sendText', description: 'Send a text, with quick replies if wanted', action: 'Send a text message' },
			{ name: 'Show Typing or Seen', value: 'senderAction', description: 'Show “typing…” or mark the conversation as seen', action: 'Show typing or seen' },
		],
		default: 'sendText',
	},
	...messageCommonProperties,
	...sendText.description,
	...sendMedia.description,
	...react.description,
	...senderAction.description,
	...commentPickerHelpers('message', ['privateReply'], false),
	...privateReply.description,
];
