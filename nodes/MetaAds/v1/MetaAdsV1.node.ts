import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { credentialTest, listSearch } from '../methods';

/** What every version shares (n8n's VersionedNodeType base description): name, icon, subtitle, first set by version 1. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Meta Ads',
	name: 'metaAds',
	icon: { light: 'file:metaAds.svg', dark: 'file:metaAds.dark.svg' },
	group: ['transform'],
	// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
	subtitle:
		'={{ ({"insights:get":"Get ad insights","campaign:getMany":"Get many campaigns","adSet:getMany":"Get many ad sets","ad:getMany":"Get many ads","lead:get":"Get a lead","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
	description: 'Pull Meta ad performance (insights) at any level and size, and list campaigns, ad sets and ads',
	defaultVersion: 2,
	usableAsTool: true,
};

/** Version 1, as first published: Authentication defaults to Facebook Login (OAuth2). */
export class MetaAdsV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 1),
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
