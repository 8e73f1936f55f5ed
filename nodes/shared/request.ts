import {
	sleep,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type NodeApiError,
} from 'n8n-workflow';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, paceDelayMs, retryBackoffMs, type RetryPolicy } from './backoff';
import { META_HOSTS } from './constants';
import { credentialOfRun, forgetConnection, resolveConnection, type GraphConnection, type GraphContext, type MetaCredentialType } from './connection';
import { classifyMetaError, parseMetaErrorBody, type ClassifiedMetaError } from './errors/metaError';
import { localMetaError, metaNodeApiError } from './errors/toNodeError';
import { graphUrl, hostBaseUrl } from './hosts';
import { EMPTY_USAGE, readUsageHeaders, type UsageSnapshot } from './usage';
import { MetaTokenError } from './auth/tokenCalls';
import { appsecretProof } from './auth/appsecretProof';
import { isPermissionRefusal, lapsedDataAccessNote } from './auth/dataAccess';
import { derivePageToken } from './pageToken';
import { retryFromNodeSettings } from './nodeSettings';

export interface GraphRequest {
	method: IHttpRequestMethods;
	/** Graph path such as `me/accounts` or `/{id}/media`. */
	path: string;
	/** `graph` (the credential's Graph host) or `rupload` (resumable video upload). */
	host?: 'graph' | 'rupload';
	qs?: IDataObject;
	/** JSON body (WhatsApp, messaging) or form fields (most Graph writes). */
	body?: IDataObject;
	bodyFormat?: 'json' | 'form';
	/** Raw bytes, e.g. a video sent to rupload, or a multipart body built with `multipartBody`. */
	binary?: Buffer;
	/**
	 * An absolute URL Meta handed out (e.g. a WhatsApp media download URL) instead of `path`. Only Meta's hosts are
	 * accepted, since the request carries the credential's token; with a base-URL override it is rebased onto it.
	 */
	absoluteUrl?: string;
	/** `binary`: the answer is file bytes, returned as a Buffer in `body` (errors are still parsed as JSON). */
	responseFormat?: 'json' | 'binary';
	headers?: IDataObject;
	/**
	 * Safe to send again when the outcome is unknown. Defaults to true for GET and DELETE. A publish or a send
	 * must stay false: it is then repeated only after Meta answered that it failed, never after a missing answer.
	 */
	idempotent?: boolean;
	timeoutMs?: number;
	/** For errors: which input item the call serves. */
	itemIndex?: number;
	/** Send the request with this Page's access token, derived from the credential's user token. */
	asPage?: string;
}

export interface GraphResponse<T = IDataObject> {
	body: T;
	statusCode: number;
	headers: IDataObject;
	usage: UsageSnapshot;
	attempts: number;
}

export interface GraphLayerOptions {
	credentialType: MetaCredentialType;
	retry?: Partial<RetryPolicy>;
}

interface PacingState {
	lastUsage: UsageSnapshot;
}

/** Usage figures seen by one node run, so later calls in the same run slow down before Meta refuses them. */
const pacingByContext = new WeakMap<object, PacingState>();

function pacingOf(ctx: GraphContext): PacingState {
	let state = pacingByContext.get(ctx);
	if (!state) {
		state = { lastUsage: EMPTY_USAGE };
		pacingByContext.set(ctx, state);
	}
	return state;
}

/**
 * rupload takes `Authorization: OAuth <token>` (reference §2.3), but n8n signs OAuth2 credentials with Bearer only:
 * for those the shared layer signs the upload itself with the stored token. The access-token credential signs it right.
 */
async function ruploadOAuthToken(ctx: GraphContext, connection: GraphConnection, request: GraphRequest): Promise<string | undefined> {
	if (request.host !== 'rupload' || connection.credentialType === 'metaAccessTokenApi') return undefined;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(connection.credentialType);
	const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
	return typeof token === 'string' && token ? token : undefined;
}

