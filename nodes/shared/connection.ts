import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { detectPlatform, effectiveAccessToken } from './auth/accessTokenSession';
import { appsecretProof } from './auth/appsecretProof';
import { isShortLived, normaliseInstagramTokenData } from './auth/oauthSession';
import type { MetaPlatform } from './auth/scopes';
import { META_HOSTS, type MetaHost } from './constants';
import { normaliseGraphVersion } from './hosts';

/** Every n8n context the shared layer is called from. */
export type GraphContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | IPollFunctions;

/** The credentials nodes act with; `metaAppApi` acts as the app itself (app token), e.g. for webhook subscriptions. */
export type MetaCredentialType = 'metaOAuth2Api' | 'instagramLoginOAuth2Api' | 'metaAccessTokenApi' | 'metaAppApi';

export const META_CREDENTIAL_TYPES: readonly MetaCredentialType[] = [
	'metaOAuth2Api',
	'instagramLoginOAuth2Api',
	'metaAccessTokenApi',
];

/** What the shared layer needs to know about the credential a node runs with. */
export interface GraphConnection {
	credentialType: MetaCredentialType;
	platform: MetaPlatform;
	graphHost: MetaHost;
	version: string;
	baseUrlOverride: string;
	/**
	 * appsecret_proof for the token the request will carry, when the shared layer (not the credential) must add it.
	 * OAuth2 requests are signed by n8n, so their proof is computed here; undefined when it cannot be known.
	 */
	oauthProof?: string;
	/** Strings that must never appear in an error or log. */
	secrets: string[];
	/** The app secret, when known, for appsecret_proof on tokens the shared layer sends itself (Page tokens). */
	appSecret?: string;
	/** `{app-id}|{app-secret}`, for calls made as the app (Meta App credential). */
	appToken?: string;
}

function oauthConnection(
	type: MetaCredentialType,
	credentials: ICredentialDataDecryptedObject,
): Pick<GraphConnection, 'oauthProof' | 'secrets' | 'appSecret'> {
	const raw = (credentials.oauthTokenData ?? {}) as IDataObject;
	const data = type === 'instagramLoginOAuth2Api' ? normaliseInstagramTokenData(raw) : raw;
	const token = typeof data.access_token === 'string' ? data.access_token : '';
	const secret = String(credentials.clientSecret ?? '');
	// A short-lived stored token is swapped in memory by preAuthentication, so its proof cannot be computed here.
	const oauthProof = token && secret && !isShortLived(data) ? appsecretProof(token, secret) : undefined;
	return { oauthProof, secrets: [token, secret].filter(Boolean), appSecret: secret || undefined };
}

export async function resolveConnection(ctx: GraphContext, credentialType: MetaCredentialType): Promise<GraphConnection> {
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const version = normaliseGraphVersion(credentials.graphApiVersion);
	const baseUrlOverride = String(credentials.baseUrlOverride ?? '');
	if (credentialType === 'metaAppApi') {
		const appSecret = String(credentials.appSecret ?? '');
		const appToken = `${String(credentials.appId ?? '')}|${appSecret}`;
		return {
			credentialType,
			platform: 'facebook',
			graphHost: META_HOSTS.facebookGraph,
			version,
			baseUrlOverride,
			appSecret,
			appToken,
			secrets: [appSecret, appToken, String(credentials.instagramAppSecret ?? ''), String(credentials.verifyToken ?? '')].filter(Boolean),
		};
	}
	if (credentialType === 'metaAccessTokenApi') {
		const platform = detectPlatform(String(credentials.accessToken ?? ''), credentials.apiHost);
		return {
			credentialType,
			platform,
			graphHost: platform === 'instagram' ? META_HOSTS.instagramGraph : META_HOSTS.facebookGraph,
			version,
			baseUrlOverride,
			appSecret: String(credentials.appSecret ?? '') || undefined,
			secrets: [
				String(credentials.accessToken ?? ''),
				effectiveAccessToken(credentials),
				String(credentials.appSecret ?? ''),
			].filter(Boolean),
		};
	}
	const platform: MetaPlatform = credentialType === 'instagramLoginOAuth2Api' ? 'instagram' : 'facebook';
	return {
		credentialType,
		platform,
		graphHost: platform === 'instagram' ? META_HOSTS.instagramGraph : META_HOSTS.facebookGraph,
		version,
		baseUrlOverride,
		...oauthConnection(credentialType, credentials),
	};
}
