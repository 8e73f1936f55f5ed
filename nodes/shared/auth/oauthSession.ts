import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { SHORT_LIVED_TOKEN_MAX_SECONDS } from '../constants';
import { normaliseGraphVersion } from '../hosts';
import { attemptTokenCall, debugFacebookToken, exchangeFacebookToken, nowSeconds } from './tokenCalls';

/**
 * The Meta OAuth2 (Facebook Login) credential's token. n8n 2.41 runs `preAuthentication` of an OAuth2 credential
 * before every request but stores nothing it returns, so whatever is learnt about a stored token is remembered here,
 * in memory, per token: a server-side code exchange usually returns a 60-day token, used as it is with no call; a
 * short-lived one is exchanged once; a token whose lifetime n8n did not record is measured with `debug_token` once.
 * A restarted n8n (or another worker) learns it again, once.
 */
export interface OAuthSession {
	/** The token requests are signed with (the stored one, or its long-lived exchange). */
	accessToken: string;
	/** Unix seconds; 0 = does not expire; undefined = not known. */
	expiresAt?: number;
}

const sessions = new Map<string, Promise<OAuthSession>>();
/** Bounds the memory a long-running n8n spends on tokens it no longer uses. */
const MAX_REMEMBERED_TOKENS = 500;

function tokenDataOf(credentials: ICredentialDataDecryptedObject): IDataObject {
	const data = credentials.oauthTokenData;
	return data && typeof data === 'object' ? (data as IDataObject) : {};
}

export function storedOAuthToken(credentials: ICredentialDataDecryptedObject): string {
	const token = tokenDataOf(credentials).access_token;
	return typeof token === 'string' ? token : '';
}

function appOf(credentials: ICredentialDataDecryptedObject): { appId: string; appSecret: string } {
	return { appId: String(credentials.clientId ?? '').trim(), appSecret: String(credentials.clientSecret ?? '').trim() };
}

function endpointOf(credentials: ICredentialDataDecryptedObject) {
	return { version: normaliseGraphVersion(credentials.graphApiVersion), baseUrlOverride: String(credentials.baseUrlOverride ?? '') };
}

/** Never the token itself as a key: a hash of app and token. */
function keyOf(appId: string, token: string): string {
	return createHash('sha256').update(`${appId}|${token}`).digest('hex');
}

/** When n8n stored the token it recorded `n8n_expires_at` (ms) from `expires_in`. */
function recordedExpiry(data: IDataObject): number | undefined {
	const at = Number(data.n8n_expires_at);
	return Number.isFinite(at) && at > 0 ? Math.floor(at / 1000) : undefined;
}

async function learn(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, token: string): Promise<OAuthSession> {
	const data = tokenDataOf(credentials);
	const app = appOf(credentials);
	const expiresIn = Number(data.expires_in);
	let expiresAt = recordedExpiry(data);
	let longLived: boolean;
	if (Number.isFinite(expiresIn) && expiresIn > 0) {
		longLived = expiresIn > SHORT_LIVED_TOKEN_MAX_SECONDS;
	} else {
		// No lifetime recorded: ask Meta once. If it cannot tell, use the token as it is.
		const inspected = await attemptTokenCall(async () => await debugFacebookToken(helper, endpointOf(credentials), app, token));
		if (!inspected.ok) return { accessToken: token };
		expiresAt = inspected.value.expiresAt;
		longLived = expiresAt === 0 || expiresAt - nowSeconds() > SHORT_LIVED_TOKEN_MAX_SECONDS;
	}
	if (longLived) return { accessToken: token, expiresAt };
	const exchanged = await exchangeFacebookToken(helper, endpointOf(credentials), app, token);
	return { accessToken: exchanged.accessToken, expiresAt: exchanged.expiresAt };
}

/** The token to sign with for the stored one: no call once known, at most one exchange or inspection per token. */
export async function facebookOAuthSession(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<OAuthSession> {
	const token = storedOAuthToken(credentials);
	if (!token) return { accessToken: '' };
	const key = keyOf(appOf(credentials).appId, token);
	let session = sessions.get(key);
	if (!session) {
		if (sessions.size >= MAX_REMEMBERED_TOKENS) sessions.delete(sessions.keys().next().value as string);
		session = learn(helper, credentials, token);
		sessions.set(key, session);
		// A failed exchange is not remembered: the next request tries again.
		session.catch(() => sessions.delete(key));
	}
	return await session;
}

/** `preAuthentication` of the Meta OAuth2 credential: hands n8n the token to sign with (nothing when it is the stored one). */
export async function upgradeFacebookOAuthToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const stored = storedOAuthToken(credentials);
	const session = await facebookOAuthSession(helper, credentials);
	if (!stored || session.accessToken === stored) return {};
	const data = tokenDataOf(credentials);
	return {
		oauthTokenData: {
			...data,
			access_token: session.accessToken,
			expires_in: session.expiresAt ? session.expiresAt - nowSeconds() : 0,
		},
	};
}
