import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import {
	INSTAGRAM_REFRESH_MIN_AGE_SECONDS,
	INSTAGRAM_REFRESH_WINDOW_SECONDS,
	SHORT_LIVED_TOKEN_MAX_SECONDS,
} from '../constants';
import { normaliseGraphVersion } from '../hosts';
import type { MetaPlatform } from './scopes';
import {
	debugFacebookToken,
	exchangeFacebookToken,
	exchangeInstagramToken,
	attemptTokenCall,
	MetaTokenError,
	nowSeconds,
	refreshInstagramToken,
	TOKEN_SHAPE,
	type IssuedToken,
	type TokenEndpointOptions,
} from './tokenCalls';

/**
 * The "Meta Access Token" credential keeps the token it actually uses (exchanged or refreshed) in hidden fields.
 * n8n persists what `preAuthentication` returns when the hidden `expirable` field resolves to an empty string, so
 * that field holds an expression that turns empty when the pasted token changes or the session is due for renewal.
 */
export const SESSION_FIELDS = {
	state: 'sessionState',
	token: 'sessionToken',
	expiresAt: 'sessionExpiresAt',
	issuedAt: 'sessionIssuedAt',
	tokenSuffix: 'sessionTokenSuffix',
} as const;

const SUFFIX_LENGTH = 6;
/** Tokens that never expire (system users, page tokens) are re-inspected this often. */
const RECHECK_NON_EXPIRING_SECONDS = 7 * 24 * 60 * 60;

export function detectPlatform(token: string, kind: unknown): MetaPlatform {
	if (kind === 'facebook' || kind === 'instagram') return kind;
	return /^(IGAA|IGQV)/.test(token.trim()) ? 'instagram' : 'facebook';
}

function suffixOf(token: string): string {
	return token.trim().slice(-SUFFIX_LENGTH);
}

function pastedToken(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.accessToken ?? '').trim();
}

/** The stored session belongs to the token currently pasted in the credential. */
export function sessionMatches(credentials: ICredentialDataDecryptedObject): boolean {
	const token = pastedToken(credentials);
	const stored = credentials[SESSION_FIELDS.token];
	// A saved "undefined" or other non-token (from an answer without a token) is no session: exchange again.
	return typeof stored === 'string' && TOKEN_SHAPE.test(stored) && credentials[SESSION_FIELDS.tokenSuffix] === suffixOf(token);
}

/** The token requests are signed with: the exchanged/refreshed one when it belongs to the pasted token. */
export function effectiveAccessToken(credentials: ICredentialDataDecryptedObject): string {
	return sessionMatches(credentials) ? String(credentials[SESSION_FIELDS.token]) : pastedToken(credentials);
}

/**
 * Expression for the expirable field: `current` until `dueAtSeconds` while the pasted token is unchanged, then
 * empty, which makes n8n run `preAuthentication` again and save its result.
 */
export function sessionStateExpression(token: string, dueAtSeconds: number): string {
	return `={{ String($self.accessToken || '').trim().slice(-${SUFFIX_LENGTH}) === ${JSON.stringify(
		suffixOf(token),
	)} && $now.toMillis() < ${dueAtSeconds * 1000} ? 'current' : '' }}`;
}

function endpointOf(credentials: ICredentialDataDecryptedObject): TokenEndpointOptions {
	return {
		version: normaliseGraphVersion(credentials.graphApiVersion),
		baseUrlOverride: String(credentials.baseUrlOverride ?? ''),
	};
}

function storedSession(credentials: ICredentialDataDecryptedObject): IssuedToken | undefined {
	if (!sessionMatches(credentials)) return undefined;
	return {
		accessToken: String(credentials[SESSION_FIELDS.token]),
		expiresAt: Number(credentials[SESSION_FIELDS.expiresAt] ?? 0) || 0,
		issuedAt: Number(credentials[SESSION_FIELDS.issuedAt] ?? 0) || nowSeconds(),
	};
}

async function facebookSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<{ session: IssuedToken; dueAt: number }> {
	const endpoint = endpointOf(credentials);
	const appId = String(credentials.appId ?? '').trim();
	const appSecret = String(credentials.appSecret ?? '').trim();
	const now = nowSeconds();
	let session = storedSession(credentials);
	if (!session && appId && appSecret) {
		const info = await debugFacebookToken(helper, endpoint, { appId, appSecret }, token);
		if (!info.isValid) {
			throw new MetaTokenError(
				`The pasted Meta token is not valid (${info.error?.message ?? 'expired or revoked'}): paste a new token into the credential.`,
				'reconnect',
				info.error?.code,
				info.error?.subcode,
			);
		}
		const shortLived = info.type === 'USER' && info.expiresAt > 0 && info.expiresAt - now < SHORT_LIVED_TOKEN_MAX_SECONDS;
		session = shortLived
			? await exchangeFacebookToken(helper, endpoint, { appId, appSecret }, token)
			: { accessToken: token, expiresAt: info.expiresAt, issuedAt: info.issuedAt ?? now };
	}
	session ??= { accessToken: token, expiresAt: 0, issuedAt: now };
	// A Facebook token cannot be refreshed; look again when it expires (to report it) or weekly if it never does.
	const dueAt = session.expiresAt > now ? session.expiresAt : now + RECHECK_NON_EXPIRING_SECONDS;
	return { session, dueAt };
}

function instagramRefreshDueAt(session: IssuedToken): number {
	const oldEnough = session.issuedAt + INSTAGRAM_REFRESH_MIN_AGE_SECONDS;
	if (!session.expiresAt) return oldEnough;
	return Math.max(oldEnough, session.expiresAt - INSTAGRAM_REFRESH_WINDOW_SECONDS);
}

async function instagramSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<{ session: IssuedToken; dueAt: number }> {
	const endpoint = endpointOf(credentials);
	const appSecret = String(credentials.appSecret ?? '').trim();
	const now = nowSeconds();
	let session = storedSession(credentials);
	if (!session) {
		session = { accessToken: token, expiresAt: 0, issuedAt: now };
		if (appSecret) {
			const exchanged = await attemptTokenCall(async () => await exchangeInstagramToken(helper, endpoint, appSecret, token));
			// Meta refuses to exchange a token that is already long-lived; a dead token or an outage is a real failure.
			if (exchanged.ok) session = exchanged.value;
			else if (exchanged.error.category === 'reconnect' || exchanged.error.category === 'retry_later') {
				throw exchanged.error;
			}
		}
	}
	if (now >= instagramRefreshDueAt(session)) {
		session = await refreshInstagramToken(helper, endpoint, session.accessToken);
	}
	return { session, dueAt: instagramRefreshDueAt(session) };
}

/** `preAuthentication` of the Meta Access Token credential. */
export async function renewAccessTokenSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const token = pastedToken(credentials);
	if (!token) {
		throw new MetaTokenError('The credential has no access token: paste one into the Access Token field.', 'reconnect');
	}
	const platform = detectPlatform(token, credentials.apiHost);
	const { session, dueAt } =
		platform === 'instagram'
			? await instagramSession(helper, credentials, token)
			: await facebookSession(helper, credentials, token);
	return {
		[SESSION_FIELDS.token]: session.accessToken,
		[SESSION_FIELDS.expiresAt]: session.expiresAt,
		[SESSION_FIELDS.issuedAt]: session.issuedAt,
		[SESSION_FIELDS.tokenSuffix]: suffixOf(token),
		[SESSION_FIELDS.state]: sessionStateExpression(token, dueAt),
	};
}
