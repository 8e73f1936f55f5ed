import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { textValue } from '../../../shared/parameters';
import { sendFromPage, sendTarget, textOf } from '../../helpers/send';

const show = { resource: ['message'], operation: ['sendButtons'] };

/** Button template limits (Messenger's button-template and buttons pages). */
const TEXT_MAX = 640;
const BUTTONS_MAX = 3;
const TITLE_MAX = 20;
const PAYLOAD_MAX = 1000;

export const description: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'buttonText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		description: 'Shown above the buttons, up to 640 characters',
		displayOptions: { show },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Button',
		description: 'One to three buttons',
		displayOptions: { show },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Payload',
						name: 'payload',
						type: 'string',
						default: '',
						description: 'Sent to your webhook (messaging_postbacks) when tapped',
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: '+16505551234',
						description: 'For Call a Number: the number to call, starting with + and the country code',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Button text, at most 20 characters',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{
								name: 'Call a Number',
								value: 'phone_number',
							},
							{
								name: 'Open a Web Page',
								value: 'web_url',
							},
							{
								name: 'Send Back to the Webhook (Postback)',
								value: 'postback',
							},
						],
						default: 'postback',
						description: 'What the button does when tapped: call a number, open a web page, or send its payload to your webhook',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/page',
						description: 'For Open a Web Page: the http(s) address the button opens',
					},
			],
			},
		],
	},
];

function buttonsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const node = ctx.getNode();
	const refuse = (message: string) => new NodeOperationError(node, message, { itemIndex });
	const buttons = ((ctx.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button ?? []) as IDataObject[];
	if (buttons.length === 0 || buttons.length > BUTTONS_MAX) throw refuse(`Buttons has ${buttons.length} buttons: a button message takes 1 to ${BUTTONS_MAX}`);
	return buttons.map((button, index) => {
		const label = `Button ${index + 1}`;
		const title = textValue(node, button.title, `${label} title`, itemIndex).trim();
		if ([...title].length > TITLE_MAX) throw refuse(`${label} title "${title}" is ${[...title].length} characters: at most ${TITLE_MAX}`);
		const type = String(button.type ?? 'postback');
		if (type === 'web_url') {
			const url = textValue(node, button.url, `${label} URL`, itemIndex).trim();
			if (!/^https?:\/\/\S+$/.test(url)) throw refuse(`${label} URL "${url}" is not a web address`);
			return { type, title, url };
		}
		if (type === 'phone_number') {
			const phone = textValue(node, button.phoneNumber, `${label} phone number`, itemIndex).replace(/[\s()-]/g, '');
			if (!/^\+\d{7,15}$/.test(phone)) throw refuse(`${label} phone number "${String(button.phoneNumber)}" must start with + and the country code, e.g. +16505551234`);
			return { type, title, payload: phone };
		}
		const payload = textValue(node, button.payload, `${label} payload`, itemIndex, { required: false }) || title;
		if ([...payload].length > PAYLOAD_MAX) throw refuse(`${label} payload is ${[...payload].length} characters: at most ${PAYLOAD_MAX}`);
		return { type: 'postback', title, payload };
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const target = sendTarget(this, itemIndex);
	const text = textOf(this, itemIndex, 'buttonText', 'Text', TEXT_MAX);
	const buttons = buttonsOf(this, itemIndex);
	const json = await sendFromPage(this, itemIndex, target, { attachment: { type: 'template', payload: { template_type: 'button', text, buttons } } });
	return [{ json, pairedItem: { item: itemIndex } }];
}
