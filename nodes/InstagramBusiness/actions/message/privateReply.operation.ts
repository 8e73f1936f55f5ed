import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, graphIdOf, instagramCall } from '../../helpers/context';
import { sendToInstagram, textOf } from '../../helpers/messaging';
import { commentIdProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [
	commentIdProperty('message', ['privateReply'], 'The comment to answer in a DM: one private reply per comment, within 7 days of it'),
	optionsCollection('message', ['privateReply']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const commentId = graphIdOf(call, 'commentId', 'Comment ID');
	const text = textOf(call);
	const answer = await sendToInstagram(call, accountId, { recipient: { comment_id: commentId }, message: { text } }, false);
	// The answer names the commenter's IGSID: the Recipient ID for later messages, once they reply.
	return [{ json: { recipientId: answer.recipient_id, messageId: answer.message_id, commentId }, pairedItem: { item: itemIndex } }];
}