function buildOptions(connection: GraphConnection, request: GraphRequest, pageToken?: string, ruploadToken?: string): IHttpRequestOptions {
	const isRupload = request.host === 'rupload';
	const host = isRupload ? META_HOSTS.rupload : connection.graphHost;
	const base = hostBaseUrl(host, connection.baseUrlOverride);
	const url = request.absoluteUrl
		? metaAbsoluteUrl(request.absoluteUrl, connection.baseUrlOverride)
		: isRupload
			? `${base}/ig-api-upload/${connection.version}/${request.path.replace(/^\/+/, '')}`
			: graphUrl(base, connection.version, request.path);
	const qs: IDataObject = { ...(request.qs ?? {}) };
	const headers: IDataObject = { ...(request.headers ?? {}) };
	if (pageToken) {
		// In the header like every token, never in the URL; the credential signs for the token named there (signRequest.ts).
		headers.Authorization = `${isRupload ? 'OAuth' : 'Bearer'} ${pageToken}`;
		if (connection.appSecret) qs.appsecret_proof = appsecretProof(pageToken, connection.appSecret);
	} else if (connection.appToken) {
		// The Meta App credential signs nothing itself: the app token goes in the header, as for any token.
		headers.Authorization = `Bearer ${connection.appToken}`;
		if (connection.appSecret) qs.appsecret_proof = appsecretProof(connection.appToken, connection.appSecret);
	} else if (connection.oauthProof && !qs.appsecret_proof) {
		qs.appsecret_proof = connection.oauthProof;
	}
	if (ruploadToken) headers.Authorization = `OAuth ${ruploadToken}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs,
		headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 60_000,
	};
	if (request.responseFormat === 'binary') {
		options.json = false;
		options.encoding = 'arraybuffer';
	}
	if (request.binary) {
		options.body = request.binary;
		options.json = false;
	} else if (request.body && request.bodyFormat === 'json') {
		options.body = request.body;
		headers['content-type'] = 'application/json';
	} else if (request.body) {
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(request.body)) {
			if (value === undefined || value === null) continue;
			form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
		options.body = form.toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	return options;
}

/** Hosts Meta hands out absolute URLs on (WhatsApp media downloads); the token may only go there. */
const ABSOLUTE_URL_HOSTS = /(^|\.)(fbsbx\.com|facebook\.com|whatsapp\.net|fbcdn\.net)$/;

/** Why an absolute URL may not carry the token, or undefined when it may. */
function absoluteUrlProblem(raw: string, baseUrlOverride: string): string | undefined {
	const override = (baseUrlOverride ?? '').trim().replace(/\/+$/, '');
	if (override && raw.startsWith(`${override}/`)) return undefined;
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		return `Meta handed out "${raw}", which is not a URL.`;
	}
	if (parsed.protocol !== 'https:' || !ABSOLUTE_URL_HOSTS.test(parsed.hostname)) {
		return `The token is only sent to Meta's own hosts, not to ${parsed.hostname}.`;
	}
	return undefined;
}

