import { asNodeError } from '../../../shared/actions/router';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { outcomeUnknown, writeLedger } from '../../../shared/idempotency';
import { readOptionalText } from '../../../shared/parameters';
import { graphRequest } from '../../../shared/request';
import { requiredWabaId } from '../../helpers/account';
import { layerOf } from '../../helpers/graph';
import { templatesNamed } from '../../helpers/template';
import { checkLanguageCode, checkTemplateName } from '../../helpers/templateDefinition';
import { readTemplateContent } from './content';
import { rejectedError, REVIEW_NOTE } from './review';
import { STATUS_FIELDS, templateSummary } from './target';

const show = { resource: ['template'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'newTemplateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. order_shipped',
		description: 'Lowercase letters, digits and underscores; one name holds one translation per language',
		displayOptions: { show },
	},
	{ displayName: 'Language', name: 'newTemplateLanguage', type: 'string', default: 'en_US', required: true, placeholder: 'e.g. en_US', description: 'The language code of this translation, such as en, en_US or pt_BR', displayOptions: { show } },
	{
		displayName: 'Category',
		name: 'templateCategory',
		type: 'options',
		default: 'UTILITY',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time codes (define the content using JSON)' },
			{ name: 'Marketing', value: 'MARKETING' },
			{ name: 'Utility', value: 'UTILITY', description: 'About a transaction or account the person already has' },
		],
		description: 'The kind of template, which Meta checks in review and which sets its price per message',
		displayOptions: { show },
	},
	{
		displayName: 'Allow Category Change',
		name: 'allowCategoryChange',
		type: 'boolean',
		default: false,
		description: 'Whether Meta may give the template another category than the one chosen instead of rejecting it',
		displayOptions: { show },
	},
];

/** A create whose answer was lost: the template is on Meta when the create went through (name + language are unique). */
async function createdAnyway(ctx: IExecuteFunctions, itemIndex: number, wabaId: string, name: string, language: string): Promise<IDataObject | undefined> {
	const found = (await templatesNamed(ctx, layerOf(ctx, itemIndex), wabaId, name, itemIndex, STATUS_FIELDS)).find((t) => t.language === language);
	if (!found || !(await writeLedger(ctx).claimCreated('whatsapp.template', String(found.id)))) return undefined;
	return found as unknown as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const wabaId = requiredWabaId(this, itemIndex);
	const name = checkTemplateName(node, itemIndex, readOptionalText(this, 'newTemplateName', itemIndex, 'Name').trim());
	const language = checkLanguageCode(node, itemIndex, readOptionalText(this, 'newTemplateLanguage', itemIndex, 'Language').trim());
	const category = this.getNodeParameter('templateCategory', itemIndex, 'UTILITY') as string;
	const parameterFormat = this.getNodeParameter('parameterFormat', itemIndex, 'POSITIONAL') as string;
	const components = readTemplateContent(this, itemIndex)(parameterFormat === 'NAMED');
	const body: IDataObject = { name, language, category, parameter_format: parameterFormat, components };
	if (this.getNodeParameter('allowCategoryChange', itemIndex, false)) body.allow_category_change = true;
	let created: IDataObject;
	try {
		created = (await graphRequest<IDataObject>(this, layerOf(this, itemIndex), { method: 'POST', path: `${wabaId}/message_templates`, body, bodyFormat: 'json', idempotent: false, itemIndex })).body;
	} catch (error) {
		const found = outcomeUnknown(error) ? await createdAnyway(this, itemIndex, wabaId, name, language) : undefined;
		if (!found) throw asNodeError(this, error as Error, itemIndex);
		return [{ json: { ...templateSummary(found), note: REVIEW_NOTE, foundAfterLostAnswer: true }, pairedItem: { item: itemIndex } }];
	}
	if (created.status === 'REJECTED') throw rejectedError(node, itemIndex, name, language, 'create');
	const summary = templateSummary({ ...created, name, language, parameter_format: parameterFormat });
	return [{ json: { ...summary, note: REVIEW_NOTE }, pairedItem: { item: itemIndex } }];
}
