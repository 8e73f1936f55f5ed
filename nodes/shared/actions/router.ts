import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import { runWriteOnce, wentOutSentence, writeLedger, type WentOut } from '../idempotency';

/** One operation: runs for one input item and returns its output items (paired to that item). */
export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → execute; each operation lives in actions/<resource>/<operation>.operation.ts. */
export type OperationTable = Record<string, Record<string, OperationExecute>>;

export interface RouteOptions {
	/**
	 * `resource.operation` of operations that create something on Meta (a comment, a message): each item's write runs
	 * at most once per execution, whatever Retry On Fail or a retried execution does (nodes/shared/idempotency.ts).
	 */
	writes?: ReadonlySet<string>;
}

/**
 * Runs the chosen operation for every input item: one output item per input item. With "continue on fail" (either
 * output) a failed item becomes an error item that n8n routes to the error output; without it the node fails, and
 * the error says which items' writes had already gone out.
 */
export async function routeOperations(this: IExecuteFunctions, operations: OperationTable, options: RouteOptions = {}): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const resource = this.getNodeParameter('resource', i) as string;
		const operation = this.getNodeParameter('operation', i) as string;
		const execute = operations[resource]?.[operation];
		if (!execute) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
		}
		const kind = `${resource}.${operation}`;
		try {
			const run = async () => await execute.call(this, i);
			output.push(...(options.writes?.has(kind) ? await runWriteOnce(this, i, kind, run) : await run()));
		} catch (error) {
			const nodeError = asNodeError(this, error as Error, i);
			if (this.continueOnFail()) {
				output.push(errorItem(nodeError, i));
				continue;
			}
			throw withWentOut(nodeError, writeLedger(this).completed());
		}
	}
	return [output];
}

/**
 * The item of a failed input item. n8n sends an item to the error output ("On Error → Continue (using error output)")
 * when its json holds only `error`, `message` and `details` (n8n-core WorkflowExecute.handleNodeErrorOutput); an
 * `item.error` would be recognised too, but n8n then replaces the json with the bare message. So: `error` is the
 * headline, `message` the full explanation (what to do, Meta's words, code and fbtrace_id), `details` the fields.
 */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const context = (error.context ?? {}) as IDataObject;
	const meta = (context.metaError ?? {}) as IDataObject;
	const extra: IDataObject = { ...context };
	delete extra.metaError;
	delete extra.itemIndex;
	const outcome = meta.outcome === 'unknown' || meta.outcomeUnknown === true ? 'unknown' : 'failed';
	const details: IDataObject = {
		outcome,
		category: (meta.category as string) ?? 'fix_configuration',
		fix: (meta.fix as string) ?? error.description ?? error.message,
		code: meta.code ?? null,
		subcode: meta.subcode ?? null,
		fbtraceId: meta.fbtraceId ?? null,
		retryable: outcome === 'unknown' ? false : (meta.retryable ?? false),
		title: meta.title ?? null,
		httpCode: (error as NodeApiError).httpCode ?? null,
		itemIndex,
		...extra,
	};
	return {
		json: { error: error.message, message: error.description ? `${error.message}: ${error.description}` : error.message, details },
		pairedItem: { item: itemIndex },
	};
}

/** The error that stops a run, saying which items' writes already went out (they are not repeated on a retry). */
export function withWentOut<E extends NodeApiError | NodeOperationError>(error: E, wentOut: WentOut[]): E {
	const sentence = wentOutSentence(wentOut);
	if (!sentence) return error;
	error.description = [error.description, sentence].filter(Boolean).join(' ');
	error.context.wentOut = wentOut as unknown as IDataObject[];
	return error;
}

/** Keeps NodeApiErrors (Meta's classified errors) as they are, bound to this node; wraps anything else. */
export function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) {
		if (error.node?.name === ctx.getNode().name) return error;
		const rebound = new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
		rebound.context = error.context;
		return rebound;
	}
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}
