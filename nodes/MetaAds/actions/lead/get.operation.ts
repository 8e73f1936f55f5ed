import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { fetchLeadDetails, leadLocator } from '../../../shared/webhooks/leads';
import { adsLayer } from '../../helpers/layer';
import { readId } from '../../../shared/parameters';

const show = { resource: ['lead'], operation: ['get'] };

export const description: INodeProperties[] = [
	leadLocator('page', 'Page', 'searchPages', 'The Facebook Page the lead form belongs to; its Page token reads the lead', show),
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123123123123',
		description: 'The lead\'s ID, as a Lead Ads trigger or an export gives it (leadgen_ID)',
		displayOptions: { show },
	},
];

/** One lead: the person's answers as {email, full_name, …}, the form's name, and Meta's raw answers under fieldData. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const pageId = readId(this, 'page', itemIndex, 'Page');
	const leadId = readId(this, 'leadId', itemIndex, 'Lead ID');
	const json = await fetchLeadDetails(this, adsLayer(this, itemIndex), leadId, pageId, itemIndex);
	return [{ json, pairedItem: { item: itemIndex } }];
}
