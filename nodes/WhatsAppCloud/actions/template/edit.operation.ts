import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { graphRequest } from '../../../shared/request';
import { layerOf } from '../../helpers/graph';
import { readTemplateContent } from './content';
import { REVIEW_NOTE } from './review';
import { targetProperties, targetTemplates, templateSummary } from './target';

const show = { resource: ['template'], operation: ['edit'] };

export const description: INodeProperties[] = [
	...targetProperties(['edit'], 'The translation to edit'),
	{
		displayName: 'New Category',
		name: 'newCategory',
		type: 'options',
		default: 'keep',
		options: [
			{ name: 'Keep', value: 'keep' },
			{ name: 'Marketing', value: 'MARKETING' },
			{ name: 'Utility', value: 'UTILITY' },
		],
		description: 'Only a rejected or paused template can change its category',
		displayOptions: { show },
	},
];

/**
 * Replaces a template's content (Meta reviews it again). The name, language and variable format stay; Meta allows an
 * approved template one edit in 24 hours and ten in 30 days, and a rejected or paused one any number.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const content = readTemplateContent(this, itemIndex);
	const category = this.getNodeParameter('newCategory', itemIndex, 'keep') as string;
	const [template] = await targetTemplates(this, itemIndex, true);
	const components = content(template.parameter_format === 'NAMED');
	const body: IDataObject = { components };
	if (category !== 'keep') {
		if (template.status === 'APPROVED' && category !== template.category) {
			throw new NodeOperationError(this.getNode(), `"New Category" cannot change an approved template (it is ${String(template.category)})`, {
				itemIndex,
				description: 'Meta lets only a rejected or paused template change its category: keep the category, or create a new template.',
			});
		}
		body.category = category;
	}
	const { body: answer } = await graphRequest<IDataObject>(this, layerOf(this, itemIndex), { method: 'POST', path: String(template.id), body, bodyFormat: 'json', idempotent: false, itemIndex });
	const summary = templateSummary({ ...template, ...(body.category ? { category: body.category } : {}), status: 'PENDING', rejected_reason: 'NONE' });
	return [{ json: { ...summary, edited: answer.success === true, previousStatus: template.status, note: REVIEW_NOTE }, pairedItem: { item: itemIndex } }];
}
