import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readOptionalId, readOptionalText } from '../../../shared/parameters';
import { graphRequest } from '../../../shared/request';
import { requiredWabaId } from '../../helpers/account';
import { layerOf, locatorValue } from '../../helpers/graph';
import { templatesNamed, type WhatsAppTemplate } from '../../helpers/template';
import { templateLanguageProperty, templateNameLocator } from '../message/sendTemplate.operation';

/** Which existing template an edit, delete or status check is about: by name (and language) or by its ID. */
export function targetProperties(operations: string[], allLanguagesHint: string): INodeProperties[] {
	const show = { resource: ['template'], operation: operations };
	return [
		{
			displayName: 'Find Template By',
			name: 'templateBy',
			type: 'options',
			default: 'name',
			options: [
				{ name: 'Name and Language', value: 'name' },
				{ name: 'ID', value: 'id' },
			],
			description: "How the existing template is identified: by its name (and language), or by one translation's template ID",
			displayOptions: { show },
		},
		{ ...templateNameLocator, description: 'The template, in any status (approved, pending, rejected, paused); pick it from the list or type its name', displayOptions: { show: { ...show, templateBy: ['name'] } } },
		{ ...templateLanguageProperty, hint: allLanguagesHint, displayOptions: { show: { ...show, templateBy: ['name'] } } },
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 594800000000123',
			description: "The template's ID (one language), e.g. from the create output or the trigger's template status events",
			displayOptions: { show: { ...show, templateBy: ['id'] } },
		},
	];
}

export const STATUS_FIELDS = 'id,name,language,status,category,parameter_format,components,quality_score,rejected_reason';

/**
 * The templates an operation is about. By ID: that one translation. By name: every translation, or the one in
 * "Language" when it is set (`languageRequired`: it must be).
 */
export async function targetTemplates(ctx: IExecuteFunctions, itemIndex: number, languageRequired: boolean): Promise<WhatsAppTemplate[]> {
	const node = ctx.getNode();
	const wabaId = requiredWabaId(ctx, itemIndex);
	if (ctx.getNodeParameter('templateBy', itemIndex, 'name') === 'id') {
		const id = readOptionalId(ctx, 'templateId', itemIndex, 'Template ID');
		if (!/^\d+$/.test(id)) throw new NodeOperationError(node, `"Template ID" ${id ? `"${id}" is not a template ID (digits)` : 'is empty'}`, { itemIndex });
		const { body } = await graphRequest<IDataObject>(ctx, layerOf(ctx, itemIndex), { method: 'GET', path: id, qs: { fields: STATUS_FIELDS }, itemIndex });
		return [body as unknown as WhatsAppTemplate];
	}
	const name = locatorValue(ctx, 'templateName', itemIndex);
	if (!name) throw new NodeOperationError(node, '"Template" is empty', { itemIndex, description: 'Pick the template, or type its name.' });
	const language = readOptionalText(ctx, 'templateLanguage', itemIndex, 'Language').trim();
	if (languageRequired && !language) throw new NodeOperationError(node, '"Language" is empty', { itemIndex, description: 'Pick the translation of the template.' });
	const found = (await templatesNamed(ctx, layerOf(ctx, itemIndex), wabaId, name, itemIndex, STATUS_FIELDS)).filter((t) => !language || t.language === language);
	if (!found.length) {
		throw new NodeOperationError(node, `No template "${name}"${language ? ` in ${language}` : ''} in this account`, { itemIndex, description: 'Check the name and language in WhatsApp Manager.' });
	}
	return found;
}

/** What the status check and the writes output about a template: its status and quality in plain fields. */
export function templateSummary(t: IDataObject): IDataObject {
	const quality = (t.quality_score ?? {}) as IDataObject;
	return {
		id: t.id ?? null,
		name: t.name ?? null,
		language: t.language ?? null,
		status: t.status ?? null,
		category: t.category ?? null,
		quality: quality.score ?? null,
		qualityUpdatedAt: typeof quality.date === 'number' && quality.date > 0 ? new Date(quality.date * 1000).toISOString() : null,
		rejectedReason: t.rejected_reason && t.rejected_reason !== 'NONE' ? t.rejected_reason : null,
		parameterFormat: t.parameter_format ?? null,
	};
}
