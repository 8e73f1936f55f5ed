import type { IDataObject } from 'n8n-workflow';
import type { GraphContext } from './connection';
import { localMetaError, metaNodeApiError } from './errors/toNodeError';
import { graphRequest, type GraphLayerOptions, type GraphRequest } from './request';

export interface PaginateOptions<T = IDataObject> {
	/** Fetch every page; otherwise stop once `limit` items are collected. */
	returnAll: boolean;
	limit?: number;
	/** Page size asked of Meta (`limit` query parameter). */
	pageSize?: number;
	/**
	 * Turns each page's items into output items as they arrive (e.g. n8n items with simplified rows), so raw pages
	 * are not kept and no second pass over all rows is needed.
	 */
	mapPage?: (items: IDataObject[]) => T[];
}

interface GraphPage {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/** Query parameters of `next` that are not paging state: the token, its proof and the page size we choose. */
const NOT_PAGING_STATE = new Set(['access_token', 'appsecret_proof', 'limit']);

/** Empty pages in a row after which the list is treated as stuck (Meta may send a few; not hundreds). */
const MAX_EMPTY_PAGES_IN_A_ROW = 50;

/**
 * Where the next page starts: the query of `paging.next` without the token (Meta's `after` cursor, or `offset`,
 * `until`, `__paging_token` on edges that page by those), else `cursors.after`. Undefined when there is no next page.
 */
function nextPageState(page: GraphPage): IDataObject | undefined {
	const next = page.paging?.next;
	if (!next) return undefined;
	const state: IDataObject = {};
	try {
		for (const [key, value] of new URL(next).searchParams) if (!NOT_PAGING_STATE.has(key)) state[key] = value;
	} catch {
		// Not a URL: the cursor below is all there is.
	}
	const after = page.paging?.cursors?.after;
	if (state.after === undefined && after) state.after = after;
	return state;
}

function pagingStateKey(state: IDataObject): string {
	return JSON.stringify(Object.keys(state).sort().map((key) => [key, state[key]]));
}

/**
 * Follows Graph pagination. The next page is requested with the paging parameters of `paging.next` on the same
 * request rather than by fetching `next` itself, whose URL carries the access token. Only the absence of `next`
 * ends the list: Meta sends short and even empty pages with `next` (issue 13). A page that points back to a page
 * already read would repeat forever, so it stops the run with an error instead.
 */
export async function graphPaginate<T = IDataObject>(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	request: GraphRequest,
	options: PaginateOptions<T>,
): Promise<T[]> {
	const items: T[] = [];
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	const seen = new Set<string>();
	let pagingState: IDataObject = {};
	let emptyInARow = 0;
	for (let pages = 1; items.length < wanted; pages++) {
		const remaining = wanted - items.length;
		const pageSize = options.pageSize ?? (Number.isFinite(remaining) ? Math.min(remaining, 100) : 100);
		const qs: IDataObject = { ...(request.qs ?? {}), ...pagingState, limit: pageSize };
		const { body } = await graphRequest<GraphPage>(ctx, layer, { ...request, qs });
		const page = Array.isArray(body?.data) ? body.data : [];
		const kept = page.length <= remaining ? page : page.slice(0, remaining);
		for (const item of options.mapPage ? options.mapPage(kept) : (kept as T[])) items.push(item);
		const next = nextPageState(body ?? {});
		if (!next) break;
		emptyInARow = page.length === 0 ? emptyInARow + 1 : 0;
		const key = pagingStateKey(next);
		if (seen.has(key) || key === pagingStateKey(pagingState) || emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
			throw pagingStuck(ctx, request, pages, items.length, emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW);
		}
		seen.add(key);
		pagingState = next;
	}
	return items;
}

function pagingStuck(ctx: GraphContext, request: GraphRequest, pages: number, items: number, empty: boolean) {
	const what = empty
		? `Meta kept answering empty pages that still point to a next page (${MAX_EMPTY_PAGES_IN_A_ROW} in a row)`
		: 'Meta handed back a page cursor it had already given';
	const sentence =
		`${what} while listing ${request.path.replace(/^\/+/, '')} (page ${pages}, ${items} items so far), so the list would never end; ` +
		'nothing from this list was output. Run the workflow again later; if it keeps happening, narrow the request (a filter, a shorter date range or a Limit).';
	return metaNodeApiError(ctx.getNode(), localMetaError('retry_later', sentence, { title: 'Meta repeated a page of the list' }), {
		itemIndex: request.itemIndex,
	});
}
