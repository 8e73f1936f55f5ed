import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty } from '../../shared/descriptions/authentication';
import { actionNodeVersion } from '../../shared/descriptions/versions';
import { setupOperationProperties } from '../../shared/doctor/setupCheck';
import { WHATSAPP_CREDENTIAL_TYPES } from '../helpers/graph';
import { sendAndWaitWebhooks } from '../helpers/sendAndWaitWebhook';
import { wabaLocator } from './common';
import * as media from './media';
import * as message from './message';
import * as template from './template';

/** Everything but the version is shared: an operation added under actions/ appears in every version. */
export function versionDescription(baseDescription: INodeTypeBaseDescription, version: number): INodeTypeDescription {
	const properties: INodeProperties[] = [
		authenticationProperty(WHATSAPP_CREDENTIAL_TYPES, 'metaAccessTokenApi'),
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Media', value: 'media' },
				{ name: 'Message', value: 'message' },
				// Setup → Check: see setupOperationProperties (nodes/shared/doctor/setupCheck.ts).
				{ name: 'Setup', value: 'setup' },
				{ name: 'Template', value: 'template' },
			],
			default: 'message',
		},
		...message.description.slice(0, 1),
		...template.description.slice(0, 1),
		...media.description.slice(0, 1),
		...setupOperationProperties,
		wabaLocator,
		...message.description.slice(1),
		...template.description.slice(1),
		...media.description.slice(1),
	];
	const description = actionNodeVersion(baseDescription, version, [
			{ name: 'metaAccessTokenApi', required: true, displayOptions: { show: { authentication: ['metaAccessTokenApi'] } }, testedBy: 'metaCredentialTest' },
			{ name: 'metaOAuth2Api', required: true, displayOptions: { show: { authentication: ['metaOAuth2Api'] } }, testedBy: 'metaCredentialTest' },
		], properties);
	// Send and Wait for Response: the resume URL's webhooks (helpers/sendAndWaitWebhook.ts).
	return { ...description, webhooks: sendAndWaitWebhooks };
}
