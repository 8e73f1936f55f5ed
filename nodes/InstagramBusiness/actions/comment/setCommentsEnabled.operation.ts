import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { commentWrite } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { optionsCollection } from '../common';

/** The media picker is shared with Create. */
export const description: INodeProperties[] = [
	{
		displayName: 'Comments Enabled',
		name: 'commentsEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether people may comment on the media',
		displayOptions: { show: { resource: ['comment'], operation: ['setCommentsEnabled'] } },
	},
	optionsCollection('comment', ['setCommentsEnabled']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const mediaId = graphIdOf(call, 'media', 'Media');
	const enabled = this.getNodeParameter('commentsEnabled', itemIndex, false) as boolean;
	await commentWrite(call, 'POST', mediaId, { comment_enabled: enabled }, true);
	return [{ json: { mediaId, commentsEnabled: enabled }, pairedItem: { item: itemIndex } }];
}
