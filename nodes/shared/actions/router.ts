import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

/** One operation: runs for one input item and returns its output items (paired to that item). */
export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → execute; each operation lives in actions/<resource>/<operation>.operation.ts. */
export type OperationTable = Record<string, Record<string, OperationExecute>>;

/**
 * Runs the chosen operation for every input item. With "continue on fail" a failed item becomes an output item that
 * carries the classified error (the Meta error context, never a secret), so one output per input is kept.
 */
export async function routeOperations(this: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const resource = this.getNodeParameter('resource', i) as string;
		const operation = this.getNodeParameter('operation', i) as string;
		const execute = operations[resource]?.[operation];
		if (!execute) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
		}
		try {
			output.push(...(await execute.call(this, i)));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(failedItem(error as Error, i));
				continue;
			}
			throw asNodeError(this, error as Error, i);
		}
	}
	return [output];
}

/** The output item for a failed input item under "continue on fail". */
export function failedItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message, ...(error as NodeApiError).context }, pairedItem: { item: itemIndex } };
}

/** Keeps NodeApiErrors (Meta's classified errors) as they are, bound to this node; wraps anything else. */
export function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}
