import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription } from '../v1/MetaAdsV1.node';
import { credentialTest, listSearch } from '../methods';

/** Version 2: Authentication defaults to an access token (a system user token, as the README advises for ads); n8n's Wait Between Tries sets the retry wait (docs/versions.md). */
export class MetaAdsV2 implements INodeType {
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
