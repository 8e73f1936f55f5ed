import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readOptionalText } from '../../../shared/parameters';
import { layerOf, locatorValue } from '../../helpers/graph';
import { requiredWabaId } from '../../helpers/account';
import { templatesNamed } from '../../helpers/template';
import { templateLanguageProperty, templateNameLocator } from '../message/sendTemplate.operation';

const show = { resource: ['template'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...templateNameLocator, displayOptions: { show } },
	{ ...templateLanguageProperty, hint: 'Leave empty to get every translation', displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const wabaId = requiredWabaId(this, itemIndex);
	const name = locatorValue(this, 'templateName', itemIndex);
	if (!name) throw new NodeOperationError(this.getNode(), '"Template" is empty', { itemIndex });
	const language = readOptionalText(this, 'templateLanguage', itemIndex, 'Language').trim();
	const found = (await templatesNamed(this, layerOf(this, itemIndex), wabaId, name, itemIndex)).filter((t) => !language || t.language === language);
	if (!found.length) {
		throw new NodeOperationError(this.getNode(), `No template "${name}"${language ? ` in ${language}` : ''} in this account`, { itemIndex, description: 'Check the name and language in WhatsApp Manager.' });
	}
	return found.map((t) => ({ json: { ...t }, pairedItem: { item: itemIndex } }));
}
