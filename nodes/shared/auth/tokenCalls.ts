import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { decodeBatchItem, encodeForm, type RawBatchItem } from '../batchItems';
import { META_HOSTS } from '../constants';
import { classifyMetaError, parseMetaErrorBody } from '../errors/metaError';
import { graphUrl, hostBaseUrl } from '../hosts';
import { redactText } from '../redact';
import { appsecretProof } from './appsecretProof';

/**
 * The token calls a credential makes for itself (exchange, refresh, inspect). They run inside n8n's
 * `preAuthentication` and credential tests, where only `helpers.httpRequest` exists, so they carry the
 * token themselves; every failure is re-thrown with secrets removed.
 */
export interface TokenEndpointOptions {
	baseUrlOverride?: string;
	version: string;
}

export interface IssuedToken {
	accessToken: string;
	/** Unix seconds; 0 = does not expire. */
	expiresAt: number;
	issuedAt: number;
	permissions?: string[];
	userId?: string;
}

export class MetaTokenError extends Error {
	constructor(
		message: string,
		readonly category: string,
		readonly code?: number,
		readonly subcode?: number,
	) {
		super(message);
		this.name = 'MetaTokenError';
	}
}

export type TokenCallOutcome<T> = { ok: true; value: T } | { ok: false; error: MetaTokenError };

/** Runs a token call and hands back Meta's refusal as a value, so callers can decide what a refusal means. */
export async function attemptTokenCall<T>(call: () => Promise<T>): Promise<TokenCallOutcome<T>> {
	try {
		return { ok: true, value: await call() };
	} catch (error) {
		if (error instanceof MetaTokenError) return { ok: false, error };
		return {
			ok: false,
			error: new MetaTokenError(
				`Meta could not be reached: ${redactText(error instanceof Error ? error.message : String(error))}`,
				'retry_later',
			),
		};
	}
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

/** What to do when the credential's own token call fails: nothing was sent with the credential yet. */
const CREDENTIAL_ADVICE =
	'Nothing was sent with this credential yet. Run the workflow again; if this keeps happening, check the access token and the app secret in the credential and reconnect it.';

/** Meta's refusal of a token call, through the shared error catalog, with secrets removed. */
function metaRefusal(body: unknown, statusCode: number, secrets: string[], what: string): MetaTokenError {
	const info = parseMetaErrorBody(body, statusCode) ?? { message: `HTTP ${statusCode}`, httpStatus: statusCode };
	const classified = classifyMetaError(info);
	return new MetaTokenError(
		`${what} failed: ${redactText(classified.sentence, secrets)} Meta said: ${redactText(info.message, secrets)}`,
		classified.category,
		info.code,
		info.subcode,
	);
}

/** One token call: Meta's answer body on success; a refusal or no answer is thrown as a `MetaTokenError`. */
async function tokenCall(helper: IHttpRequestHelper, options: IHttpRequestOptions, secrets: string[], what: string): Promise<unknown> {
	const response = (await helper.helpers
		.httpRequest({ ...options, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true, timeout: 30_000 })
		.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))) as { statusCode: number; body: unknown } | Error;
	if (response instanceof Error) {
		// No answer (timeout, connection reset) to a token call: a credential problem, not a maybe-sent request.
		throw new MetaTokenError(`${what} failed: Meta did not answer (${redactText(response.message, secrets)}). ${CREDENTIAL_ADVICE}`, 'retry_later');
	}
	if (response.statusCode >= 400) throw metaRefusal(response.body, response.statusCode, secrets, what);
	return response.body;
}

/** A token call whose answer must be a JSON object. */
async function tokenRequest(
	helper: IHttpRequestHelper,
	options: IHttpRequestOptions,
	secrets: string[],
	what: string,
): Promise<IDataObject> {
	return answerObject(await tokenCall(helper, options, secrets, what), what);
}

function answerObject(body: unknown, what: string): IDataObject {
	const parsed = parseAnswer(body);
	if (!parsed) throw new MetaTokenError(`${what} failed: Meta's answer was not a JSON object. ${CREDENTIAL_ADVICE}`, 'retry_later');
	return parsed;
}

/** An answer body as JSON: helpers that did not parse it hand over text. */
function parseJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

