import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readOptionalText } from '../../../shared/parameters';
import { templateComponents, type TemplateForm } from '../../helpers/templateDefinition';

/** The content of a template as the create and edit forms ask for it (every kind the send form fills in). */
const show = { resource: ['template'], operation: ['create', 'edit'] };
const fields = { ...show, contentSource: ['fields'] };

export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Define Content',
		name: 'contentSource',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'Header, body, footer and buttons, checked before sending' },
			{ name: 'Using JSON', value: 'json', description: "Meta's components array as it is (any template kind, e.g. authentication or carousel)" },
		],
		description: "How the template's content is given: with the header, body, footer and button fields below, or as Meta's components JSON",
		displayOptions: { show },
	},
	{
		displayName: 'Components JSON',
		name: 'componentsJson',
		type: 'json',
		default: '[\n  { "type": "BODY", "text": "Hi {{1}}, your order shipped.", "example": { "body_text": [["Jess"]] } }\n]',
		description: "Meta's template components array",
		displayOptions: { show: { ...show, contentSource: ['json'] } },
	},
	{
		displayName: 'Variable Format',
		name: 'parameterFormat',
		type: 'options',
		default: 'POSITIONAL',
		options: [
			{ name: 'Positional', value: 'POSITIONAL', description: 'Variables {{1}}, {{2}}, … in order' },
			{ name: 'Named', value: 'NAMED', description: 'Variables such as {{first_name}}' },
		],
		description: 'How the variables are written; an edit keeps the format the template was created with',
		displayOptions: { show: { resource: ['template'], operation: ['create'] } },
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Location', value: 'location' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		description: 'What the template shows above the body: nothing, a short text, a location, or an image, video or document chosen when sending',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Header Text',
		name: 'templateHeaderText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Your order {{1}}',
		description: 'Up to 60 characters, at most one variable',
		displayOptions: { show: { ...fields, headerType: ['text'] } },
	},
	{
		displayName: 'Header Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		description: "An example value for the header's variable, for Meta's review",
		displayOptions: { show: { ...fields, headerType: ['text'] } },
	},
	{
		displayName: 'Header Sample Handle',
		name: 'headerHandle',
		type: 'string',
		default: '',
		placeholder: 'e.g. 4::aW1hZ2U=',
		description: "The handle of a sample file uploaded with Meta's Resumable Upload API; the real file is chosen when sending",
		displayOptions: { show: { ...fields, headerType: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'Body',
		name: 'templateBodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Hi {{1}}, your order {{2}} has shipped.',
		description: 'Up to 1,024 characters; must not start or end with a variable',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Example',
		default: {},
		description: "One example value per body variable, for Meta's review",
		displayOptions: { show: fields },
		options: [
			{
				displayName: 'Example',
				name: 'example',
				values: [
					{ displayName: 'Variable', name: 'variable', type: 'string', default: '', placeholder: 'e.g. 1 or first_name', description: 'The body variable this example is for, without braces: its number (1 for {{1}}) or its name' },
					{ displayName: 'Example Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. Jess', description: "A realistic sample value for the variable, shown to Meta's reviewers only" },
				],
			},
		],
	},
	{ displayName: 'Footer', name: 'templateFooterText', type: 'string', default: '', description: 'Up to 60 characters, no variables', displayOptions: { show: fields } },
	{
		displayName: 'Buttons',
		name: 'templateButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 10 buttons',
		displayOptions: { show: fields },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'Code Example', name: 'couponExample', type: 'string', default: '', placeholder: 'e.g. SUMMER25', description: "A sample coupon code for Meta's review; the real code is given when sending", displayOptions: { show: { type: ['copyCode'] } } },
					{ displayName: 'First Screen', name: 'navigateScreen', type: 'string', default: '', description: "The ID of the flow screen the button opens (e.g. WELCOME_SCREEN); empty uses the flow's first screen", displayOptions: { show: { type: ['flow'], flowAction: ['navigate'] } } },
					{
						displayName: 'Flow Action',
						name: 'flowAction',
						type: 'options',
						default: 'navigate',
						options: [
							{ name: 'Navigate', value: 'navigate' },
							{ name: 'Data Exchange', value: 'data_exchange' },
						],
						description: 'How the flow starts: Navigate opens a fixed screen, Data Exchange asks your flow endpoint for the first screen',
						displayOptions: { show: { type: ['flow'] } },
					},
					{ displayName: 'Flow ID', name: 'flowId', type: 'string', default: '', placeholder: 'e.g. 1234567890123456', description: 'The numeric ID of the WhatsApp Flow the button opens (digits only)', displayOptions: { show: { type: ['flow'] } } },
					{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: 'e.g. +4915112345678', description: 'The number the button calls, in international form: + and the country code, 8 to 15 digits', displayOptions: { show: { type: ['phoneNumber'] } } },
					{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Up to 25 characters (not used by Copy Code)' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'quickReply',
						options: [
							{ name: 'Copy Code', value: 'copyCode' },
							{ name: 'Flow', value: 'flow' },
							{ name: 'Phone Number', value: 'phoneNumber' },
							{ name: 'Quick Reply', value: 'quickReply' },
							{ name: 'URL', value: 'url' },
						],
						description: 'What the button does: copy a coupon code, open a WhatsApp Flow, call a number, send a quick reply, or open a web page',
					},
					{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'e.g. https://shop.example/o/{{1}}', description: 'The http(s) web page the button opens; may end with one variable such as {{1}}, filled in when sending', displayOptions: { show: { type: ['url'] } } },
					{ displayName: 'URL Example', name: 'urlExample', type: 'string', default: '', placeholder: 'e.g. https://shop.example/o/1234', description: "The full URL with an example value for its variable, for Meta's review; needed only when the URL has a variable", displayOptions: { show: { type: ['url'] } } },
				],
			},
		],
	},
];

