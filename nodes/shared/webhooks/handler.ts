import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { checkedWithCredential, type WebhookCredentialReader } from './appSecrets';
import { answerHolderProbe, HOLDER_PROBE_MODE } from './callbackHolder';
import { parseMetaEnvelope } from './envelope';
import { eventsOf, type EventFilter } from './events';
import { claimNewEvents } from './dedupe';
import { redeliveryWindowMs, staleReason } from './redelivery';
import { recordRefusal, type RefusalCause } from './refusals';
import { checkMetaSignature, verifyTokenMatches } from './signature';

export interface MetaWebhookOptions {
	/** The Meta App credential: the app secrets that may have signed the delivery and the verify token (appSecrets.ts). */
	credential: WebhookCredentialReader;
	/** Envelope objects this trigger listens to; deliveries for other objects are acknowledged and dropped. */
	objects?: string[];
	/** Events the user selected, judged on their items (events.ts); others are dropped before the workflow starts. */
	accept: EventFilter;
	/** With separate outputs: which output each event's item goes to (-1 = none). */
	outputOf?: (item: IDataObject) => number;
	outputCount?: number;
	/** Whether each item carries Meta's JSON of its event under `raw`. */
	includeRaw: boolean;
	/** Extra work on each new event's item before the workflow starts (e.g. fetching a lead's answers). */
	enrichItem?: (item: IDataObject) => Promise<IDataObject>;
	/** The clock (tests); defaults to now. */
	nowMs?: number;
}

/** Answers without starting a workflow; the body says why, so whoever debugs the webhook can see it. */
export function answer(ctx: IWebhookFunctions, status: number, body: IDataObject | string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	if (typeof body === 'string') res.status(status).type('text/plain').send(body);
	else res.status(status).json(body);
	return { noWebhookResponse: true };
}

/** Refuses with a warning in n8n's log and a record in the trigger's static data (what, why, what to do); nothing starts. */
export function refuse(ctx: IWebhookFunctions, status: number, reason: string, cause: RefusalCause = 'not_meta'): IWebhookResponseData {
	ctx.logger.warn(`Meta webhook refused (${status}): ${reason}`, { node: ctx.getNode().name });
	recordRefusal(ctx.getWorkflowStaticData('node'), { at: new Date().toISOString(), status, cause, reason });
	return answer(ctx, status, { error: reason });
}

/**
 * The webhook core of every Meta trigger: the GET verification handshake, the signature over the exact raw bytes,
 * the envelope check, then one item per selected event. Nothing is kept between requests, so it behaves the same
 * on several webhook processors in queue mode.
 */
export async function handleMetaWebhook(ctx: IWebhookFunctions, options: MetaWebhookOptions): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject();
	if (ctx.getWebhookName() === 'setup') {
		const query = ctx.getQueryData() as IDataObject;
		if (query['hub.mode'] === HOLDER_PROBE_MODE) return await answerHolderProbe(ctx, options.credential);
		if (query['hub.mode'] === 'subscribe') {
			const token = await checkedWithCredential(options.credential, (c) => verifyTokenMatches(query['hub.verify_token'], c.verifyToken), (ok) => ok);
			if (token.result) return answer(ctx, 200, String(query['hub.challenge'] ?? ''));
		}
		const reason = 'Verification refused: the verify token does not match the one in the Meta App credential.';
		ctx.logger.warn('Meta webhook verification refused: hub.mode or hub.verify_token does not match', { node: ctx.getNode().name });
		recordRefusal(ctx.getWorkflowStaticData('node'), { at: new Date().toISOString(), status: 403, cause: 'verify_token', reason });
		return answer(ctx, 403, reason);
	}

	const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
	const header = ctx.getHeaderData()['x-hub-signature-256'];
	// Only a mismatch can come from a rotated secret; a missing or malformed header is refused without a re-read.
	const { result: signature } = await checkedWithCredential(options.credential, (c) => checkMetaSignature(rawBody, header, c.secrets), (r) => r !== 'mismatch');
	if (signature !== 'valid') {
		const why = {
			missing: 'the X-Hub-Signature-256 header is missing',
			malformed: 'the X-Hub-Signature-256 header is not of the form sha256=<64 hex digits>',
			mismatch: 'the X-Hub-Signature-256 signature does not match the app secret in the Meta App credential',
		}[signature];
		return refuse(ctx, 401, `Signature check failed: ${why}.`, signature === 'mismatch' ? 'signature' : 'not_meta');
	}
	const parsed = parseMetaEnvelope(rawBody, ctx.getBodyData());
	if (!parsed.ok) return refuse(ctx, 403, `Refused: ${parsed.reason}.`);
	if (options.objects && !options.objects.includes(parsed.envelope.object)) {
		return answer(ctx, 200, { received: true, ignored: `object ${parsed.envelope.object} is not watched by this trigger` });
	}

	const nowMs = options.nowMs ?? Date.now();
	const selected = eventsOf(parsed.envelope, options.accept, options.includeRaw);
	// Meta stops redelivering after its window: anything older is a stored copy replayed. Refused with 403 (which
	// Meta would retry, but only within the window this delivery is already past), so nothing ever starts from it.
	const stale = staleReason(parsed.envelope.object, selected.newestMs, nowMs);
	if (stale) return refuse(ctx, 403, `Refused: ${stale}.`, 'expired');
	const items = claimNewEvents(ctx, selected, redeliveryWindowMs(parsed.envelope.object), nowMs);
	if (items.length === 0) {
		return answer(ctx, 200, { received: true, events: 0, ...(selected.items.length ? { duplicates: selected.items.length } : {}) });
	}

	const outputs: INodeExecutionData[][] = Array.from({ length: options.outputCount ?? 1 }, () => []);
	for (const item of items) {
		const index = options.outputOf ? options.outputOf(item) : 0;
		if (index < 0) continue;
		outputs[index].push({ json: options.enrichItem ? await options.enrichItem(item) : item });
	}
	if (outputs.every((o) => o.length === 0)) return answer(ctx, 200, { received: true, events: 0 });
	// Answered here, not by n8n after it starts the workflow: n8n 2.41 saves a webhook's static data only when the
	// answer comes first (WorkflowRunner.run re-wraps the static data and clears its changed flag before n8n's own
	// answer; docs/triggers-events.md). The workflow still starts from workflowData, in every mode.
	answer(ctx, 200, { received: true, events: items.length });
	return { workflowData: outputs, noWebhookResponse: true };
}
