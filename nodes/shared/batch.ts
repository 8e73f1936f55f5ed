import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { decodeBatchItem, encodeForm, type RawBatchItem } from './batchItems';
import { MAX_BATCH_OPERATIONS } from './constants';
import type { GraphContext } from './connection';
import { classifyMetaError, parseMetaErrorBody, type ClassifiedMetaError } from './errors/metaError';
import { localMetaError } from './errors/toNodeError';
import { graphRequest, type GraphLayerOptions } from './request';

export interface BatchOperation {
	method: IHttpRequestMethods;
	/** Path relative to the version, with its query string: `me/accounts?fields=id,name`. */
	relativeUrl: string;
	/** Form fields for POST/PUT. */
	body?: IDataObject;
	name?: string;
}

export interface BatchResult {
	index: number;
	ok: boolean;
	statusCode: number;
	body?: unknown;
	error?: ClassifiedMetaError;
}

function parseItem(item: RawBatchItem | null, index: number): BatchResult {
	const decoded = decodeBatchItem(item);
	if (!decoded) {
		// Meta may return null for an operation that timed out (reference §9.3).
		return {
			index,
			ok: false,
			statusCode: 0,
			error: localMetaError('retry_later', 'Meta did not finish this part of the batch in time: run it again.'),
		};
	}
	const { code, body } = decoded;
	if (code >= 400) {
		const info = parseMetaErrorBody(body, code) ?? { message: `HTTP ${code}`, httpStatus: code };
		return { index, ok: false, statusCode: code, body, error: classifyMetaError(info) };
	}
	return { index, ok: true, statusCode: code, body };
}

/**
 * Graph batch requests (reference §9.3): at most 50 operations per call, so longer lists are sent in chunks.
 * Results come back in input order, each with its own success or classified error.
 */
export async function graphBatch(ctx: GraphContext, layer: GraphLayerOptions, operations: BatchOperation[]): Promise<BatchResult[]> {
	const results: BatchResult[] = [];
	for (let start = 0; start < operations.length; start += MAX_BATCH_OPERATIONS) {
		const chunk = operations.slice(start, start + MAX_BATCH_OPERATIONS);
		const batch = chunk.map((op) => ({
			method: op.method,
			relative_url: op.relativeUrl.replace(/^\/+/, ''),
			...(op.body ? { body: encodeForm(op.body) } : {}),
			...(op.name ? { name: op.name } : {}),
		}));
		const { body } = await graphRequest<Array<RawBatchItem | null>>(ctx, layer, {
			method: 'POST',
			path: '',
			body: { batch, include_headers: false },
			idempotent: chunk.every((op) => op.method === 'GET'),
		});
		const items = Array.isArray(body) ? body : [];
		chunk.forEach((_op, offset) => results.push(parseItem(items[offset] ?? null, start + offset)));
	}
	return results;
}
