import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { effectiveAccessToken } from './accessTokenSession';
import { appsecretProof } from './appsecretProof';

/**
 * `authenticate` of the Meta Access Token credential: the token goes in the Authorization header (never in the
 * URL, where it would end up in logs), `OAuth` for rupload as Meta requires, plus appsecret_proof when the secret
 * is known. A request that already names its token in the header (a Page token the shared layer derived) is signed
 * for that token.
 */
export function signWithAccessToken(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	const appSecret = String(credentials.appSecret ?? '').trim();
	const namedToken = /^(?:Bearer|OAuth)\s+(\S+)$/.exec(String(headers.Authorization ?? ''))?.[1];
	const token = namedToken ?? effectiveAccessToken(credentials);
	if (!namedToken) {
		const scheme = String(requestOptions.url ?? '').includes('rupload.facebook.com') ? 'OAuth' : 'Bearer';
		headers.Authorization = `${scheme} ${token}`;
	}
	if (appSecret && token) qs.appsecret_proof = appsecretProof(token, appSecret);
	return { ...requestOptions, qs, headers };
}
