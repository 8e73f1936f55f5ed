import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import { executeSetupCheck } from '../../shared/doctor/setupCheck';
import * as ad from './ad';
import * as adSet from './adSet';
import * as campaign from './campaign';
import * as insights from './insights';
import * as lead from './lead';
import { boundForTool } from '../helpers/toolOutput';

const operations: OperationTable = {
	insights: { get: insights.get.execute },
	campaign: { getMany: campaign.getMany.execute },
	adSet: { getMany: adSet.getMany.execute },
	ad: { getMany: ad.getMany.execute },
	lead: { get: lead.get.execute },
	setup: { check: executeSetupCheck },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const [items] = await routeOperations.call(this, operations);
	return [boundForTool(this, items)];
}
