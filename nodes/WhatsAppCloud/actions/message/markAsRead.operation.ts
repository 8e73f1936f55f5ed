import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requiredPhoneNumberId, requireWamid } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { readId } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['markAsRead'] };

export const description: INodeProperties[] = [
	{ displayName: 'Message ID', name: 'readMessageId', type: 'string', default: '', required: true, placeholder: 'wamid.HBgL...', description: 'The received message to mark as read (earlier ones in the chat are marked too)', displayOptions: { show } },
	{
		displayName: 'Show Typing Indicator',
		name: 'typingIndicator',
		type: 'boolean',
		default: false,
		description: 'Whether the customer sees "typing…" until you reply or for up to 25 seconds',
		displayOptions: { show },
	},
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const messageId = requireWamid(this, readId(this, 'readMessageId', itemIndex, 'Message ID'), 'Message ID', itemIndex);
	const payload = { messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(this.getNodeParameter('typingIndicator', itemIndex, false) ? { typing_indicator: { type: 'text' } } : {}) };
	return { phoneNumberId: requiredPhoneNumberId(this, itemIndex), to: '', payload };
}

export const execute = singleSend(build);
