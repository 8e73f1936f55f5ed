import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import { currentLocatorValue, layerOf } from '../helpers/graph';
import { templatesNamed, templateVariables } from '../helpers/template';

/** The form of a template send: one field per header, body and button variable of the chosen translation. */
export async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const wabaId = currentLocatorValue(this, 'wabaId');
	const name = currentLocatorValue(this, 'templateName');
	const language = String(this.getCurrentNodeParameter('templateLanguage') ?? '');
	if (!wabaId || !name) return { fields: [], emptyFieldsNotice: 'Pick the account and the template first.' };
	const translations = await templatesNamed(this, layerOf(this), wabaId, name);
	const template = translations.find((t) => t.language === language) ?? translations[0];
	if (!template) return { fields: [], emptyFieldsNotice: `No template "${name}" in this account.` };
	return {
		fields: templateVariables(template).map((v) => ({
			id: v.id,
			displayName: v.displayName,
			required: v.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: 'string',
		})),
	};
}
