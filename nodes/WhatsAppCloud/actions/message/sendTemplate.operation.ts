import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readOptionalText } from '../../../shared/parameters';
import { layerOf, locatorValue } from '../../helpers/graph';
import { requiredWabaId } from '../../helpers/account';
import { outgoing } from '../../helpers/envelope';
import { mediaResolver, type MediaSource } from '../../helpers/media';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { chooseTranslation, templatesNamed, type WhatsAppTemplate } from '../../helpers/template';
import { buildTemplateComponents } from '../../helpers/templateMessage';

const show = { resource: ['message'], operation: ['sendTemplate'] };

export const templateNameLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'An approved message template of the account. Search by name, or type a language code (e.g. pt_BR) to list that language only.',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTemplates', searchable: true } },
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. order_update' },
	],
};

export const templateLanguageProperty: INodeProperties = {
	displayName: 'Language Name or ID',
	name: 'templateLanguage',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTemplateLanguages', loadOptionsDependsOn: ['templateName.value', 'wabaId.value'] },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The translation of the template, e.g. en_US',
};

export const description: INodeProperties[] = [
	{ ...templateNameLocator, displayOptions: { show } },
	{ ...templateLanguageProperty, required: true, displayOptions: { show } },
	{
		displayName: 'Header Media Source',
		name: 'headerMediaSource',
		type: 'options',
		default: 'url',
		description: 'For templates with an image, video or document header: what the header field holds',
		options: [
			{ name: 'URL', value: 'url', description: 'A public http(s) link to the file' },
			{ name: 'Media ID', value: 'id', description: 'The ID of media already uploaded to WhatsApp' },
			{ name: 'Binary Data', value: 'binary', description: 'The name of a binary field of the input item; it is uploaded first' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description: "The template's header, body and button values, built from the template itself",
		typeOptions: {
			loadOptionsDependsOn: ['templateName.value', 'templateLanguage', 'wabaId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError: 'This template has no variables: it is sent as it is.',
			},
		},
		displayOptions: { show },
	},
];

/** Templates looked up once per run: a campaign of 1,000 items reads the template once. */
const templateCache = new WeakMap<object, Map<string, Promise<WhatsAppTemplate[]>>>();

async function translationsOf(ctx: IExecuteFunctions, wabaId: string, name: string, itemIndex: number): Promise<WhatsAppTemplate[]> {
	const key = ctx.getInputData();
	let cache = templateCache.get(key);
	if (!cache) templateCache.set(key, (cache = new Map()));
	const cacheKey = `${wabaId}|${name}`;
	let pending = cache.get(cacheKey);
	if (!pending) {
		pending = templatesNamed(ctx, layerOf(ctx, itemIndex), wabaId, name, itemIndex);
		cache.set(cacheKey, pending);
	}
	return await pending;
}

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const node = this.getNode();
	const wabaId = requiredWabaId(this, itemIndex);
	const name = locatorValue(this, 'templateName', itemIndex);
	if (!name) throw new NodeOperationError(node, '"Template" is empty', { itemIndex, description: 'Pick an approved template.' });
	const language = readOptionalText(this, 'templateLanguage', itemIndex, 'Language').trim();
	if (!language) throw new NodeOperationError(node, '"Language" is empty', { itemIndex, description: 'Pick the translation of the template to send.' });
	// Recipient and sender are checked before the template is looked up on Meta.
	const message = outgoing(this, itemIndex, 'template', { name, language: { code: language } });
	const template = chooseTranslation(node, await translationsOf(this, wabaId, name, itemIndex), name, language, itemIndex);
	if (message.payload.recipient && template.category === 'AUTHENTICATION') {
		// Meta refuses these with 131062 (docs/whatsapp-user-ids.md): said here, before the send.
		throw new NodeOperationError(node, `"To" is a WhatsApp user ID, but the authentication template "${name}" can only be sent to a phone number`, {
			itemIndex,
			description: "One-tap, zero-tap and copy-code authentication templates need the person's phone number: map the phone number (waId) instead.",
		});
	}
	const values = (this.getNodeParameter('templateVariables.value', itemIndex, {}) ?? {}) as IDataObject;
	const source = this.getNodeParameter('headerMediaSource', itemIndex, 'url') as MediaSource;
	const resolve = mediaResolver(this, layerOf(this, itemIndex), message.phoneNumberId, source, itemIndex);
	const components = await buildTemplateComponents(node, template, values, resolve, itemIndex);
	if (components.length) (message.payload.template as IDataObject).components = components;
	return message;
}

export const execute = singleSend(build);
