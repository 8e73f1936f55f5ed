import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, graphIdOf, instagramCall } from '../../helpers/context';
import { publishContainerSafely, publishedJson } from '../../helpers/safePublish';
import { waitForContainers, waitOptionsOf } from '../../helpers/waitForContainers';
import { accountLocator, retryWaitOption, waitOptions } from '../common';

export const description: INodeProperties[] = [
	accountLocator('media', ['publishContainer']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['media'], operation: ['publishContainer'] } },
		options: [
			{
				displayName: 'Is Story',
				name: 'isStory',
				type: 'boolean',
				default: false,
				description: 'Whether the container is a story (used to find the post if Meta’s answer is lost)',
			},
			...waitOptions,
			retryWaitOption,
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const containerId = graphIdOf(call, 'containerId', 'Container ID');
	const isStory = this.getNodeParameter('options.isStory', itemIndex, false) as boolean;
	const wait = waitOptionsOf(call);
	const started = Date.now();
	const ready = await waitForContainers(call, [containerId], wait);
	if (ready.statuses[0]?.statusCode === 'PUBLISHED') {
		return [{ json: { published: true, alreadyPublished: true, id: null, containerId, statusChecks: ready.statusChecks }, pairedItem: { item: itemIndex } }];
	}
	const outcome = await publishContainerSafely(call, accountId, containerId, isStory ? 'stories' : 'media', wait);
	const json = await publishedJson(call, outcome, {
		containerId,
		waitedMs: Date.now() - started,
		statusChecks: ready.statusChecks + outcome.extraStatusChecks,
	});
	return [{ json, pairedItem: { item: itemIndex } }];
}
