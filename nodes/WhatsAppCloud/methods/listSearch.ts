import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { graphPaginate } from '../../shared/pagination';
import { graphRequest } from '../../shared/request';
import { currentLocatorValue, layerOf } from '../helpers/graph';

const PAGE_SIZE = 50;

interface GraphPage {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

async function page(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, after?: string): Promise<{ rows: IDataObject[]; after?: string }> {
	const { body } = await graphRequest<GraphPage>(ctx, layerOf(ctx), { method: 'GET', path, qs: { ...qs, limit: PAGE_SIZE, ...(after ? { after } : {}) } });
	return { rows: body.data ?? [], after: body.paging?.next ? body.paging.cursors?.after : undefined };
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => String(t ?? '').toLowerCase().includes(needle));
}

const EDGES = ['owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts'];

/**
 * Accounts the token reaches: each business's owned, then client WhatsApp Business Accounts, one Graph page per
 * call. The token is `<business index>:<edge index>:<cursor>`.
 */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const businesses = await graphPaginate(this, layerOf(this), { method: 'GET', path: 'me/businesses', qs: { fields: 'id,name' } }, { returnAll: true });
	const [businessIndex, edgeIndex, startCursor] = paginationToken ? paginationToken.split(':') : ['0', '0', ''];
	let b = Number(businessIndex);
	let cursor = startCursor;
	let e = Number(edgeIndex);
	const results: INodeListSearchItems[] = [];
	while (b < businesses.length) {
		const business = businesses[b];
		const { rows, after } = await page(this, `${String(business.id)}/${EDGES[e]}`, { fields: 'id,name' }, cursor || undefined);
		for (const waba of rows) {
			if (matches(filter, waba.name, waba.id)) results.push({ name: `${String(waba.name)} (${String(business.name)})`, value: String(waba.id) });
		}
		if (after) return { results, paginationToken: `${b}:${e}:${after}` };
		cursor = '';
		e += 1;
		if (e >= EDGES.length) {
			e = 0;
			b += 1;
		}
		if (results.length >= PAGE_SIZE && b < businesses.length) return { results, paginationToken: `${b}:${e}:` };
	}
	return { results };
}

/** Phone numbers of the chosen account, with their state so a broken number is visible when picking it. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const wabaId = currentLocatorValue(this, 'wabaId');
	if (!wabaId) return { results: [] };
	const { rows, after } = await page(this, `${wabaId}/phone_numbers`, { fields: 'id,display_phone_number,verified_name,quality_rating,status' }, paginationToken);
	const results = rows
		.filter((n) => matches(filter, n.display_phone_number, n.verified_name, n.id))
		.map((n) => ({
			name: `${String(n.display_phone_number)} — ${String(n.verified_name)}${n.status && n.status !== 'CONNECTED' ? ` (${String(n.status)})` : ''}${n.quality_rating && n.quality_rating !== 'GREEN' ? ` [quality ${String(n.quality_rating)}]` : ''}`,
			value: String(n.id),
		}));
	return { results, paginationToken: after };
}

const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2,4})?$/;

/** Approved templates; a filter that looks like a language code (pt_BR) lists that language, otherwise names. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const wabaId = currentLocatorValue(this, 'wabaId');
	if (!wabaId) return { results: [] };
	const text = (filter ?? '').trim();
	const qs: IDataObject = { status: 'APPROVED', fields: 'name,language,category' };
	if (text && LANGUAGE_CODE.test(text)) qs.language = text;
	else if (text) qs.name = text;
	const { rows, after } = await page(this, `${wabaId}/message_templates`, qs, paginationToken);
	const byName = new Map<string, string[]>();
	for (const t of rows) byName.set(String(t.name), [...(byName.get(String(t.name)) ?? []), String(t.language)]);
	const results = [...byName].map(([name, languages]) => ({ name: `${name} (${languages.join(', ')})`, value: name }));
	return { results, paginationToken: after };
}
