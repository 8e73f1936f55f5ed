import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphPaginate } from '../../../shared/pagination';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { requireFacebookLogin } from '../../helpers/mentions';
import { accountLocator, optionsCollection, returnAllAndLimit } from '../common';
import { readNumber } from '../../../shared/parameters';

const TAGGED_FIELDS = 'id,caption,media_type,media_url,permalink,timestamp,username,comments_count,like_count';

export const description: INodeProperties[] = [...returnAllAndLimit('mention', 'getTagged'), optionsCollection('mention', ['getTagged'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	requireFacebookLogin(call, 'Get Tagged Media');
	const media = await graphPaginate(
		this,
		call.layer,
		{ method: 'GET', path: `${accountIdOf(call)}/tags`, qs: { fields: TAGGED_FIELDS }, itemIndex },
		{ returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean, limit: readNumber(this, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50) },
	);
	return media.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

export const accountProperty = accountLocator('mention', ['getTagged', 'getMentionedMedia', 'getMentionedComment', 'reply']);
