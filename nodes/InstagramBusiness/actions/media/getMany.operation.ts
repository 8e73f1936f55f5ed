import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphPaginate } from '../../../shared/pagination';
import { MEDIA_FIELDS } from '../../helpers/api';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { accountLocator, retryWaitOption } from '../common';

const show = { resource: ['media'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	accountLocator('media', ['getMany']),
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Stories Instead',
				name: 'stories',
				type: 'boolean',
				default: false,
				description: 'Whether to list the account’s current stories (Meta lists them apart from feed posts and reels)',
			},
			retryWaitOption,
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const stories = this.getNodeParameter('options.stories', itemIndex, false) as boolean;
	const media = await graphPaginate(
		this,
		call.layer,
		{ method: 'GET', path: `${accountId}/${stories ? 'stories' : 'media'}`, qs: { fields: MEDIA_FIELDS }, itemIndex },
		{ returnAll, limit },
	);
	return media.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
