import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { setHidden } from './hide.operation';

/** Shares the Comment ID field of Hide. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await setHidden.call(this, itemIndex, false);
}
