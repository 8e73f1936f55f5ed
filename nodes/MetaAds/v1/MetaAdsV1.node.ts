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
		'={{ ({"insights:get":"Get ad insights","campaign:getMany":"Get many campaigns","campaign:getStatus":"Get the status of a campaign","campaign:pause":"Pause a campaign","campaign:resume":"Resume a campaign","campaign:setBudget":"Set the budget of a campaign","adSet:getMany":"Get many ad sets","adSet:getStatus":"Get the status of an ad set","adSet:pause":"Pause an ad set","adSet:resume":"Resume an ad set","adSet:setBudget":"Set the budget of an ad set","ad:getMany":"Get many ads","ad:getStatus":"Get the status of an ad","ad:pause":"Pause an ad","ad:resume":"Resume an ad","lead:get":"Get a lead","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
	description: 'Pull Meta ad performance (insights) at any level and size; list, pause and resume campaigns, ad sets and ads and change their budgets',
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
