import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { recipientOf, sendToInstagram, taggingOf } from '../../helpers/messaging';

/** Shares Recipient ID and Options with Send Media. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const answer = await sendToInstagram(call, accountId, { recipient: { id: recipientOf(call) }, ...taggingOf(call), message: { attachment: { type: 'like_heart' } } }, false);
	return [{ json: { recipientId: answer.recipient_id, messageId: answer.message_id }, pairedItem: { item: itemIndex } }];
}
