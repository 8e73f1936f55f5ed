import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { readPublishingQuota } from '../../helpers/quota';
import { accountLocator, optionsCollection } from '../common';

export const description: INodeProperties[] = [
	accountLocator('media', ['getPublishingLimit']),
	optionsCollection('media', ['getPublishingLimit']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const quota = await readPublishingQuota(call, accountIdOf(call));
	return [{ json: { ...quota }, pairedItem: { item: itemIndex } }];
}