function metaAbsoluteUrl(raw: string, baseUrlOverride: string): string {
	const override = (baseUrlOverride ?? '').trim().replace(/\/+$/, '');
	if (!override || raw.startsWith(`${override}/`)) return raw;
	const parsed = new URL(raw);
	return `${override}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

async function send(
	ctx: GraphContext,
	connection: GraphConnection,
	options: IHttpRequestOptions,
	pageToken?: string,
	binaryResponse = false,
	credentialsDecrypted?: ICredentialsDecrypted,
): Promise<RawResponse> {
	// n8n's OAuth2 signing always adds the user token; a Page-token call therefore carries its token itself.
	// n8n signs with the credential this run already read (OAuth2 requests read their own: n8n ignores it there).
	const response = (
		pageToken && connection.credentialType !== 'metaAccessTokenApi'
			? await ctx.helpers.httpRequest(options)
			: await ctx.helpers.httpRequestWithAuthentication.call(ctx, connection.credentialType, options, credentialsDecrypted ? { credentialsDecrypted } : undefined)
	) as RawResponse;
	let body = response.body;
	if (binaryResponse && response.statusCode < 400) {
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer) };
	}
	if (body instanceof ArrayBuffer) body = Buffer.from(body);
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string' && body.trim().startsWith('{')) {
		try {
			body = JSON.parse(body);
		} catch {
			// Not JSON after all: hand the text on unchanged.
		}
	}
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body };
}

async function pageTokenFor(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	connection: GraphConnection,
	request: GraphRequest,
): Promise<string> {
	const pageId = String(request.asPage);
	return await derivePageToken(
		ctx,
		pageId,
		async (id) =>
			(await graphRequest<IDataObject>(ctx, layer, { method: 'GET', path: id, qs: { fields: 'access_token' }, itemIndex: request.itemIndex }))
				.body,
		connection.secrets,
	);
}

/** n8n wraps what a credential's preAuthentication throws; find our MetaTokenError inside. */
function credentialTokenError(error: unknown): MetaTokenError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current; depth++) {
		if (current instanceof MetaTokenError || (current as Error).name === 'MetaTokenError') return current as MetaTokenError;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function minutes(ms: number): number {
	return Math.max(1, Math.ceil(ms / 60_000));
}

function errorFor(
	ctx: GraphContext,
	connection: GraphConnection,
	classified: ClassifiedMetaError,
	request: GraphRequest,
	extra?: string,
	retryAfterMs?: number,
): NodeApiError {
	return metaNodeApiError(ctx.getNode(), classified, {
		itemIndex: request.itemIndex,
		knownSecrets: connection.secrets,
		extra,
		retryAfterMs,
	});
}

/**
 * The one way nodes call Meta: picks host and version from the credential, signs through n8n's
 * `httpRequestWithAuthentication`, reads usage headers, slows down before a limit, retries what is safe to retry
 * with jittered back-off, and turns every failure into a NodeApiError that says what to do.
 */
export async function graphRequest<T = IDataObject>(
	ctx: GraphContext,
	layer: GraphLayerOptions,
	request: GraphRequest,
): Promise<GraphResponse<T>> {
	const resolved = await resolveConnection(ctx, layer.credentialType);
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...retryFromNodeSettings(ctx.getNode()), ...(layer.retry ?? {}) };
	const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'DELETE');
	const pacing = pacingOf(ctx);
	const pageToken = request.asPage ? await pageTokenFor(ctx, layer, resolved, request) : undefined;
	const connection = pageToken ? { ...resolved, secrets: [...resolved.secrets, pageToken] } : resolved;
	const ruploadToken = await ruploadOAuthToken(ctx, connection, request);

	const urlProblem = request.absoluteUrl ? absoluteUrlProblem(request.absoluteUrl, connection.baseUrlOverride) : undefined;
	if (urlProblem) throw errorFor(ctx, connection, localMetaError('fix_configuration', urlProblem, { title: 'URL refused' }), request);

	for (let attempt = 0; ; attempt++) {
		const pause = Math.min(policy.maxWaitMs, paceDelayMs(pacing.lastUsage.maxPercent, policy, pacing.lastUsage.windowResetMs));
		if (pause > 0) await sleep(pause);

		const options = buildOptions(connection, request, pageToken, ruploadToken);
		let response: RawResponse;
		try {
			response = await send(ctx, connection, options, pageToken ?? ruploadToken, request.responseFormat === 'binary', credentialOfRun(resolved));
		} catch (error) {
			forgetConnection(ctx, layer.credentialType);
			const tokenProblem = credentialTokenError(error);
			if (tokenProblem) {
				// The credential could not produce a usable token (expired, revoked, exchange refused): nothing was sent.
				throw errorFor(ctx, connection, localMetaError(tokenProblem.category, tokenProblem.message, { code: tokenProblem.code, subcode: tokenProblem.subcode, title: 'Meta credential problem' }), request);
			}
			// No HTTP answer (timeout, connection reset): the outcome is unknown.
			if (idempotent && attempt < policy.maxRetries) {
				await sleep(backoffDelayMs(attempt, policy));
				continue;
			}
			if (!idempotent) throw outcomeUnknownError(ctx, connection, request, 'Meta did not answer');
			const classified = localMetaError(
				'retry_later',
				'Meta did not answer after several attempts: check your connection to Meta and run the workflow again later.',
				{ title: 'No answer from Meta' },
			);
			throw errorFor(ctx, connection, classified, request);
		}

		const usage = readUsageHeaders(response.headers);
		pacing.lastUsage = usage;
		if (response.statusCode < 400) {
			return { body: response.body as T, statusCode: response.statusCode, headers: response.headers, usage, attempts: attempt + 1 };
		}

		forgetConnection(ctx, layer.credentialType);
		const metaInfo = parseMetaErrorBody(response.body, response.statusCode);
		// A server error that is not Meta's error envelope (a gateway's 502/504 page) does not say whether the write ran.
		if (!metaInfo && !idempotent && response.statusCode >= 500) {
			throw outcomeUnknownError(ctx, connection, request, `Meta's gateway answered HTTP ${response.statusCode} without saying what happened`);
		}
		const info = metaInfo ?? {
			message: `Meta answered HTTP ${response.statusCode} without an error body`,
			httpStatus: response.statusCode,
			isTransient: response.statusCode >= 500,
		};
		const classified = classifyMetaError(info);
		// A wait from the usage headers is Meta's advice for a throttle; a reset window next to an outage is not one.
		const advisedWaitMs = classified.category === 'quota' ? usage.regainAfterMs : 0;
		const blockedNote = advisedWaitMs > 0 ? `Meta says calls are blocked for about ${minutes(advisedWaitMs)} minute(s).` : undefined;
		// Meta's error envelope means the call failed, and for temporary failures Meta's advice is to wait and retry
		// (developers.facebook.com/docs/graph-api/guides/error-handling, codes 1 and 2): a write may be repeated too.
		// Only a missing answer leaves a write's outcome unknown (handled above).
		const mayRepeat = classified.retryable;

		if (mayRepeat && attempt < policy.maxRetries) {
			if (advisedWaitMs > policy.maxWaitMs) {
				throw errorFor(ctx, connection, classified, request, blockedNote, advisedWaitMs);
			}
			// Meta's advised wait when it gives one; otherwise back-off (a longer first step for rate limits).
			await sleep(Math.min(policy.maxWaitMs, advisedWaitMs > 0 ? advisedWaitMs : retryBackoffMs(attempt, policy, classified.category)));
			continue;
		}
		const dataAccessNote = isPermissionRefusal(classified.code)
			? await lapsedDataAccessNote({ helpers: { httpRequest: ctx.helpers.httpRequest } }, connection, connection, connection.userToken)
			: undefined;
		throw errorFor(ctx, connection, classified, request, [dataAccessNote, blockedNote].filter(Boolean).join(' ') || undefined, advisedWaitMs || undefined);
	}
}

/**
 * A write that got no usable answer: it may or may not have been carried out. Never `retryable` (repeating it could
 * do it twice); `outcome: 'unknown'` tells callers to check on Meta where they can, and to say so where they cannot.
 */
function outcomeUnknownError(ctx: GraphContext, connection: GraphConnection, request: GraphRequest, what: string): NodeApiError {
	const classified = localMetaError(
		'retry_later',
		`${what}, so it is unknown whether this request went through: check the result on Meta before running it again.`,
		{ title: 'Outcome unknown' },
	);
	const apiError = errorFor(ctx, connection, { ...classified, retryable: false }, request);
	apiError.context.metaError = { ...(apiError.context.metaError as IDataObject), retryable: false, outcome: 'unknown', outcomeUnknown: true };
	return apiError;
}
