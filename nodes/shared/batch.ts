import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
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

interface RawBatchItem {
	code: number;
	body?: string;
}

function encodeForm(fields: IDataObject): string {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	return form.toString();
}

function parseItem(item: RawBatchItem | null, index: number): BatchResult {
	if (!item) {
		// Meta may return null for an operation that timed out (reference §9.3).
		return {
			index,
			ok: false,
			statusCode: 0,
			error: localMetaError('retry_later', 'Meta did not finish this part of the batch in time: run it again.'),
		};
	}
	let body: unknown = item.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// Leave non-JSON bodies as text.
		}
	}
	if (item.code >= 400) {
		const info = parseMetaErrorBody(body, item.code) ?? { message: `HTTP ${item.code}`, httpStatus: item.code };
		return { index, ok: false, statusCode: item.code, body, error: classifyMetaError(info) };
	}
	return { index, ok: true, statusCode: item.code, body };
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
