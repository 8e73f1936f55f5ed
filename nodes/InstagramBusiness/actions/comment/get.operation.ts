import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphRequest } from '../../../shared/request';
import { COMMENT_FIELDS, flattenReplies, REPLY_FIELDS } from '../../helpers/comments';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { commentIdProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [commentIdProperty('comment', ['get']), optionsCollection('comment', ['get'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const { body } = await graphRequest<IDataObject>(this, call.layer, {
		method: 'GET',
		path: graphIdOf(call, 'commentId', 'Comment ID'),
		qs: { fields: `${COMMENT_FIELDS},replies{${REPLY_FIELDS}}` },
		itemIndex,
	});
	return [{ json: flattenReplies(body), pairedItem: { item: itemIndex } }];
}
