import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { DEFAULT_GRAPH_VERSION } from '../nodes/shared/constants';

/** The Meta app behind webhooks: its secret signs deliveries and its app token manages subscriptions. */
export class MetaAppApi implements ICredentialType {
	name = 'metaAppApi';

	displayName = 'Meta App API';

	icon: Icon = { light: 'file:icons/meta.svg', dark: 'file:icons/meta.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started';

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
			description:
				"The token Meta echoes when it verifies the callback URL. Leave empty and the trigger derives one from the app secret; it shows you the value to paste into Meta's dashboard.",
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: DEFAULT_GRAPH_VERSION,
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrlOverride',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010',
			description: 'For testing against a local Meta sandbox only; leave empty to talk to Meta',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrlOverride ? String($credentials.baseUrlOverride).replace(/\\/+$/, "") + "/graph.facebook.com" : "https://graph.facebook.com") + "/" + ($credentials.graphApiVersion || "' +
				DEFAULT_GRAPH_VERSION +
				'") }}',
			url: '=/{{$credentials.appId}}',
			qs: { fields: 'id,name', access_token: '={{$credentials.appId}}|{{$credentials.appSecret}}' },
		},
	};
}
