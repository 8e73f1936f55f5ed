import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { META_CREDENTIAL_TYPES } from '../../shared/connection';
import { authenticationProperty } from '../../shared/descriptions/authentication';
import { actionNodeVersion } from '../../shared/descriptions/versions';
import * as token from './token';

/** Everything but the version is shared: an operation added under actions/ appears in every version. */
export function versionDescription(baseDescription: INodeTypeBaseDescription, version: number): INodeTypeDescription {
	const properties: INodeProperties[] = [
		authenticationProperty(META_CREDENTIAL_TYPES, 'metaAccessTokenApi'),
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Token', value: 'token' }],
			default: 'token',
		},
		...token.description,
		{
			displayName: 'Check App and Webhooks',
			name: 'checkApp',
			type: 'boolean',
			default: false,
			description: 'Whether to also check the Meta app (live mode, business portfolio) and its webhook subscriptions, with a Meta App credential',
			// No displayOptions: n8n's editor hides every parameter that a credential-controlling field's
			// displayOptions name (here it hid Resource and Operation).
		},
		{
			displayName: 'Check Refused Deliveries',
			name: 'checkRefusals',
			type: 'boolean',
			default: false,
			description:
				'Whether to list, for every active workflow with an Instagram, WhatsApp or Meta trigger, the last webhook deliveries it refused (wrong signature, wrong verify token, expired) with the reason and the fix, using an n8n API key',
		},
	];
	return actionNodeVersion(baseDescription, version, [
			{ name: 'metaOAuth2Api', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaOAuth2Api'] } } },
			{ name: 'metaAccessTokenApi', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaAccessTokenApi'] } } },
			// The app token reads the app itself and its webhook subscriptions: a second credential, asked for only
			// when the app is to be checked.
			{ name: 'metaAppApi', required: true, displayOptions: { show: { checkApp: [true] } } },
			// An API key of this n8n: the triggers' refusals live in workflow static data, readable only through n8n's API.
			{ name: 'metaN8nApi', required: true, displayOptions: { show: { checkRefusals: [true] } } },
		], properties);
}
