import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { commentIdProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [commentIdProperty('comment', ['hide', 'unhide', 'delete']), optionsCollection('comment', ['hide', 'unhide', 'delete'])];

/** Hide or show again (reference §4.1): setting a state, so safe to repeat after a lost answer. */
export async function setHidden(this: IExecuteFunctions, itemIndex: number, hidden: boolean): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const commentId = graphIdOf(call, 'commentId', 'Comment ID');
	await commentWrite(call, 'POST', commentId, { hide: hidden }, true);
	return [{ json: { commentId, hidden, success: true }, pairedItem: { item: itemIndex } }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await setHidden.call(this, itemIndex, true);
}
