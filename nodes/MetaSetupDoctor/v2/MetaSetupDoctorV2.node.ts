import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription } from '../v1/MetaSetupDoctorV1.node';
import { credentialTest } from '../methods';

/** Version 2: with Retry On Fail on, a call Meta failed temporarily is repeated after n8n's Wait Between Tries (docs/versions.md). */
export class MetaSetupDoctorV2 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 2),
		// The node's own icon and subtitle (baseDescription), named here as n8n's community lint asks of a node class.
		icon: baseDescription.icon,
		subtitle: baseDescription.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
