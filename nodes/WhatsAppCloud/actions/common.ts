import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MESSAGES_PER_SECOND, DEFAULT_PAIR_WAIT_SECONDS } from '../helpers/send';
import { skipDoneWritesOption } from '../../shared/descriptions/skipDoneWrites';

const digitsOnly = (what: string) => [{ type: 'regex' as const, properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `${what} is digits only` } }];

export const wabaLocator: INodeProperties = {
	displayName: 'WhatsApp Business Account',
	name: 'wabaId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The WhatsApp Business Account (WABA) that owns the phone number and the templates',
	displayOptions: { hide: { resource: ['setup'] } },
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchAccounts', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 102290129340398', validation: digitsOnly('A WhatsApp Business Account ID') },
	],
};

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Sender Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The business phone number that sends (its phone number ID, not the number itself)',
	displayOptions: { show: { resource: ['message', 'media'] }, hide: { operation: ['download'] } },
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 106540352242922', validation: digitsOnly('A phone number ID') },
	],
};

/** Operations that send to a recipient (all message operations but mark as read). */
export const RECIPIENT_OPERATIONS = ['sendTemplate', 'sendText', 'sendMedia', 'sendInteractive', 'sendReaction', 'sendLocation', 'sendContacts', 'sendAndWait'];

export const recipientProperty: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +49 151 12345678 or US.13491208655302741918',
	description:
		"Recipient phone number in international form (country code first), the WhatsApp ID from an incoming message, or the person's WhatsApp user ID (the trigger's userId: people with a username may share no number). A number is sent with a +, so WhatsApp never puts your business number's country code in front.",
	displayOptions: { show: { resource: ['message'], operation: RECIPIENT_OPERATIONS } },
};

export const sendOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'sendOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			displayName: 'Reply To Message ID',
			name: 'replyToMessageId',
			type: 'string',
			default: '',
			placeholder: 'wamid.HBgL...',
			description: 'Send as a reply quoting this received message (its wamid)',
		},
		{
			displayName: 'Callback Data',
			name: 'bizOpaqueCallbackData',
			type: 'string',
			default: '',
			description: 'Text WhatsApp echoes back in the status webhooks of this message, e.g. a campaign or order ID',
		},
		{
			displayName: 'Messages per Second',
			name: 'messagesPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: DEFAULT_MESSAGES_PER_SECOND,
			description:
				"Highest sending rate across all input items; never exceeded. 80 is a phone number's default throughput. When WhatsApp says it is too fast, the node slows down and carries on.",
		},
		{
			displayName: 'Wait After Too Many to One Person (Seconds)',
			name: 'pairWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_PAIR_WAIT_SECONDS,
			description: 'When WhatsApp refuses a message because one person got too many too fast, wait this long (doubling each time) before sending it again',
		},
		skipDoneWritesOption('message'),
	],
};
