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
	campaign: {
		getMany: campaign.getMany.execute,
		getStatus: campaign.getStatus.execute,
		pause: campaign.pause.execute,
		resume: campaign.resume.execute,
		setBudget: campaign.setBudget.execute,
	},
	adSet: {
		getMany: adSet.getMany.execute,
		getStatus: adSet.getStatus.execute,
		pause: adSet.pause.execute,
		resume: adSet.resume.execute,
		setBudget: adSet.setBudget.execute,
	},
	ad: { getMany: ad.getMany.execute, getStatus: ad.getStatus.execute, pause: ad.pause.execute, resume: ad.resume.execute },
	lead: { get: lead.get.execute },
	setup: { check: executeSetupCheck },
};

/** Writes: each item's change goes out at most once per execution (nodes/shared/idempotency.ts). */
const writes = new Set(['campaign.pause', 'campaign.resume', 'campaign.setBudget', 'adSet.pause', 'adSet.resume', 'adSet.setBudget', 'ad.pause', 'ad.resume']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const [items] = await routeOperations.call(this, operations, { writes });
	return [boundForTool(this, items)];
}
