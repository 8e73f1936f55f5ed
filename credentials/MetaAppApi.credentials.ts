import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { baseUrlOverrideField, graphVersionField, hostUrlExpression, versionSuffix } from '../nodes/shared/descriptions/credentialFields';

/** The Meta app behind webhooks: its secret signs deliveries and its app token manages subscriptions. */
export class MetaAppApi implements ICredentialType {
	name = 'metaAppApi';

	displayName = 'Meta App API';

	icon: Icon = { light: 'file:icons/meta.svg', dark: 'file:icons/meta.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-meta-business/n8n-nodes-meta-business#webhooks-for-triggers';

	properties: INodeProperties[] = [
		{ displayName: 'App ID', name: 'appId', type: 'string', default: '', required: true },
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Verifies the X-Hub-Signature-256 of every delivery and makes the app token for subscriptions',
		},
		{
			displayName: 'Instagram App Secret',
			name: 'instagramAppSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for apps using Instagram Login: the secret shown under the Instagram product, which signs its webhooks',
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"A secret you choose: paste the same value into Meta's Webhooks settings. Meta sends it back when it verifies the callback URL.",
		},
		graphVersionField,
		baseUrlOverrideField,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: hostUrlExpression('graph.facebook.com', '$credentials', versionSuffix('$credentials')),
			url: '=/{{$credentials.appId}}',
			qs: { fields: 'id,name' },
			// The app token in the header, never in the URL.
			headers: { Authorization: '=Bearer {{$credentials.appId}}|{{$credentials.appSecret}}' },
		},
	};
}
