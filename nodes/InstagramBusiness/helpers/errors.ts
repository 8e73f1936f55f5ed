import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import type { InstagramCall } from './context';

/** Meta failed temporarily or did not answer (the shared layer has already retried on its own). */
export function isTemporaryFailure(error: unknown): boolean {
	const meta = ((error as NodeApiError)?.context?.metaError ?? {}) as IDataObject;
	return meta.category === 'retry_later' || meta.outcomeUnknown === true;
}

/** Errors of the shared Graph layer already carry Meta's classified context: pass them on as they are; wrap the rest. */
export function passOn(call: InstagramCall, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(call.ctx.getNode(), error as Error, { itemIndex: call.itemIndex });
}
