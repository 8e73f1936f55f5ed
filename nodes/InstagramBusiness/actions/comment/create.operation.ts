import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite, messageOf } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { accountLocator, mediaLocator, messageProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [
	{ ...accountLocator('comment', ['create', 'setCommentsEnabled']), required: false, description: 'Only used to list media to pick from' },
	mediaLocator('comment', ['create', 'setCommentsEnabled']),
	messageProperty('comment', ['create'], 'Comment'),
	optionsCollection('comment', ['create']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const mediaId = graphIdOf(call, 'media', 'Media');
	const text = messageOf(call, 'Comment');
	const answer = await commentWrite(call, 'POST', `${mediaId}/comments`, { message: text }, false);
	return [{ json: { id: answer.id, mediaId, text }, pairedItem: { item: itemIndex } }];
}