function parseAnswer(body: unknown): IDataObject | undefined {
	const parsed = parseJson(body);
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
}

/** What a Meta access token looks like: a long run of token characters, nothing else. */
export const TOKEN_SHAPE = /^[A-Za-z0-9._|-]{20,}$/;

/** Longest lifetime Meta gives a token (60 days), with room to spare; anything longer is not a real answer. */
const MAX_EXPIRES_IN_SECONDS = 400 * 24 * 60 * 60;

/**
 * The token of an exchange or refresh answer, checked before anything is stored: a string that looks like a token
 * and, when given, an expiry in seconds that Meta could mean. A 200 without `access_token` must never be saved.
 */
function issuedTokenFrom(body: IDataObject, what: string): IssuedToken {
	const token = body.access_token;
	if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
		throw new MetaTokenError(
			`${what} failed: Meta answered without a usable access token, so nothing was saved. ${CREDENTIAL_ADVICE}`,
			'retry_later',
		);
	}
	let expiresAt = 0;
	if (body.expires_in !== undefined && body.expires_in !== null) {
		const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(String(body.expires_in));
		if (!Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > MAX_EXPIRES_IN_SECONDS) {
			throw new MetaTokenError(
				`${what} failed: Meta answered with an expiry that makes no sense (${JSON.stringify(body.expires_in).slice(0, 40)}), so nothing was saved. ${CREDENTIAL_ADVICE}`,
				'retry_later',
			);
		}
		expiresAt = nowSeconds() + Math.floor(expiresIn);
	}
	return { accessToken: token, expiresAt, issuedAt: nowSeconds() };
}

/**
 * Short-lived Facebook user token → long-lived (~60 days), `grant_type=fb_exchange_token` (reference §1.2). Sent as a
 * POST form, as n8n's OAuth2 client sends the code exchange to the same endpoint, so neither the app secret nor the
 * token is in the URL.
 */
export async function exchangeFacebookToken(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	app: { appId: string; appSecret: string },
	shortLivedToken: string,
): Promise<IssuedToken> {
	const base = hostBaseUrl(META_HOSTS.facebookGraph, endpoint.baseUrlOverride);
	const body = await tokenRequest(
		helper,
		{
			method: 'POST',
			url: graphUrl(base, endpoint.version, 'oauth/access_token'),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'fb_exchange_token',
				client_id: app.appId,
				client_secret: app.appSecret,
				fb_exchange_token: shortLivedToken,
			}).toString(),
		},
		[app.appSecret, shortLivedToken],
		'Exchanging the Facebook token for a long-lived one',
	);
	return issuedTokenFrom(body, 'Exchanging the Facebook token for a long-lived one');
}

/**
 * Short-lived Instagram Login token → 60-day token, `grant_type=ig_exchange_token` (reference §1.4). Meta documents
 * only this GET with the token and the app secret in the query, so they stay there; the URL goes no further than this
 * call (docs/secrets-and-validation.md, "Documented exceptions").
 */
export async function exchangeInstagramToken(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	appSecret: string,
	shortLivedToken: string,
): Promise<IssuedToken> {
	const base = hostBaseUrl(META_HOSTS.instagramGraph, endpoint.baseUrlOverride);
	const body = await tokenRequest(
		helper,
		{
			method: 'GET',
			url: graphUrl(base, '', 'access_token'),
			qs: { grant_type: 'ig_exchange_token', client_secret: appSecret, access_token: shortLivedToken },
		},
		[appSecret, shortLivedToken],
		'Exchanging the Instagram token for a long-lived one',
	);
	return issuedTokenFrom(body, 'Exchanging the Instagram token for a long-lived one');
}

/**
 * Long-lived Instagram Login token → a fresh 60-day token; allowed once the token is 24 hours old (reference §1.4).
 * The token in the query, the only form Meta documents (as for the exchange above).
 */
export async function refreshInstagramToken(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	longLivedToken: string,
): Promise<IssuedToken> {
	const base = hostBaseUrl(META_HOSTS.instagramGraph, endpoint.baseUrlOverride);
	const body = await tokenRequest(
		helper,
		{
			method: 'GET',
			url: graphUrl(base, '', 'refresh_access_token'),
			qs: { grant_type: 'ig_refresh_token', access_token: longLivedToken },
		},
		[longLivedToken],
		'Refreshing the Instagram token',
	);
	return issuedTokenFrom(body, 'Refreshing the Instagram token');
}

