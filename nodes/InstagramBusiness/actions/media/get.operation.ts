import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { readMedia } from '../../helpers/api';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { mediaLocator, optionsCollection, accountLocator } from '../common';

export const description: INodeProperties[] = [
	{ ...accountLocator('media', ['get']), required: false, description: 'Only used to list media to pick from' },
	mediaLocator('media', ['get']),
	optionsCollection('media', ['get']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const media = await readMedia(call, graphIdOf(call, 'media', 'Media'));
	return [{ json: media, pairedItem: { item: itemIndex } }];
}
