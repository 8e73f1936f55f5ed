import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as message from './message';

const operations: OperationTable = {
	message: { sendText: message.sendText.execute, sendMedia: message.sendMedia.execute, sendButtons: message.sendButtons.execute },
};

/** Every send is a write: at most once per item and execution (nodes/shared/idempotency.ts). */
const WRITES = new Set(['message.sendText', 'message.sendMedia', 'message.sendButtons']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations, { writes: WRITES });
}
