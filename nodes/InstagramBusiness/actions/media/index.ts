import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getContainerStatus from './getContainerStatus.operation';
import * as getMany from './getMany.operation';
import * as getPublishingLimit from './getPublishingLimit.operation';
import * as publish from './publish.operation';
import * as publishContainer from './publishContainer.operation';

export { get, getContainerStatus, getMany, getPublishingLimit, publish, publishContainer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a post, reel or carousel', action: 'Get a media item' },
			{
				name: 'Get Container Status',
				value: 'getContainerStatus',
				description: 'Read whether a container is still processing, ready, published, failed or expired',
				action: 'Get a container status',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the account’s recent posts and reels', action: 'Get many media items' },
			{
				name: 'Get Publishing Limit',
				value: 'getPublishingLimit',
				description: 'How many posts the account may still publish in the rolling 24 hours, and when the quota frees up',
				action: 'Get the publishing limit',
			},
			{
				name: 'Publish',
				value: 'publish',
				description: 'Publish an image, reel, carousel or story; waits until Meta has processed it',
				action: 'Publish a media item',
			},
			{
				name: 'Publish Container',
				value: 'publishContainer',
				description: 'Publish a container created earlier without waiting',
				action: 'Publish a container',
			},
		],
		default: 'publish',
	},
	...publish.description,
	...publishContainer.description,
	...getContainerStatus.description,
	...get.description,
	...getMany.description,
	...getPublishingLimit.description,
];