export interface DebugTokenData {
	isValid: boolean;
	type?: string;
	appId?: string;
	userId?: string;
	expiresAt: number;
	dataAccessExpiresAt: number;
	issuedAt?: number;
	scopes: string[];
	granularScopes: Array<{ scope: string; target_ids?: string[] }>;
	error?: { code?: number; subcode?: number; message?: string };
}

/**
 * `debug_token` (reference §1.7) with the app token `{app-id}|{app-secret}` in the Authorization header. Meta documents
 * `input_token` only as a query parameter of `GET /debug_token`, so the GET goes inside a batch request (§9.3): the
 * inspected token travels in the POST form body, never in a request URL. The one inner answer is read as a direct
 * call's would be, a refusal through the same error catalog.
 */
export async function debugFacebookToken(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	app: { appId: string; appSecret: string },
	inputToken: string,
): Promise<DebugTokenData> {
	const base = hostBaseUrl(META_HOSTS.facebookGraph, endpoint.baseUrlOverride);
	const appToken = `${app.appId}|${app.appSecret}`;
	const secrets = [app.appSecret, inputToken, appToken];
	const what = 'Inspecting the token';
	const answer = await tokenCall(
		helper,
		{
			method: 'POST',
			url: graphUrl(base, endpoint.version, ''),
			headers: { Authorization: `Bearer ${appToken}`, 'content-type': 'application/x-www-form-urlencoded' },
			body: encodeForm({
				batch: [{ method: 'GET', relative_url: `debug_token?${new URLSearchParams({ input_token: inputToken }).toString()}` }],
				include_headers: false,
				appsecret_proof: appsecretProof(appToken, app.appSecret),
			}),
		},
		secrets,
		what,
	);
	const items = parseJson(answer);
	const item = decodeBatchItem(Array.isArray(items) ? (items[0] as RawBatchItem | null) : undefined);
	if (!item) throw new MetaTokenError(`${what} failed: Meta did not finish the inspection. ${CREDENTIAL_ADVICE}`, 'retry_later');
	if (item.code >= 400) throw metaRefusal(item.body, item.code, secrets, what);
	const body = answerObject(item.body, what);
	const data = (body.data ?? {}) as IDataObject;
	const error = data.error as IDataObject | undefined;
	return {
		isValid: data.is_valid === true,
		type: typeof data.type === 'string' ? data.type : undefined,
		appId: data.app_id !== undefined ? String(data.app_id) : undefined,
		userId: data.user_id !== undefined ? String(data.user_id) : undefined,
		expiresAt: Number(data.expires_at ?? 0) || 0,
		dataAccessExpiresAt: Number(data.data_access_expires_at ?? 0) || 0,
		issuedAt: data.issued_at !== undefined ? Number(data.issued_at) : undefined,
		scopes: Array.isArray(data.scopes) ? (data.scopes as string[]) : [],
		granularScopes: Array.isArray(data.granular_scopes)
			? (data.granular_scopes as Array<{ scope: string; target_ids?: string[] }>)
			: [],
		error: error
			? { code: Number(error.code), subcode: error.subcode !== undefined ? Number(error.subcode) : undefined, message: redactText(String(error.message ?? ''), [inputToken, app.appSecret]) }
			: undefined,
	};
}

/** `GET /me` on the token's own host, with the token in the Authorization header. */
export async function fetchMe(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	platform: 'facebook' | 'instagram',
	token: string,
	appSecret?: string,
): Promise<IDataObject> {
	const host = platform === 'instagram' ? META_HOSTS.instagramGraph : META_HOSTS.facebookGraph;
	const fields = platform === 'instagram' ? 'user_id,username,account_type' : 'id,name';
	return await tokenRequest(
		helper,
		{
			method: 'GET',
			url: graphUrl(hostBaseUrl(host, endpoint.baseUrlOverride), endpoint.version, 'me'),
			qs: { fields, ...(appSecret ? { appsecret_proof: appsecretProof(token, appSecret) } : {}) },
			headers: { Authorization: `Bearer ${token}` },
		},
		[token, ...(appSecret ? [appSecret] : [])],
		'Reading the account behind the token',
	);
}
