import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readUrl } from '../../../shared/parameters';
import { sendFromPage, sendTarget } from '../../helpers/send';

const show = { resource: ['message'], operation: ['sendMedia'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'attachmentType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file', description: 'Any document, e.g. a PDF' },
			{ name: 'Image', value: 'image', description: 'JPG, PNG or GIF' },
			{ name: 'Video', value: 'video' },
		],
		default: 'image',
		description: 'The kind of file at the Media URL; it must match the file',
		displayOptions: { show },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		description: 'Public HTTPS URL Meta can download',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const target = sendTarget(this, itemIndex);
	const type = this.getNodeParameter('attachmentType', itemIndex, 'image') as string;
	const url = readUrl(this, 'mediaUrl', itemIndex, 'Media URL');
	if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(url)) {
		throw new NodeOperationError(this.getNode(), `Media URL "${url}" is not a web address: enter a public URL such as https://example.com/photo.jpg`, { itemIndex });
	}
	const json = await sendFromPage(this, itemIndex, target, { attachment: { type, payload: { url } } });
	return [{ json, pairedItem: { item: itemIndex } }];
}
