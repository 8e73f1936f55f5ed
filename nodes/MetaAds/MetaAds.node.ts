import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty, metaCredentials } from '../shared/descriptions/authentication';
import { setupOperationProperties } from '../shared/doctor/setupCheck';
import * as ad from './actions/ad';
import * as adSet from './actions/adSet';
import * as campaign from './actions/campaign';
import * as insights from './actions/insights';
import * as lead from './actions/lead';
import { router } from './actions/router';
import { ADS_CREDENTIAL_TYPES } from './helpers/layer';
import { credentialTest, listSearch } from './methods';

export class MetaAds implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Ads',
		name: 'metaAds',
		icon: { light: 'file:metaAds.svg', dark: 'file:metaAds.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
		subtitle:
			'={{ ({"insights:get":"Get ad insights","campaign:getMany":"Get many campaigns","campaign:getStatus":"Get the status of a campaign","campaign:pause":"Pause a campaign","campaign:resume":"Resume a campaign","campaign:setBudget":"Set the budget of a campaign","adSet:getMany":"Get many ad sets","adSet:getStatus":"Get the status of an ad set","adSet:pause":"Pause an ad set","adSet:resume":"Resume an ad set","adSet:setBudget":"Set the budget of an ad set","ad:getMany":"Get many ads","ad:getStatus":"Get the status of an ad","ad:pause":"Pause an ad","ad:resume":"Resume an ad","lead:get":"Get a lead","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Pull Meta ad performance (insights) at any level and size; list, pause and resume campaigns, ad sets and ads and change their budgets',
		defaults: { name: 'Meta Ads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: metaCredentials(ADS_CREDENTIAL_TYPES, 'metaCredentialTest'),
		properties: [
			authenticationProperty(ADS_CREDENTIAL_TYPES, 'metaOAuth2Api'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Ad', value: 'ad' },
					{ name: 'Ad Set', value: 'adSet' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Insight', value: 'insights' },
					{ name: 'Lead', value: 'lead' },
					// Setup → Check: see setupOperationProperties (nodes/shared/doctor/setupCheck.ts).
					{ name: 'Setup', value: 'setup' },
				],
				default: 'insights',
			},
			...insights.description,
			...campaign.description,
			...adSet.description,
			...ad.description,
			...lead.description,
			...setupOperationProperties,
		],
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
