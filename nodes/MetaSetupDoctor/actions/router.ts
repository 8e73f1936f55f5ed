import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import * as token from './token';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → execute; each operation lives in actions/<resource>/<operation>.operation.ts. */
const operations: Record<string, Record<string, OperationExecute>> = {
	token: { check: token.check.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
				output.push({ json: { error: (error as Error).message, ...(error as NodeApiError).context }, pairedItem: { item: i } });
				continue;
			}
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [output];
}