function componentsFromJson(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = ctx.getNodeParameter('componentsJson', itemIndex, '[]') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(ctx.getNode(), '"Components JSON" is not valid JSON', { itemIndex });
		}
	}
	if (!Array.isArray(parsed) || !parsed.length || parsed.some((c) => !c || typeof c !== 'object' || typeof (c as IDataObject).type !== 'string')) {
		throw new NodeOperationError(ctx.getNode(), '"Components JSON" should be a non-empty array of components, each with a "type"', { itemIndex });
	}
	return parsed as IDataObject[];
}

/**
 * Reads the template's content (the form or the JSON) and returns what turns it into Meta's components once the
 * variable format is known: every field is read, and refused when it holds the wrong kind of value, before an edit
 * looks the template up on Meta.
 */
export function readTemplateContent(ctx: IExecuteFunctions, itemIndex: number): (named: boolean) => IDataObject[] {
	if (ctx.getNodeParameter('contentSource', itemIndex, 'fields') === 'json') {
		const components = componentsFromJson(ctx, itemIndex);
		return () => components;
	}
	const text = (name: string, label: string) => readOptionalText(ctx, name, itemIndex, label);
	const examples = (ctx.getNodeParameter('bodyExamples', itemIndex, {}) as IDataObject).example as IDataObject[] | undefined;
	const buttons = (ctx.getNodeParameter('templateButtons', itemIndex, {}) as IDataObject).button as IDataObject[] | undefined;
	const form: Omit<TemplateForm, 'named'> = {
		headerType: ctx.getNodeParameter('headerType', itemIndex, 'none') as TemplateForm['headerType'],
		headerText: text('templateHeaderText', 'Header Text'),
		headerExample: text('headerExample', 'Header Example'),
		headerHandle: text('headerHandle', 'Header Sample Handle'),
		bodyText: text('templateBodyText', 'Body'),
		bodyExamples: (examples ?? []).map((e) => ({ variable: String(e.variable ?? ''), value: String(e.value ?? '') })),
		footerText: text('templateFooterText', 'Footer'),
		buttons: buttons ?? [],
	};
	return (named) => templateComponents(ctx.getNode(), itemIndex, { ...form, named });
}
