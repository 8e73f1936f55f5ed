import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { outgoing, requireWamid } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { readId, readOptionalText } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendReaction'] };

export const description: INodeProperties[] = [
	{ displayName: 'Message ID', name: 'reactionMessageId', type: 'string', default: '', required: true, placeholder: 'wamid.HBgL...', description: 'The WhatsApp message ID (wamid.…) to react to, e.g. from the trigger’s incoming message', displayOptions: { show } },
	{ displayName: 'Emoji', name: 'emoji', type: 'string', default: '👍', description: 'Leave empty to remove an earlier reaction', displayOptions: { show } },
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const messageId = requireWamid(this, readId(this, 'reactionMessageId', itemIndex, 'Message ID'), 'Message ID', itemIndex);
	return outgoing(this, itemIndex, 'reaction', { message_id: messageId, emoji: readOptionalText(this, 'emoji', itemIndex, 'Emoji') });
}

export const execute = singleSend(build);
