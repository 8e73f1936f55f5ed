import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import type { MetaCredentialType } from '../connection';
import { fetchLeadDetails, leadLocator, searchLeadForms } from './leads';

/**
 * The Meta Trigger's lead options (object Page, field `leadgen`): read each new lead's answers and form name before
 * the workflow starts, and keep only leads of one form. The Page connection that subscribes the Page reads the leads.
 */
const onPage = { object: ['page'], subscribe: [true] };

export const leadDetailsProperties: INodeProperties[] = [
	{
		displayName: 'Fetch Lead Details',
		name: 'fetchLeadDetails',
		type: 'boolean',
		default: false,
		description:
			"Whether each new lead (field leadgen) comes with the person's answers as email, full_name, … and the form's name, read with the Page connection (needs leads_retrieval)",
		displayOptions: { show: onPage },
	},
	leadLocator('leadForm', 'Lead Form', 'searchLeadForms', 'Only leads of this form; empty for every form of the Page', onPage, false),
];

function layerOf(ctx: IWebhookFunctions | ILoadOptionsFunctions) {
	const credentialType = ctx.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType;
	return { credentialType };
}

function parameterValue(ctx: IWebhookFunctions, name: string): string {
	if (ctx.getNodeParameter('object', 'page') !== 'page' || ctx.getNodeParameter('subscribe', false) !== true) return '';
	return String(ctx.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
}

/** With a form chosen, a lead of another form is acknowledged and starts nothing; other fields pass. */
export function leadFormAccepts(ctx: IWebhookFunctions, item: IDataObject): boolean {
	if (item.field !== 'leadgen') return true;
	const form = parameterValue(ctx, 'leadForm');
	return !form || String(item.form_id ?? '') === form;
}

/**
 * With Fetch Lead Details on, a `leadgen` item gets the lead's answers on top. A lead that cannot be read still
 * becomes its item (the event is not lost), with `leadDetailsError` saying why and what to do.
 */
export function leadDetailsEnricher(ctx: IWebhookFunctions): ((item: IDataObject) => Promise<IDataObject>) | undefined {
	if (ctx.getNodeParameter('object', 'page') !== 'page' || ctx.getNodeParameter('subscribe', false) !== true) return undefined;
	if (ctx.getNodeParameter('fetchLeadDetails', false) !== true) return undefined;
	return async (item) => {
		if (item.field !== 'leadgen') return item;
		try {
			const lead = await fetchLeadDetails(ctx, layerOf(ctx), item.leadgen_id, item.page_id ?? item.accountId);
			return { ...item, ...lead };
		} catch (error) {
			const { message, description } = error as { message?: string; description?: string };
			return { ...item, leadDetailsError: [message, description].filter(Boolean).join(' ') };
		}
	};
}

export const leadListSearch = {
	async searchLeadForms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const pageId = this.getCurrentNodeParameter('pageId', { extractValue: true });
		return await searchLeadForms(this, layerOf(this), pageId, filter, paginationToken);
	},
};
