import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { META_CREDENTIAL_TYPES } from '../../shared/connection';
import { authenticationProperty } from '../../shared/descriptions/authentication';
import { actionNodeVersion } from '../../shared/descriptions/versions';
import { setupOperationProperties } from '../../shared/doctor/setupCheck';
import * as comment from './comment';
import * as insights from './insights';
import * as media from './media';
import * as mention from './mention';
import * as message from './message';

/** Everything but the version is shared: an operation added under actions/ appears in every version. */
export function versionDescription(baseDescription: INodeTypeBaseDescription, version: number): INodeTypeDescription {
	const properties: INodeProperties[] = [
		authenticationProperty(META_CREDENTIAL_TYPES, 'metaOAuth2Api'),
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			// Setup → Check: see setupOperationProperties (nodes/shared/doctor/setupCheck.ts).
			options: [
				{ name: 'Comment', value: 'comment' },
				{ name: 'Insight', value: 'insights' },
				{ name: 'Media', value: 'media' },
				{ name: 'Mention', value: 'mention' },
				{ name: 'Message', value: 'message' },
				{ name: 'Setup', value: 'setup' },
			],
			default: 'media',
		},
		...media.description,
		...comment.description,
		...mention.description,
		...message.description,
		...insights.description,
		...setupOperationProperties,
	];
	return actionNodeVersion(baseDescription, version, [
			{ name: 'metaOAuth2Api', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaOAuth2Api'] } } },
			{ name: 'metaAccessTokenApi', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaAccessTokenApi'] } } },
		], properties);
}
