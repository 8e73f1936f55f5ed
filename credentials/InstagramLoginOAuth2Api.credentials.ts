import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IHttpRequestHelper, INodeProperties, Icon } from 'n8n-workflow';
import { upgradeInstagramOAuthToken } from '../nodes/shared/auth/oauthSession';
import { PRODUCT_SCOPE_OPTIONS, scopeExpression } from '../nodes/shared/auth/scopeExpressions';
import { baseUrlOverrideField, graphVersionField, hostUrlExpression } from '../nodes/shared/descriptions/credentialFields';

/** Instagram API with Instagram Login (graph.instagram.com), through n8n's OAuth2 flow. */
export class InstagramLoginOAuth2Api implements ICredentialType {
	name = 'instagramLoginOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Instagram Login OAuth2 API';

	icon: Icon = { light: 'file:icons/instagram.svg', dark: 'file:icons/instagram.dark.svg' };

	documentationUrl = 'https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Products',
			name: 'products',
			type: 'multiOptions',
			options: PRODUCT_SCOPE_OPTIONS.filter((o) => String(o.value).startsWith('instagram')),
			default: ['instagramPublish', 'instagramMessaging', 'instagramComments'],
			description: 'Which Instagram features this connection is for; the matching permissions are requested at login',
		},
		graphVersionField,
		baseUrlOverrideField,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: hostUrlExpression('www.instagram.com', '$self', ' + "/oauth/authorize"'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: hostUrlExpression('api.instagram.com', '$self', ' + "/oauth/access_token"'),
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: scopeExpression('instagram') },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	/** n8n 2.41 calls this before each OAuth2 request: normalises Instagram's answer and exchanges or refreshes the token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await upgradeInstagramOAuthToken(this, credentials);
	}
}
