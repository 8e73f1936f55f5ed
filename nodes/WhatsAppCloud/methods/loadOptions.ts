import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { currentLocatorValue, layerOf } from '../helpers/graph';
import { templatesNamed } from '../helpers/template';

/** The translations of the chosen template, approved ones first. */
export async function getTemplateLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const wabaId = currentLocatorValue(this, 'wabaId');
	const name = currentLocatorValue(this, 'templateName');
	if (!wabaId || !name) return [];
	const translations = await templatesNamed(this, layerOf(this), wabaId, name);
	return translations
		.sort((a, b) => Number(b.status === 'APPROVED') - Number(a.status === 'APPROVED') || a.language.localeCompare(b.language))
		.map((t) => ({ name: t.status === 'APPROVED' ? t.language : `${t.language} (${t.status})`, value: t.language }));
}
