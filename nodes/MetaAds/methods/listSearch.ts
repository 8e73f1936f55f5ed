import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { graphRequest } from '../../shared';
import { searchPages as searchLeadPages } from '../../shared/webhooks/leads';
import { currentAdAccount } from '../helpers/accountIds';
import { adsLayerForLists } from '../helpers/layer';

interface GraphList {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

const ACCOUNT_STATUS: Record<number, string> = { 1: 'active', 2: 'disabled', 3: 'unsettled', 7: 'pending risk review', 8: 'pending settlement', 9: 'in grace period', 100: 'pending closure', 101: 'closed' };

/** Rows shown per list page, and the most Graph pages read to fill one (Meta's pages may be short or empty). */
const LIST_PAGE_SIZE = 100;
const MAX_GRAPH_PAGES_PER_LIST_PAGE = 5;

/**
 * One list page of up to LIST_PAGE_SIZE rows from `path`, starting at cursor `after`: short and empty Graph pages
 * that still carry `next` are followed, so the editor does not show an empty list while more rows exist.
 */
async function listPage(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject, after?: string): Promise<{ rows: IDataObject[]; token?: string }> {
	const rows: IDataObject[] = [];
	let token = after;
	for (let read = 0; read < MAX_GRAPH_PAGES_PER_LIST_PAGE && rows.length < LIST_PAGE_SIZE; read++) {
		const { body } = await graphRequest<GraphList>(ctx, adsLayerForLists(ctx), {
			method: 'GET',
			path,
			qs: { ...qs, limit: LIST_PAGE_SIZE - rows.length, ...(token ? { after: token } : {}) },
		});
		rows.push(...(body.data ?? []));
		const next = body.paging?.next ? body.paging.cursors?.after : undefined;
		// A cursor Meta hands back unchanged would show the same rows again: end the list there.
		token = next && next !== token ? next : undefined;
		if (!token) break;
	}
	return { rows, token };
}

/** Ad accounts of the credential's user, one Graph page per list page; the filter matches name or ID. */
export async function searchAdAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { rows, token } = await listPage(this, 'me/adaccounts', { fields: 'name,account_id,account_status' }, paginationToken);
	const needle = (filter ?? '').toLowerCase();
	const results = rows
		.filter((a) => !needle || String(a.name ?? '').toLowerCase().includes(needle) || String(a.account_id ?? '').includes(needle))
		.map((a) => {
			const status = Number(a.account_status);
			const note = status === 1 ? '' : ` (${ACCOUNT_STATUS[status] ?? `status ${status}`})`;
			return { name: `${String(a.name ?? a.id)}${note}`, value: String(a.id), url: `https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=${String(a.account_id)}` };
		});
	return { results, paginationToken: token };
}

async function searchObjects(ctx: ILoadOptionsFunctions, edge: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const account = currentAdAccount(ctx);
	if (!account) return { results: [] };
	const qs: IDataObject = { fields: 'name,effective_status' };
	if (filter) qs.filtering = JSON.stringify([{ field: 'name', operator: 'CONTAIN', value: filter }]);
	const { rows, token } = await listPage(ctx, `${account}/${edge}`, qs, paginationToken);
	const results = rows.map((o) => ({ name: `${String(o.name ?? o.id)} (${String(o.effective_status ?? '').toLowerCase().replace(/_/g, ' ')})`, value: String(o.id) }));
	return { results, paginationToken: token };
}

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchObjects(this, 'campaigns', filter, paginationToken);
}

export async function searchAdSets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchObjects(this, 'adsets', filter, paginationToken);
}

export async function searchAds(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchObjects(this, 'ads', filter, paginationToken);
}

/** Pages of the connection, for the Lead resource. */
export async function searchPages(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchLeadPages(this, adsLayerForLists(this), filter, paginationToken);
}
