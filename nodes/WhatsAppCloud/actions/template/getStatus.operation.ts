import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { targetProperties, targetTemplates, templateSummary } from './target';

export const description: INodeProperties[] = [...targetProperties(['getStatus'], 'Leave empty to get every translation')];

/** One item per translation: review status (with the rejection reason) and quality rating. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templates = await targetTemplates(this, itemIndex, false);
	return templates.map((t) => ({ json: templateSummary(t as unknown as IDataObject), pairedItem: { item: itemIndex } }));
}
