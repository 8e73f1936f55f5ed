import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription } from '../v1/InstagramBusinessV1.node';
import { credentialTest, listSearch } from '../methods';

/** Version 2: no Retry Wait option; n8n's Retry On Fail → Wait Between Tries sets the wait (docs/versions.md). */
export class InstagramBusinessV2 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 2),
		// The node's own icon and subtitle (baseDescription), named here as n8n's community lint asks of a node class.
		icon: baseDescription.icon,
		subtitle: baseDescription.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
