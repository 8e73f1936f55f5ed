import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IHttpRequestHelper, INodeProperties, Icon } from 'n8n-workflow';
import { upgradeFacebookOAuthToken } from '../nodes/shared/auth/oauthSession';
import { PRODUCT_SCOPE_OPTIONS, scopeExpression } from '../nodes/shared/auth/scopeExpressions';
import { baseUrlOverrideField, graphVersionField, hostUrlExpression, versionSuffix } from '../nodes/shared/descriptions/credentialFields';

/** Facebook Login (and Facebook Login for Business) through n8n's OAuth2 flow. */
export class MetaOAuth2Api implements ICredentialType {
	name = 'metaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Meta OAuth2 API';

	icon: Icon = { light: 'file:icons/meta.svg', dark: 'file:icons/meta.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-meta-business/n8n-nodes-meta-business#instagram';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Login Type',
			name: 'loginMode',
			type: 'options',
			options: [
				{ name: 'Facebook Login (Choose Products)', value: 'scopes' },
				{ name: 'Facebook Login for Business (Configuration ID)', value: 'configId' },
			],
			default: 'scopes',
		},
		{
			displayName: 'Products',
			name: 'products',
			type: 'multiOptions',
			options: PRODUCT_SCOPE_OPTIONS,
			default: ['instagramPublish', 'instagramMessaging', 'instagramComments', 'pages'],
			description: 'Which Meta features this connection is for; the matching permissions are requested at login',
			displayOptions: { show: { loginMode: ['scopes'] } },
		},
		{
			displayName: 'Configuration ID',
			name: 'configId',
			type: 'string',
			default: '',
			description: 'The configuration ID from Facebook Login for Business in your Meta app dashboard',
			displayOptions: { show: { loginMode: ['configId'] } },
		},
		graphVersionField,
		baseUrlOverrideField,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: hostUrlExpression('www.facebook.com', '$self', `${versionSuffix('$self')} + "/dialog/oauth"`),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: hostUrlExpression('graph.facebook.com', '$self', `${versionSuffix('$self')} + "/oauth/access_token"`),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: scopeExpression('facebook'),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default:
				'={{ $self.loginMode === "configId" ? "config_id=" + String($self.configId).trim() + "&override_default_response_type=true" : "" }}',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	/**
	 * n8n 2.41 calls this before each OAuth2 request and keeps nothing it returns: a long-lived token (what Meta's
	 * server-side code exchange usually gives) is used as it is with no call; a short-lived one is exchanged once.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await upgradeFacebookOAuthToken(this, credentials);
	}
}
