import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { graphRequest } from '../../../shared/request';
import { layerOf, locatorValue } from '../../helpers/graph';
import { mediaFileName } from '../../helpers/mediaFileName';
import { readId, readOptionalText, readText } from '../../../shared/parameters';

const show = { resource: ['media'], operation: ['download'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'downloadMediaId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID of the media, e.g. from an incoming image message (messages[0].image.ID)',
		displayOptions: { show },
	},
	{
		displayName: 'File Name',
		name: 'downloadFileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.document.filename }}',
		description:
			"Name of the downloaded file. Empty: the document's own name when the input item is the incoming message (its document.filename), otherwise whatsapp-(media ID) with the extension of its type.",
		displayOptions: { show },
	},
	{ displayName: 'Put Output File in Field', name: 'outputBinaryField', type: 'string', default: 'data', hint: 'The name of the output binary field to put the file in', description: 'The binary field of the output item that receives the downloaded file, e.g. data', displayOptions: { show } },
];

/** Media id → its short-lived URL → the file, as n8n binary data (n8n's built-in node stops at the URL). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	locatorValue(this, 'wabaId', itemIndex); // not needed for a download, but checked like every field
	const mediaId = readId(this, 'downloadMediaId', itemIndex, 'Media ID');
	const field = readText(this, 'outputBinaryField', itemIndex, 'Put Output File in Field').trim();
	const given = readOptionalText(this, 'downloadFileName', itemIndex, 'File Name');
	if (!/^\d+$/.test(mediaId)) {
		throw new NodeOperationError(this.getNode(), `"Media ID" should be digits, got "${mediaId}"`, { itemIndex, description: 'Map the id of the media from the incoming message.' });
	}
	const layer = layerOf(this, itemIndex);
	const info = (await graphRequest<IDataObject>(this, layer, { method: 'GET', path: mediaId, itemIndex })).body;
	const file = await graphRequest<Buffer>(this, layer, { method: 'GET', path: '', absoluteUrl: String(info.url), responseFormat: 'binary', itemIndex });
	const mimeType = String(info.mime_type ?? 'application/octet-stream');
	const fileName = mediaFileName(mediaId, mimeType, given, this.getInputData()[itemIndex]?.json ?? {});
	const binary = await this.helpers.prepareBinaryData(file.body, fileName, mimeType);
	const json: IDataObject = { ...info };
	delete json.url; // short-lived and useless without the token
	return [{ json, binary: { [field]: binary }, pairedItem: { item: itemIndex } }];
}
