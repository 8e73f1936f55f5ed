import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';

/** Shares the Comment ID field of Hide. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const commentId = graphIdOf(call, 'commentId', 'Comment ID');
	// Only the media owner may delete, and deleting twice changes nothing: safe to repeat.
	await commentWrite(call, 'DELETE', commentId, {}, true);
	return [{ json: { commentId, deleted: true }, pairedItem: { item: itemIndex } }];
}
