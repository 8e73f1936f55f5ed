import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { setReaction } from './react.operation';

/** Shares Message ID with React. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await setReaction.call(this, itemIndex, false);
}
