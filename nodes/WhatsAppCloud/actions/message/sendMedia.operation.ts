import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkLength, outgoing, requiredPhoneNumberId } from '../../helpers/envelope';
import { layerOf } from '../../helpers/graph';
import { mediaResolver, type MediaSource } from '../../helpers/media';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import type { MediaKind } from '../../helpers/templateMessage';
import { readOptionalText } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendMedia'] };

export const mediaSourceProperty: INodeProperties = {
	displayName: 'Media Source',
	name: 'mediaSource',
	type: 'options',
	default: 'url',
	description: 'Where the file comes from: a public link, media already uploaded to WhatsApp, or a binary field of the item',
	options: [
		{ name: 'URL', value: 'url', description: 'A public http(s) link to the file' },
		{ name: 'Media ID', value: 'id', description: 'The ID of media already uploaded to WhatsApp' },
		{ name: 'Binary Data', value: 'binary', description: 'A binary field of the input item; it is uploaded first' },
	],
};

export const description: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		default: 'image',
		description: 'The kind of file to send; it must match the file (WhatsApp checks the MIME type)',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Sticker', value: 'sticker' },
			{ name: 'Video', value: 'video' },
		],
		displayOptions: { show },
	},
	{ ...mediaSourceProperty, displayOptions: { show } },
	{ displayName: 'Media URL', name: 'mediaUrl', type: 'string', default: '', placeholder: 'https://example.com/photo.jpg', description: 'A public http(s) link WhatsApp downloads the file from', displayOptions: { show: { ...show, mediaSource: ['url'] } } },
	{ displayName: 'Media ID', name: 'mediaId', type: 'string', default: '', description: 'The ID returned by Media → Upload (or by an incoming media message) for this phone number', displayOptions: { show: { ...show, mediaSource: ['id'] } } },
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		displayOptions: { show: { ...show, mediaSource: ['binary'] } },
		description: 'The binary field of the input item that holds the file, e.g. data',
	},
	{ displayName: 'Caption', name: 'caption', type: 'string', default: '', description: 'Text shown under the image, video or document, up to 1,024 characters', displayOptions: { show: { ...show, mediaType: ['image', 'video', 'document'] } } },
	{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'The document’s file name as the recipient sees it, e.g. invoice.pdf', displayOptions: { show: { ...show, mediaType: ['document'] } } },
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const kind = this.getNodeParameter('mediaType', itemIndex) as MediaKind;
	const source = this.getNodeParameter('mediaSource', itemIndex) as MediaSource;
	const field = source === 'url' ? 'mediaUrl' : source === 'id' ? 'mediaId' : 'binaryPropertyName';
	const label = source === 'url' ? 'Media URL' : source === 'id' ? 'Media ID' : 'Input Binary Field';
	const value = readOptionalText(this, field, itemIndex, label).trim();
	const content: IDataObject = {};
	if (['image', 'video', 'document'].includes(kind)) {
		const caption = checkLength(this, readOptionalText(this, 'caption', itemIndex, 'Caption'), 'Caption', 1024, itemIndex, false);
		if (caption) content.caption = caption;
	}
	if (kind === 'document') {
		const fileName = readOptionalText(this, 'fileName', itemIndex, 'File Name').trim();
		if (fileName) content.filename = fileName;
	}
	const message = outgoing(this, itemIndex, kind, content);
	const media = await mediaResolver(this, layerOf(this, itemIndex), requiredPhoneNumberId(this, itemIndex), source, itemIndex)(kind, value, label);
	message.payload[kind] = { ...media, ...content };
	return message;
}

export const execute = singleSend(build);
