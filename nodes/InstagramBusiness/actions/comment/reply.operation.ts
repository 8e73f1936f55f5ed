import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite, messageOf } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { commentIdProperty, messageProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [
	commentIdProperty('comment', ['reply']),
	messageProperty('comment', ['reply'], 'Reply'),
	optionsCollection('comment', ['reply']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const commentId = graphIdOf(call, 'commentId', 'Comment ID');
	const text = messageOf(call, 'Reply');
	const answer = await commentWrite(call, 'POST', `${commentId}/replies`, { message: text }, false);
	return [{ json: { id: answer.id, parentId: commentId, text }, pairedItem: { item: itemIndex } }];
}
