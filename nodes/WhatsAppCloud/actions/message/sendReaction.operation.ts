import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { outgoing, requireWamid } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';

const show = { resource: ['message'], operation: ['sendReaction'] };

export const description: INodeProperties[] = [
	{ displayName: 'Message ID', name: 'reactionMessageId', type: 'string', default: '', required: true, placeholder: 'wamid.HBgL...', description: 'The message to react to', displayOptions: { show } },
	{ displayName: 'Emoji', name: 'emoji', type: 'string', default: '👍', description: 'Leave empty to remove an earlier reaction', displayOptions: { show } },
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const messageId = requireWamid(this, this.getNodeParameter('reactionMessageId', itemIndex), 'Message ID', itemIndex);
	return outgoing(this, itemIndex, 'reaction', { message_id: messageId, emoji: String(this.getNodeParameter('emoji', itemIndex, '')) });
}

export const execute = singleSend(build);
