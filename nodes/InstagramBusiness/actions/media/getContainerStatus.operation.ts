import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { readContainerStatus } from '../../helpers/api';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { optionsCollection } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Container ID',
		name: 'containerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '17889455560051444',
		description: 'The ID a Publish run returned when it did not wait',
		displayOptions: { show: { resource: ['media'], operation: ['getContainerStatus', 'publishContainer'] } },
	},
	optionsCollection('media', ['getContainerStatus']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const status = await readContainerStatus(call, graphIdOf(call, 'containerId', 'Container ID'));
	return [{ json: { containerId: status.id, statusCode: status.statusCode, status: status.status, readyToPublish: status.statusCode === 'FINISHED' }, pairedItem: { item: itemIndex } }];
}
