import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { INSTAGRAM_REFRESH_MIN_AGE_SECONDS, INSTAGRAM_REFRESH_WINDOW_SECONDS, SHORT_LIVED_TOKEN_MAX_SECONDS } from '../constants';
import { normaliseGraphVersion } from '../hosts';
import { exchangeFacebookToken, exchangeInstagramToken, nowSeconds, refreshInstagramToken } from './tokenCalls';

/**
 * `preAuthentication` of the two OAuth2 credentials. n8n 2.41 runs it before every OAuth2 request
 * (`runPreAuthentication`) and signs the request with the `oauthTokenData` it returns, but does not store that
 * result: only its own OAuth callback and refresh-token flow write `oauthTokenData`, and Meta has no refresh-token
 * grant. So the long-lived token is obtained in memory when the stored one is short-lived; the marker fields let
 * the shared layer know which token a request is signed with.
 */
export const LONG_LIVED_MARKER = 'meta_long_lived';

function tokenDataOf(credentials: ICredentialDataDecryptedObject): IDataObject {
	const data = credentials.oauthTokenData;
	if (!data || typeof data !== 'object') return {};
	return data as IDataObject;
}

/** Instagram's code exchange answers `{data:[{access_token,user_id,permissions}]}` or the flat object (reference §1.4). */
export function normaliseInstagramTokenData(data: IDataObject): IDataObject {
	if (typeof data.access_token === 'string' && data.access_token) return data;
	const first = Array.isArray(data.data) ? (data.data[0] as IDataObject | undefined) : undefined;
	if (!first || typeof first.access_token !== 'string') return data;
	const rest = { ...data };
	delete rest.data;
	return { ...rest, ...first, token_type: 'bearer' };
}

export function isShortLived(data: IDataObject): boolean {
	if (data[LONG_LIVED_MARKER] === true) return false;
	const expiresIn = Number(data.expires_in);
	// Instagram's code exchange gives no expires_in: its tokens are short-lived (1 hour) by definition.
	return !Number.isFinite(expiresIn) || expiresIn <= SHORT_LIVED_TOKEN_MAX_SECONDS;
}

function endpointOf(credentials: ICredentialDataDecryptedObject) {
	return {
		version: normaliseGraphVersion(credentials.graphApiVersion),
		baseUrlOverride: String(credentials.baseUrlOverride ?? ''),
	};
}

export async function upgradeFacebookOAuthToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const data = tokenDataOf(credentials);
	const token = typeof data.access_token === 'string' ? data.access_token : '';
	if (!token || !isShortLived(data)) return {};
	const issued = await exchangeFacebookToken(
		helper,
		endpointOf(credentials),
		{ appId: String(credentials.clientId ?? ''), appSecret: String(credentials.clientSecret ?? '') },
		token,
	);
	return {
		oauthTokenData: {
			...data,
			access_token: issued.accessToken,
			expires_in: issued.expiresAt ? issued.expiresAt - nowSeconds() : 0,
			meta_expires_at: issued.expiresAt,
			[LONG_LIVED_MARKER]: true,
		},
	};
}

export async function upgradeInstagramOAuthToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const data = normaliseInstagramTokenData(tokenDataOf(credentials));
	const token = typeof data.access_token === 'string' ? data.access_token : '';
	if (!token) return {};
	const endpoint = endpointOf(credentials);
	if (isShortLived(data)) {
		const issued = await exchangeInstagramToken(helper, endpoint, String(credentials.clientSecret ?? ''), token);
		return {
			oauthTokenData: {
				...data,
				access_token: issued.accessToken,
				meta_issued_at: issued.issuedAt,
				meta_expires_at: issued.expiresAt,
				[LONG_LIVED_MARKER]: true,
			},
		};
	}
	const issuedAt = Number(data.meta_issued_at ?? 0);
	const expiresAt = Number(data.meta_expires_at ?? 0);
	const now = nowSeconds();
	const due =
		issuedAt > 0 &&
		now - issuedAt >= INSTAGRAM_REFRESH_MIN_AGE_SECONDS &&
		expiresAt > now &&
		expiresAt - now <= INSTAGRAM_REFRESH_WINDOW_SECONDS;
	if (!due) return data === tokenDataOf(credentials) ? {} : { oauthTokenData: data };
	const refreshed = await refreshInstagramToken(helper, endpoint, token);
	return {
		oauthTokenData: {
			...data,
			access_token: refreshed.accessToken,
			meta_issued_at: refreshed.issuedAt,
			meta_expires_at: refreshed.expiresAt,
			[LONG_LIVED_MARKER]: true,
		},
	};
}
