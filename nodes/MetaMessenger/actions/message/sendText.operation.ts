import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { quickRepliesOf, quickRepliesProperty } from '../../../shared/messaging';
import { sendFromPage, sendTarget, TEXT_MAX_CHARACTERS, textOf } from '../../helpers/send';

const show = { resource: ['message'], operation: ['sendText'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The message text sent to the person, up to 2,000 characters',
		displayOptions: { show },
	},
	quickRepliesProperty(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const target = sendTarget(this, itemIndex);
	const text = textOf(this, itemIndex, 'text', 'Text', TEXT_MAX_CHARACTERS);
	const quickReplies = quickRepliesOf(this, itemIndex, 'Messenger');
	const json = await sendFromPage(this, itemIndex, target, { text, ...(quickReplies ? { quick_replies: quickReplies } : {}) });
	return [{ json, pairedItem: { item: itemIndex } }];
}
