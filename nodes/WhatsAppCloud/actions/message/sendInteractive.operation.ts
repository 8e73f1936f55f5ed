import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { checkLength, outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { readOptionalText, textValue } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendInteractive'] };
const showKind = (kind: string) => ({ show: { ...show, interactiveType: [kind] } });

export const description: INodeProperties[] = [
	{
		displayName: 'Interactive Type',
		name: 'interactiveType',
		type: 'options',
		default: 'button',
		description: 'Up to three reply buttons, a list to pick from, or one button that opens a URL',
		options: [
			{ name: 'Reply Buttons (Up to 3)', value: 'button' },
			{ name: 'List', value: 'list' },
			{ name: 'Call-to-Action URL Button', value: 'cta_url' },
		],
		displayOptions: { show },
	},
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Optional, up to 60 characters', displayOptions: { show } },
	{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'The message text above the buttons or list (up to 1,024 characters, 4,096 for a list)', displayOptions: { show } },
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Optional, up to 60 characters', displayOptions: { show } },
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Button',
		description: 'Up to 3 buttons with unique titles',
		displayOptions: showKind('button'),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Returned in the reply webhook (up to 256 characters)' },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The button label the person taps, up to 20 characters' },
				],
			},
		],
	},
	{ displayName: 'List Button Text', name: 'listButtonText', type: 'string', default: '', description: 'The button that opens the list (up to 20 characters)', displayOptions: showKind('list') },
	{
		displayName: 'Rows',
		name: 'listRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Row',
		description: 'Up to 10 rows; rows with the same section title are grouped in that section (up to 10 sections)',
		displayOptions: showKind('list'),
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{ displayName: 'Section Title', name: 'section', type: 'string', default: '', description: 'Up to 24 characters; required when there are several sections' },
					{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Returned in the reply webhook (up to 200 characters)' },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The row label the person picks, up to 24 characters' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Optional second line under the row title, up to 72 characters' },
				],
			},
		],
	},
	{ displayName: 'Button Text', name: 'ctaDisplayText', type: 'string', default: '', description: 'The label of the button that opens the URL, up to 20 characters', displayOptions: showKind('cta_url') },
	{ displayName: 'Button URL', name: 'ctaUrl', type: 'string', default: '', placeholder: 'https://example.com', description: 'The http(s) link the button opens', displayOptions: showKind('cta_url') },
];

function fail(ctx: IExecuteFunctions, message: string, itemIndex: number, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function replyButtons(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const buttons = ((ctx.getNodeParameter('replyButtons.button', itemIndex, []) as IDataObject[]) ?? []).map((b, n) => ({
		id: textValue(ctx.getNode(), b.id, `Button ${n + 1} ID`, itemIndex, { required: false }),
		title: textValue(ctx.getNode(), b.title, `Button ${n + 1} Title`, itemIndex, { required: false }),
	}));
	if (buttons.length < 1 || buttons.length > 3) fail(ctx, `"Buttons" has ${buttons.length} buttons; WhatsApp allows 1 to 3`, itemIndex, 'For more choices use a list.');
	const titles = new Set<string>();
	buttons.forEach((b, n) => {
		checkLength(ctx, b.id, `Button ${n + 1} ID`, 256, itemIndex);
		checkLength(ctx, b.title, `Button ${n + 1} Title`, 20, itemIndex);
		if (titles.has(b.title)) fail(ctx, `Button title "${b.title}" is used twice`, itemIndex, 'Button titles must be unique.');
		titles.add(b.title);
	});
	return { buttons: buttons.map((reply) => ({ type: 'reply', reply })) };
}

function listAction(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const button = checkLength(ctx, readOptionalText(ctx, 'listButtonText', itemIndex, 'List Button Text'), 'List Button Text', 20, itemIndex);
	const rows = (ctx.getNodeParameter('listRows.row', itemIndex, []) as IDataObject[]) ?? [];
	if (rows.length < 1 || rows.length > 10) fail(ctx, `"Rows" has ${rows.length} rows; a WhatsApp list has 1 to 10`, itemIndex);
	const sections = new Map<string, IDataObject[]>();
	rows.forEach((r, n) => {
		const text = (value: unknown, label: string) => textValue(ctx.getNode(), value, `Row ${n + 1} ${label}`, itemIndex, { required: false });
		const section = text(r.section, 'Section Title');
		const row: IDataObject = {
			id: checkLength(ctx, text(r.id, 'ID'), `Row ${n + 1} ID`, 200, itemIndex),
			title: checkLength(ctx, text(r.title, 'Title'), `Row ${n + 1} Title`, 24, itemIndex),
		};
		const description = text(r.description, 'Description');
		if (description) row.description = checkLength(ctx, description, `Row ${n + 1} Description`, 72, itemIndex);
		checkLength(ctx, section, `Row ${n + 1} Section Title`, 24, itemIndex, false);
		sections.set(section, [...(sections.get(section) ?? []), row]);
	});
	if (sections.size > 10) fail(ctx, `The list has ${sections.size} sections; WhatsApp allows 10`, itemIndex);
	if (sections.size > 1 && sections.has('')) fail(ctx, 'With several sections every row needs a "Section Title"', itemIndex);
	return { button, sections: [...sections].map(([title, sectionRows]) => ({ ...(title ? { title } : {}), rows: sectionRows })) };
}

function ctaAction(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const displayText = checkLength(ctx, readOptionalText(ctx, 'ctaDisplayText', itemIndex, 'Button Text'), 'Button Text', 20, itemIndex);
	const url = readOptionalText(ctx, 'ctaUrl', itemIndex, 'Button URL').trim();
	if (!/^https?:\/\/\S+$/i.test(url)) fail(ctx, `"Button URL" should be an http(s) URL, got "${url}"`, itemIndex);
	return { name: 'cta_url', parameters: { display_text: displayText, url } };
}

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const type = this.getNodeParameter('interactiveType', itemIndex) as string;
	const bodyText = checkLength(this, readOptionalText(this, 'bodyText', itemIndex, 'Body Text'), 'Body Text', type === 'list' ? 4096 : 1024, itemIndex);
	const headerText = checkLength(this, readOptionalText(this, 'headerText', itemIndex, 'Header Text'), 'Header Text', 60, itemIndex, false);
	const footerText = checkLength(this, readOptionalText(this, 'footerText', itemIndex, 'Footer Text'), 'Footer Text', 60, itemIndex, false);
	const action = type === 'button' ? replyButtons(this, itemIndex) : type === 'list' ? listAction(this, itemIndex) : ctaAction(this, itemIndex);
	const interactive: IDataObject = { type, body: { text: bodyText }, action };
	if (headerText) interactive.header = { type: 'text', text: headerText };
	if (footerText) interactive.footer = { text: footerText };
	return outgoing(this, itemIndex, 'interactive', interactive);
}

export const execute = singleSend(build);
