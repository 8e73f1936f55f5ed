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
			'={{ ({"insights:get":"Get ad insights","campaign:getMany":"Get many campaigns","adSet:getMany":"Get many ad sets","ad:getMany":"Get many ads","lead:get":"Get a lead","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Pull Meta ad performance (insights) at any level and size, and list campaigns, ad sets and ads',
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
