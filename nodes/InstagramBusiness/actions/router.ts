import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import { executeSetupCheck } from '../../shared/doctor/setupCheck';
import * as media from './media';

const operations: OperationTable = {
	media: {
		publish: media.publish.execute,
		publishContainer: media.publishContainer.execute,
		getContainerStatus: media.getContainerStatus.execute,
		get: media.get.execute,
		getMany: media.getMany.execute,
		getPublishingLimit: media.getPublishingLimit.execute,
	},
	setup: { check: executeSetupCheck },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
