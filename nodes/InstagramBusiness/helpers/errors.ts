import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { InstagramCall } from './context';

/** Errors of the shared Graph layer already carry Meta's classified context: pass them on as they are; wrap the rest. */
export function passOn(call: InstagramCall, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(call.ctx.getNode(), error as Error, { itemIndex: call.itemIndex });
}
