import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkLength, outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { readOptionalText } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendText'] };

export const description: INodeProperties[] = [
	{ displayName: 'Text', name: 'textBody', type: 'string', typeOptions: { rows: 4 }, default: '', required: true, description: 'The message text, up to 4,096 characters; URLs and WhatsApp formatting (*bold*, _italic_) are allowed', displayOptions: { show } },
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: { show },
	},
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const body = checkLength(this, readOptionalText(this, 'textBody', itemIndex, 'Text'), 'Text', 4096, itemIndex);
	return outgoing(this, itemIndex, 'text', { body, preview_url: this.getNodeParameter('previewUrl', itemIndex, false) as boolean });
}

export const execute = singleSend(build);
