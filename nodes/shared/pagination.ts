import type { IDataObject } from 'n8n-workflow';
import type { GraphContext } from './connection';
import { graphRequest, type GraphLayerOptions, type GraphRequest } from './request';

export interface PaginateOptions {
	/** Fetch every page; otherwise stop once `limit` items are collected. */
	returnAll: boolean;
	limit?: number;
	/** Page size asked of Meta (`limit` query parameter). */
	pageSize?: number;
	/** Turns each page's items into output items as they arrive, so raw pages are not kept (e.g. simplify rows). */
	mapPage?: (items: IDataObject[]) => IDataObject[];
}

interface GraphPage {
	data?: IDataObject[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * Follows Graph cursor pagination. The next page is requested with `after=<cursor>` on the same request rather
 * than by fetching `paging.next`, whose URL carries the access token; `next` being absent is the stop condition.
 */
export async function graphPaginate(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	request: GraphRequest,
	options: PaginateOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	let after: string | undefined;
	while (items.length < wanted) {
		const remaining = wanted - items.length;
		const pageSize = options.pageSize ?? (Number.isFinite(remaining) ? Math.min(remaining, 100) : 100);
		const qs: IDataObject = { ...(request.qs ?? {}), limit: pageSize };
		if (after) qs.after = after;
		const { body } = await graphRequest<GraphPage>(ctx, layer, { ...request, qs });
		const page = Array.isArray(body?.data) ? body.data : [];
		const kept = page.slice(0, remaining);
		for (const item of options.mapPage ? options.mapPage(kept) : kept) items.push(item);
		after = body?.paging?.cursors?.after;
		if (!body?.paging?.next || !after || page.length === 0) break;
	}
	return items;
}
