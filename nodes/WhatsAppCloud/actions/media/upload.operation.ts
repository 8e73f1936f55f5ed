import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { requiredPhoneNumberId } from '../../helpers/envelope';
import { layerOf } from '../../helpers/graph';
import { uploadBinary } from '../../helpers/media';
import { readText } from '../../../shared/parameters';

const show = { resource: ['media'], operation: ['upload'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
		description: 'The binary field of the input item that holds the file to upload, e.g. data',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const field = readText(this, 'binaryPropertyName', itemIndex, 'Input Binary Field').trim();
	const id = await uploadBinary(this, layerOf(this, itemIndex), requiredPhoneNumberId(this, itemIndex), itemIndex, field);
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	return [{ json: { id, mimeType: binary.mimeType, fileName: binary.fileName ?? null }, pairedItem: { item: itemIndex } }];
}
