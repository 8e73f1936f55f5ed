import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphPaginate } from '../../../shared/pagination';
import { MEDIA_FIELDS } from '../../helpers/api';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { accountLocator, optionsCollection, returnAllAndLimit } from '../common';
import { readNumber } from '../../../shared/parameters';

export const description: INodeProperties[] = [
	accountLocator('media', ['getMany']),
	...returnAllAndLimit('media', 'getMany'),
	optionsCollection('media', ['getMany'], [
		{
			displayName: 'Stories Instead',
			name: 'stories',
			type: 'boolean',
			default: false,
			description: 'Whether to list the account’s current stories (Meta lists them apart from feed posts and reels)',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = readNumber(this, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50);
	const stories = this.getNodeParameter('options.stories', itemIndex, false) as boolean;
	const media = await graphPaginate(
		this,
		call.layer,
		{ method: 'GET', path: `${accountId}/${stories ? 'stories' : 'media'}`, qs: { fields: MEDIA_FIELDS }, itemIndex },
		{ returnAll, limit },
	);
	return media.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
