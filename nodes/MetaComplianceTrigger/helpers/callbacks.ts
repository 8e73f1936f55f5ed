import { randomBytes } from 'crypto';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { answer, refuse } from '../../shared/webhooks/handler';
import { verifySignedRequest, type SignedRequestSecret } from '../../shared/webhooks/signedRequest';
import { toIsoTime } from '../../shared/webhooks/timestamps';

export type CallbackKind = 'data_deletion_request' | 'deauthorized';

/** Outputs of the node, in order. */
export const OUTPUT_OF_KIND: Record<CallbackKind, number> = { data_deletion_request: 0, deauthorized: 1 };

/** Meta's clock and ours may differ a little; a request "from the future" beyond this is refused. */
const MAX_FUTURE_SECONDS = 300;
export const DEFAULT_MAX_AGE_MINUTES = 10;
export const MAX_MAX_AGE_MINUTES = 1440;
const CODE_PLACEHOLDER = '{code}';

/** The Max Age option, kept within 1 minute to 1 day even when an expression gives something else. */
function maxAgeMinutesOf(value: number): number {
	if (!Number.isFinite(value) || value <= 0) return DEFAULT_MAX_AGE_MINUTES;
	return Math.min(Math.max(value, 1), MAX_MAX_AGE_MINUTES);
}

/** n8n parses form bodies into the body data; the raw bytes are read when it did not (another content type). */
function signedRequestOf(ctx: IWebhookFunctions): unknown {
	const body = ctx.getBodyData() as IDataObject;
	if (body && body.signed_request !== undefined) return body.signed_request;
	const raw = ctx.getRequestObject().rawBody;
	if (!Buffer.isBuffer(raw) || raw.length === 0) return undefined;
	return new URLSearchParams(raw.toString('utf8')).get('signed_request') ?? undefined;
}

/**
 * The status page address with the code filled in: `{code}` is replaced, otherwise `code=` is added to the query.
 * Undefined when the configured value is not an absolute http(s) URL.
 */
export function statusUrlFor(template: string, code: string): string | undefined {
	const trimmed = template.trim();
	const filled = trimmed.includes(CODE_PLACEHOLDER) ? trimmed.split(CODE_PLACEHOLDER).join(encodeURIComponent(code)) : trimmed;
	let url: URL;
	try {
		url = new URL(filled);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	if (!trimmed.includes(CODE_PLACEHOLDER)) url.searchParams.set('code', code);
	return url.toString();
}

export interface ComplianceOptions {
	kind: CallbackKind;
	secrets: SignedRequestSecret[];
	maxAgeMinutes: number;
	statusUrlTemplate: string;
	includePayload: boolean;
}

/**
 * One verified callback → one item on the output of its kind. Data deletion requests are answered at once with the
 * JSON Meta requires; the workflow runs after the answer, so a slow deletion never makes Meta wait.
 */
export function handleComplianceCallback(ctx: IWebhookFunctions, options: ComplianceOptions): IWebhookResponseData {
	const check = verifySignedRequest(signedRequestOf(ctx), {
		secrets: options.secrets,
		maxAgeSeconds: Math.round(maxAgeMinutesOf(options.maxAgeMinutes) * 60),
		maxFutureSeconds: MAX_FUTURE_SECONDS,
		nowMs: Date.now(),
	});
	if (!check.ok) {
		const cause = check.status === 401 ? 'signature' : check.status === 403 ? 'expired' : 'not_meta';
		return refuse(ctx, check.status, `Refused: ${check.reason}.`, cause);
	}

	const { payload } = check;
	const time = toIsoTime(payload.issued_at) ?? null;
	const shared: IDataObject = { kind: options.kind, userId: payload.user_id, login: check.signedBy, requestId: check.requestId };
	const extra: IDataObject = options.includePayload ? { payload: payload as IDataObject } : {};
	let json: IDataObject;
	if (options.kind === 'data_deletion_request') {
		// 128 random bits, base64url: unguessable and safe in a URL as it is.
		const confirmationCode = randomBytes(16).toString('base64url');
		const statusUrl = statusUrlFor(options.statusUrlTemplate, confirmationCode);
		if (!statusUrl) {
			ctx.logger.error('Data deletion request refused: the Status Page URL of the node is not an absolute http(s) URL', { node: ctx.getNode().name });
			return answer(ctx, 500, { error: 'The Status Page URL of this n8n node is not set to an absolute http(s) URL.' });
		}
		answer(ctx, 200, { url: statusUrl, confirmation_code: confirmationCode });
		json = { ...shared, confirmationCode, statusUrl, requestedAt: time, ...extra };
	} else {
		answer(ctx, 200, { received: true });
		json = { ...shared, deauthorizedAt: time, ...extra };
	}
	const outputs: INodeExecutionData[][] = [[], []];
	outputs[OUTPUT_OF_KIND[options.kind]].push({ json });
	return { noWebhookResponse: true, workflowData: outputs };
}
