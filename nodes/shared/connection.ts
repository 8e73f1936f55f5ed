import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { detectPlatform, effectiveAccessToken } from './auth/accessTokenSession';
import { appsecretProof } from './auth/appsecretProof';
import { facebookOAuthSession, storedOAuthToken } from './auth/oauthSession';
import type { MetaPlatform } from './auth/scopes';
import { META_HOSTS, type MetaHost } from './constants';
import { normaliseGraphVersion } from './hosts';

/** Every n8n context the shared layer is called from. */
export type GraphContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | IPollFunctions;

/** The credentials nodes act with; `metaAppApi` acts as the app itself (app token), e.g. for webhook subscriptions. */
export type MetaCredentialType = 'metaOAuth2Api' | 'metaAccessTokenApi' | 'metaAppApi';

export const META_CREDENTIAL_TYPES: readonly MetaCredentialType[] = ['metaOAuth2Api', 'metaAccessTokenApi'];

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
	/** Strings that must never appear in an error or log. Shared by the requests of a run: never changed in place. */
	readonly secrets: readonly string[];
	/** The app secret, when known, for appsecret_proof on tokens the shared layer sends itself (Page tokens). */
	appSecret?: string;
	/** `{app-id}|{app-secret}`, for calls made as the app (Meta App credential). */
	appToken?: string;
	/** The app the user token belongs to and that token, when known: to ask Meta about the token after a refusal. */
	appId?: string;
	userToken?: string;
}

/**
 * Facebook Login (OAuth2): n8n signs the request itself, so the proof is computed here for the token it will sign with
 * (the stored one, or its long-lived exchange), whenever the app secret is known.
 */
async function oauthConnection(
	ctx: GraphContext,
	credentials: ICredentialDataDecryptedObject,
): Promise<Pick<GraphConnection, 'oauthProof' | 'secrets' | 'appSecret' | 'appId' | 'userToken'>> {
	const session = await facebookOAuthSession({ helpers: { httpRequest: ctx.helpers.httpRequest } }, credentials);
	const token = session.accessToken;
	const secret = String(credentials.clientSecret ?? '');
	return {
		oauthProof: token && secret ? appsecretProof(token, secret) : undefined,
		secrets: [token, storedOAuthToken(credentials), secret].filter(Boolean),
		appSecret: secret || undefined,
		appId: String(credentials.clientId ?? '') || undefined,
		userToken: token || undefined,
	};
}

/** A saved workflow may name a credential type this package no longer offers: say what to use instead. */
function assertOffered(ctx: GraphContext, credentialType: string): void {
	if ([...META_CREDENTIAL_TYPES, 'metaAppApi'].includes(credentialType as MetaCredentialType)) return;
	throw new NodeOperationError(ctx.getNode(), `This node is set to a credential this package no longer offers ("${credentialType}")`, {
		description:
			'Open the node, set Authentication to "Access Token (System User, Page or Pasted)" and select a Meta Access Token credential. For an Instagram Login account, paste the long-lived token generated in the Meta App Dashboard (Instagram → API setup with Instagram login → Generate token).',
	});
}

/**
 * The connections resolved in one node run (one n8n context), by credential type. Reading a credential is not cheap in
 * n8n 2.41: every read resolves the credential's expressions (the Meta Access Token's session state is one) in an
 * expression isolate, and n8n would read it again itself to sign each request. Resolved once per run, and handed to
 * n8n when it signs (credentialOfRun), a 300-page report reads it once instead of 600 times (docs/performance.md).
 * Forgotten after any failed call (forgetConnection), so the next request reads the stored credential again.
 */
const connectionsByRun = new WeakMap<object, Map<MetaCredentialType, Promise<GraphConnection>>>();

/** The decrypted credential each connection was resolved from, as n8n's signing helpers take it. */
const credentialOf = new WeakMap<GraphConnection, ICredentialsDecrypted>();

/**
 * The credential a connection was resolved from, for n8n's `httpRequestWithAuthentication` to sign with instead of
 * reading it again. n8n still runs the credential's `preAuthentication` when its session state was due at the read, and
 * writes what it returns into this same object, so the run's later requests sign with the renewed token.
 */
export function credentialOfRun(connection: GraphConnection): ICredentialsDecrypted | undefined {
	return credentialOf.get(connection);
}

/** The credential as the shared layer uses it, read once per node run (see connectionsByRun). */
export async function resolveConnection(ctx: GraphContext, credentialType: MetaCredentialType): Promise<GraphConnection> {
	assertOffered(ctx, credentialType);
	let resolved = connectionsByRun.get(ctx);
	if (!resolved) {
		resolved = new Map();
		connectionsByRun.set(ctx, resolved);
	}
	const known = resolved.get(credentialType);
	if (known) return await known;
	const reading = readConnection(ctx, credentialType);
	resolved.set(credentialType, reading);
	// A failed read is not kept: the next request reads again.
	reading.catch(() => forgetConnection(ctx, credentialType, reading));
	return await reading;
}

/** Makes the next request of this run read the credential again (after a failed call: the token may have changed). */
export function forgetConnection(ctx: GraphContext, credentialType: MetaCredentialType, only?: Promise<GraphConnection>): void {
	const resolved = connectionsByRun.get(ctx);
	if (resolved && (only === undefined || resolved.get(credentialType) === only)) resolved.delete(credentialType);
}

async function readConnection(ctx: GraphContext, credentialType: MetaCredentialType): Promise<GraphConnection> {
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const connection = await connectionFrom(ctx, credentialType, credentials);
	const reference = ctx.getNode().credentials?.[credentialType];
	if (reference?.id) credentialOf.set(connection, { id: reference.id, name: reference.name, type: credentialType, data: credentials });
	return connection;
}

async function connectionFrom(ctx: GraphContext, credentialType: MetaCredentialType, credentials: ICredentialDataDecryptedObject): Promise<GraphConnection> {
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
			appId: String(credentials.appId ?? '') || undefined,
			userToken: effectiveAccessToken(credentials) || undefined,
			secrets: [
				String(credentials.accessToken ?? ''),
				effectiveAccessToken(credentials),
				String(credentials.appSecret ?? ''),
			].filter(Boolean),
		};
	}
	return {
		credentialType,
		platform: 'facebook',
		graphHost: META_HOSTS.facebookGraph,
		version,
		baseUrlOverride,
		...(await oauthConnection(ctx, credentials)),
	};
}
