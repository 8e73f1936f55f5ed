import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty, metaCredentials } from '../../shared/descriptions/authentication';
import { actionNodeVersion } from '../../shared/descriptions/versions';
import { setupOperationProperties } from '../../shared/doctor/setupCheck';
import { ADS_CREDENTIAL_TYPES } from '../helpers/layer';
import * as ad from './ad';
import * as adSet from './adSet';
import * as campaign from './campaign';
import * as insights from './insights';
import * as lead from './lead';

/**
 * Everything but the version is shared: an operation added under actions/ appears in every version. Version 2
 * defaults Authentication to an access token: the README's credential table gives ads a system user token.
 */
export function versionDescription(baseDescription: INodeTypeBaseDescription, version: number): INodeTypeDescription {
	const properties: INodeProperties[] = [
		authenticationProperty(ADS_CREDENTIAL_TYPES, version >= 2 ? 'metaAccessTokenApi' : 'metaOAuth2Api'),
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
	];
	return actionNodeVersion(baseDescription, version, metaCredentials(ADS_CREDENTIAL_TYPES, 'metaCredentialTest'), properties);
}
