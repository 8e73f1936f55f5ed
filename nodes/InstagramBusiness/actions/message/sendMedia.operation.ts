import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { recipientOf, sendToInstagram, taggingOf } from '../../helpers/messaging';
import { validateMediaUrl } from '../../helpers/validation';
import { optionsCollection } from '../common';
import { humanAgentOption } from './shared';
import { readUrl } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendMedia'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'attachmentType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'AAC, M4A, WAV or MP4, up to 25 MB' },
			{ name: 'File', value: 'file', description: 'PDF, up to 25 MB' },
			{ name: 'Image', value: 'image', description: 'PNG or JPEG, up to 8 MB' },
			{ name: 'Video', value: 'video', description: 'MP4, OGG, AVI, MOV or WEBM, up to 25 MB' },
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
		description: 'Public URL Meta can download',
		displayOptions: { show },
	},
	optionsCollection('message', ['sendMedia', 'sendHeart'], [humanAgentOption]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const recipient = recipientOf(call);
	const type = this.getNodeParameter('attachmentType', itemIndex, 'image') as string;
	const url = validateMediaUrl(this.getNode(), 'Media URL', readUrl(this, 'mediaUrl', itemIndex, 'Media URL'), itemIndex);
	const answer = await sendToInstagram(call, accountId, { recipient: { id: recipient }, ...taggingOf(call), message: { attachment: { type, payload: { url } } } }, false);
	return [{ json: { recipientId: answer.recipient_id, messageId: answer.message_id }, pairedItem: { item: itemIndex } }];
}
