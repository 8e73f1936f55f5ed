import type { IDataObject, INodeListSearchResult, INodeProperties } from 'n8n-workflow';
import type { GraphContext } from '../connection';
import { localMetaError, metaNodeApiError } from '../errors/toNodeError';
import { graphRequest, type GraphLayerOptions } from '../request';

/**
 * Lead Ads: a `leadgen` webhook names only ids (reference §8.4). The person's answers come from `GET /{leadgen_id}`
 * and the form's name from `GET /{form_id}`, both with the Page's access token and `leads_retrieval`.
 */
const LEAD_FIELDS = 'id,created_time,ad_id,adset_id,campaign_id,form_id,field_data,is_organic,platform';
const FORM_FIELDS = 'id,name,status,locale';

const NUMERIC_ID = /^\d{1,32}$/;

interface FieldDatum {
	name?: unknown;
	values?: unknown;
}

/**
 * `field_data` as `{question: answer}`: one answer as a string, several (a multiple-choice question) as a list.
 * Meta's own question keys are used (email, full_name, phone_number, or the custom question's key).
 */
export function simplifyAnswers(fieldData: unknown): IDataObject {
	const answers: IDataObject = {};
	for (const datum of (Array.isArray(fieldData) ? fieldData : []) as FieldDatum[]) {
		if (typeof datum?.name !== 'string' || datum.name === '') continue;
		const values = (Array.isArray(datum.values) ? datum.values : []).map(String);
		answers[datum.name] = values.length === 1 ? values[0] : values;
	}
	return answers;
}

/** The lead as a workflow item: the answers at the top, then where it came from, then Meta's raw answers. */
export function leadItem(lead: IDataObject, form: IDataObject | undefined, pageId: string | undefined): IDataObject {
	return {
		...simplifyAnswers(lead.field_data),
		leadId: String(lead.id ?? ''),
		createdTime: lead.created_time ?? null,
		formId: lead.form_id ?? form?.id ?? null,
		formName: form?.name ?? null,
		pageId: pageId ?? null,
		adId: lead.ad_id ?? null,
		adSetId: lead.adset_id ?? null,
		campaignId: lead.campaign_id ?? null,
		isOrganic: lead.is_organic ?? null,
		platform: lead.platform ?? null,
		fieldData: (lead.field_data as IDataObject[]) ?? [],
	};
}

function refuseId(ctx: GraphContext, label: string, value: unknown, itemIndex?: number): never {
	throw metaNodeApiError(
		ctx.getNode(),
		localMetaError('fix_configuration', `${label} must be the numeric ID Meta gave (digits only); got "${String(value)}".`, { title: `Invalid ${label}` }),
		{ itemIndex },
	);
}

/** Reads a lead and its form's name with the Page's token. IDs are checked before any call. */
export async function fetchLeadDetails(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	leadId: unknown,
	pageId: unknown,
	itemIndex?: number,
): Promise<IDataObject> {
	const lead = String(leadId ?? '').trim();
	const page = String(pageId ?? '').trim();
	if (!NUMERIC_ID.test(lead)) refuseId(ctx, 'Lead ID', leadId, itemIndex);
	if (!NUMERIC_ID.test(page)) refuseId(ctx, 'Page ID', pageId, itemIndex);
	const { body } = await graphRequest(ctx, layer, { method: 'GET', path: lead, qs: { fields: LEAD_FIELDS }, asPage: page, itemIndex });
	const formId = String(body.form_id ?? '');
	const form = NUMERIC_ID.test(formId)
		? (await graphRequest(ctx, layer, { method: 'GET', path: formId, qs: { fields: FORM_FIELDS }, asPage: page, itemIndex })).body
		: undefined;
	return leadItem(body, form, page);
}

/** The Page's lead forms for a picker (`GET /{page-id}/leadgen_forms`, Page token). */
export async function searchLeadForms(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	pageId: unknown,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = String(pageId ?? '').trim();
	if (!NUMERIC_ID.test(page)) return { results: [] };
	const qs: IDataObject = { fields: 'id,name,status', limit: 100 };
	if (paginationToken) qs.after = paginationToken;
	const { body } = await graphRequest<{ data?: IDataObject[]; paging?: { next?: string; cursors?: { after?: string } } }>(ctx, layer, {
		method: 'GET',
		path: `${page}/leadgen_forms`,
		qs,
		asPage: page,
	});
	const needle = (filter ?? '').toLowerCase();
	const results = (body.data ?? [])
		.filter((f) => !needle || String(f.name ?? '').toLowerCase().includes(needle) || String(f.id).includes(needle))
		.map((f) => ({ name: `${String(f.name ?? f.id)}${f.status && f.status !== 'ACTIVE' ? ` (${String(f.status).toLowerCase()})` : ''}`, value: String(f.id) }));
	return { results, paginationToken: body.paging?.next ? body.paging.cursors?.after : undefined };
}

/** The Pages the connection can reach (`/me/accounts`), for a Page picker. */
export async function searchPages(ctx: GraphContext, layer: GraphLayerOptions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { fields: 'id,name', limit: 100 };
	if (paginationToken) qs.after = paginationToken;
	const { body } = await graphRequest<{ data?: IDataObject[]; paging?: { next?: string; cursors?: { after?: string } } }>(ctx, layer, { method: 'GET', path: 'me/accounts', qs });
	const needle = (filter ?? '').toLowerCase();
	const results = (body.data ?? [])
		.filter((p) => !needle || String(p.name ?? '').toLowerCase().includes(needle) || String(p.id).includes(needle))
		.map((p) => ({ name: String(p.name ?? p.id), value: String(p.id), url: `https://www.facebook.com/${String(p.id)}` }));
	return { results, paginationToken: body.paging?.next ? body.paging.cursors?.after : undefined };
}

/** A Page or lead form picker: from a list, or by numeric ID. */
export function leadLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description: string,
	show: Record<string, unknown[]>,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		displayOptions: { show: show as never },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '153125381133',
				validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'Enter the numeric ID' } }],
			},
		],
	};
}
