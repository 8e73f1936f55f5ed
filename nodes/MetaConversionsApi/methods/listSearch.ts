import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { graphRequest, type GraphLayerOptions, type MetaCredentialType } from '../../shared';

/** Ad accounts read per list page: each costs one more call for its datasets. */
const ACCOUNTS_PER_PAGE = 10;

interface GraphList {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/** Datasets (pixels) of the ad accounts the credential reaches (`/me/adaccounts`, then `/{act}/adspixels`). */
export async function searchPixels(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const layer: GraphLayerOptions = { credentialType: this.getNodeParameter('authentication', 'metaAccessTokenApi') as MetaCredentialType };
	const { body: accounts } = await graphRequest<GraphList>(this, layer, {
		method: 'GET',
		path: 'me/adaccounts',
		qs: { fields: 'name', limit: ACCOUNTS_PER_PAGE, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const needle = (filter ?? '').toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	for (const account of accounts.data ?? []) {
		const { body: pixels } = await graphRequest<GraphList>(this, layer, { method: 'GET', path: `${String(account.id)}/adspixels`, qs: { fields: 'id,name', limit: 100 } });
		for (const pixel of pixels.data ?? []) {
			const name = `${String(pixel.name ?? pixel.id)} (${String(account.name ?? account.id)})`;
			if (needle && !name.toLowerCase().includes(needle) && !String(pixel.id).includes(needle)) continue;
			results.push({ name, value: String(pixel.id), url: `https://business.facebook.com/events_manager2/list/dataset/${String(pixel.id)}` });
		}
	}
	const next = accounts.paging?.next ? accounts.paging.cursors?.after : undefined;
	return { results, paginationToken: next && next !== paginationToken ? next : undefined };
}
