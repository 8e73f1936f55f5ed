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

function nextToken(body: GraphList): string | undefined {
	return body.paging?.next ? body.paging.cursors?.after : undefined;
}

/** Ad accounts of the credential's user, one Graph page per list page; the filter matches name or ID. */
export async function searchAdAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { fields: 'name,account_id,account_status', limit: 100 };
	if (paginationToken) qs.after = paginationToken;
	const { body } = await graphRequest<GraphList>(this, adsLayerForLists(this), { method: 'GET', path: 'me/adaccounts', qs });
	const needle = (filter ?? '').toLowerCase();
	const results = (body.data ?? [])
		.filter((a) => !needle || String(a.name ?? '').toLowerCase().includes(needle) || String(a.account_id ?? '').includes(needle))
		.map((a) => {
			const status = Number(a.account_status);
			const note = status === 1 ? '' : ` (${ACCOUNT_STATUS[status] ?? `status ${status}`})`;
			return { name: `${String(a.name ?? a.id)}${note}`, value: String(a.id), url: `https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=${String(a.account_id)}` };
		});
	return { results, paginationToken: nextToken(body) };
}

async function searchObjects(ctx: ILoadOptionsFunctions, edge: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const account = currentAdAccount(ctx);
	if (!account) return { results: [] };
	const qs: IDataObject = { fields: 'name,effective_status', limit: 100 };
	if (filter) qs.filtering = JSON.stringify([{ field: 'name', operator: 'CONTAIN', value: filter }]);
	if (paginationToken) qs.after = paginationToken;
	const { body } = await graphRequest<GraphList>(ctx, adsLayerForLists(ctx), { method: 'GET', path: `${account}/${edge}`, qs });
	const results = (body.data ?? []).map((o) => ({ name: `${String(o.name ?? o.id)} (${String(o.effective_status ?? '').toLowerCase().replace(/_/g, ' ')})`, value: String(o.id) }));
	return { results, paginationToken: nextToken(body) };
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
