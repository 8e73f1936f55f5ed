import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphPaginate } from '../../../shared/pagination';
import { COMMENT_FIELDS, flattenReplies, REPLY_FIELDS } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { accountLocator, mediaLocator, optionsCollection, returnAllAndLimit } from '../common';
import { readNumber } from '../../../shared/parameters';

export const description: INodeProperties[] = [
	{ ...accountLocator('comment', ['getMany']), required: false, description: 'Only used to list media to pick from' },
	mediaLocator('comment', ['getMany']),
	...returnAllAndLimit('comment', 'getMany'),
	optionsCollection('comment', ['getMany'], [
		{ displayName: 'Include Replies', name: 'includeReplies', type: 'boolean', default: false, description: 'Whether to add each comment’s replies' },
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const mediaId = graphIdOf(call, 'media', 'Media');
	const includeReplies = this.getNodeParameter('options.includeReplies', itemIndex, false) as boolean;
	const fields = includeReplies ? `${COMMENT_FIELDS},replies{${REPLY_FIELDS}}` : COMMENT_FIELDS;
	const comments = await graphPaginate(
		this,
		call.layer,
		{ method: 'GET', path: `${mediaId}/comments`, qs: { fields }, itemIndex },
		// Meta serves at most 50 comments a page (reference §4.1).
		{ returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean, limit: readNumber(this, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50), pageSize: 50 },
	);
	return comments.map((comment) => ({ json: flattenReplies(comment), pairedItem: { item: itemIndex } }));
}
