import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as token from './token';

const operations: OperationTable = {
	token: { check: token.check.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
