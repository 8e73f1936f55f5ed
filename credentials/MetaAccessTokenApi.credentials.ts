import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { renewAccessTokenSession, SESSION_FIELDS } from '../nodes/shared/auth/accessTokenSession';
import { signWithAccessToken } from '../nodes/shared/auth/signRequest';
import { baseUrlOverrideField, graphVersionField } from '../nodes/shared/descriptions/credentialFields';

/**
 * A pasted token: system user, Page, long-lived user or Instagram Login token. Tested by every node that uses it
 * (`testedBy`), so n8n shows what the token can and cannot do rather than a bare "Connection successful".
 */
export class MetaAccessTokenApi implements ICredentialType {
	name = 'metaAccessTokenApi';

	displayName = 'Meta Access Token API';

	icon: Icon = { light: 'file:icons/meta.svg', dark: 'file:icons/meta.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-meta-business/n8n-nodes-meta-business#which-credential-do-i-need';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A system-user, Page, user or Instagram Login token. A short-lived user token is exchanged for a long-lived one automatically when the app ID and secret are set.',
		},
		{
			displayName: 'API Host',
			name: 'apiHost',
			type: 'options',
			options: [
				{ name: 'Detect From Token', value: 'auto' },
				{ name: 'Facebook Login, Page or System User (graph.facebook.com)', value: 'facebook' },
				{ name: 'Instagram Login (graph.instagram.com)', value: 'instagram' },
			],
			default: 'auto',
			description: 'Which Graph host the token belongs to; tokens starting with IGAA are Instagram Login tokens',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description: 'Optional. With the app secret, lets the credential exchange short-lived tokens and inspect the token.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. When set, every request carries appsecret_proof. For Instagram Login tokens use the Instagram app secret.',
		},
		graphVersionField,
		baseUrlOverrideField,
		{
			displayName: 'Session State',
			name: SESSION_FIELDS.state,
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{ displayName: 'Session Token', name: SESSION_FIELDS.token, type: 'hidden', typeOptions: { password: true }, default: '' },
		{ displayName: 'Session Expires At', name: SESSION_FIELDS.expiresAt, type: 'hidden', default: 0 },
		{ displayName: 'Session Issued At', name: SESSION_FIELDS.issuedAt, type: 'hidden', default: 0 },
		{ displayName: 'Session Token Suffix', name: SESSION_FIELDS.tokenSuffix, type: 'hidden', default: '' },
	];

	/** Exchanges or refreshes the pasted token when needed; n8n stores what this returns. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await renewAccessTokenSession(this, credentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return signWithAccessToken(credentials, requestOptions);
	}
}
