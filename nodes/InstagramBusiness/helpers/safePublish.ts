import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
import { writeLedger } from '../../shared/idempotency';
import { readContainerStatus, readMedia, recentMedia } from './api';
import { persistent, type InstagramCall } from './context';
import { isTemporaryFailure, passOn } from './errors';
import { quotaReachedError } from './quota';
import { waitUntilPublishable } from './notReadyPause';
import type { WaitOptions } from './waitForContainers';

export interface PublishOutcome {
	mediaId: string | null;
	publishAttempts: number;
	/** The publish answer was lost, and the container's status showed it had gone through. */
	recoveredFromUnknownOutcome: boolean;
	extraStatusChecks: number;
}

const MAX_PUBLISH_ATTEMPTS = 8;

/** Media ids this run already reported, so a post found after a lost answer is never claimed twice. */
const claimedByRun = new WeakMap<object, Set<string>>();

function claimed(call: InstagramCall): Set<string> {
	let set = claimedByRun.get(call.ctx);
	if (!set) {
		set = new Set();
		claimedByRun.set(call.ctx, set);
	}
	return set;
}

function metaOf(error: unknown): IDataObject {
	return ((error as NodeApiError)?.context?.metaError ?? {}) as IDataObject;
}

const isNotReady = (meta: IDataObject) => meta.code === 9007 && (meta.subcode === 2207027 || meta.subcode === null);
const isQuota = (meta: IDataObject) => meta.code === 9 && meta.subcode === 2207042;

/** What the post of a container looks like once published, to recognise it among the account's newest media. */
export interface PostSignature {
	caption: string | null;
	/** `media_type` as read back: IMAGE, VIDEO or CAROUSEL_ALBUM. */
	mediaType: string;
	/** `media_product_type`: FEED, REELS or STORY. */
	productType: string;
}

/** Allowed difference between our clock and Meta's timestamps. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The post behind a container whose publish answer was lost. Meta does not say which media a container became, so:
 * the account's newest media since we started, with our caption and kind, not claimed by this run nor (through n8n's
 * deduplication store) by another execution. Exactly one such post is ours; none or several is ambiguous (two
 * publishers posting alike at once), and then null: the caller says so instead of guessing.
 */
async function findPublishedMedia(
	call: InstagramCall,
	accountId: string,
	edge: 'media' | 'stories',
	sinceMs: number,
	signature?: PostSignature,
): Promise<{ mediaId: string | null; candidates: string[] }> {
	const taken = claimed(call);
	const recent = await recentMedia(persistent(call), accountId, edge, 'id,timestamp,caption,media_type,media_product_type', 10);
	const candidates = recent
		.filter((media) => {
			const at = Date.parse(String(media.timestamp ?? '').replace(/\+0000$/, 'Z'));
			if (!Number.isFinite(at) || at < sinceMs - CLOCK_SKEW_MS) return false;
			if (taken.has(String(media.id))) return false;
			if (!signature) return true;
			if ((media.caption ?? null) !== (signature.caption || null)) return false;
			if (media.media_type && media.media_type !== signature.mediaType) return false;
			return !media.media_product_type || media.media_product_type === signature.productType;
		})
		.map((media) => String(media.id));
	if (candidates.length !== 1) return { mediaId: null, candidates };
	// Another execution that published alike and got its answer has claimed its post already.
	if (!(await writeLedger(call.ctx).claimCreated('instagram.media', candidates[0]))) return { mediaId: null, candidates };
	return { mediaId: candidates[0], candidates };
}

/** Published, but which post it became cannot be told apart: never guessed, the item says so. */
function unidentifiedPostError(call: InstagramCall, containerId: string, candidates: string[]): NodeApiError {
	const apiError = metaNodeApiError(
		call.ctx.getNode(),
		localMetaError(
			'retry_later',
			`Container ${containerId} was published, but Meta's answer was lost and ${candidates.length ? `${candidates.length} new posts look alike` : 'no new post matches it yet'}, so which post it became is unknown: check the account before publishing it again (it is not published again on a retry).`,
			{ title: 'Post not identified' },
		),
		{ itemIndex: call.itemIndex },
	);
	apiError.context.metaError = { ...(apiError.context.metaError as IDataObject), retryable: false, outcome: 'unknown', outcomeUnknown: true };
	apiError.context.published = true;
	apiError.context.containerId = containerId;
	apiError.context.candidateMediaIds = candidates;
	return apiError;
}

/**
 * `media_publish` that never posts twice (reference §2.5): when the answer is lost or Meta fails temporarily, the
 * container's status decides. PUBLISHED means the post went through, so it is reported, not repeated; FINISHED means
 * it did not, so publishing again is safe; not ready yet means wait, then publish.
 */
export async function publishContainerSafely(
	call: InstagramCall,
	accountId: string,
	containerId: string,
	edge: 'media' | 'stories',
	wait: WaitOptions,
	signature?: PostSignature,
): Promise<PublishOutcome> {
	const started = Date.now();
	let extraStatusChecks = 0;
	let notReadyRefusals = 0;
	let lastError: unknown;
	for (let attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt++) {
		try {
			// Not repeated by the shared layer: before publishing again, the container's status says whether it went through.
			const { body } = await graphRequest<IDataObject>(call.ctx, { ...call.layer, retry: { ...call.layer.retry, maxRetries: 0 } }, {
				method: 'POST',
				path: `${accountId}/media_publish`,
				body: { creation_id: containerId },
				idempotent: false,
				itemIndex: call.itemIndex,
			});
			const mediaId = String(body.id);
			claimed(call).add(mediaId);
			await writeLedger(call.ctx).claimCreated('instagram.media', mediaId);
			return { mediaId, publishAttempts: attempt, recoveredFromUnknownOutcome: false, extraStatusChecks };
		} catch (error) {
			lastError = error;
			const meta = metaOf(error);
			if (isQuota(meta)) throw await quotaReachedError(call, accountId, error as NodeApiError);
			if (isNotReady(meta)) {
				extraStatusChecks += await waitUntilPublishable(call, containerId, wait, ++notReadyRefusals);
				continue;
			}
			if (!isTemporaryFailure(error)) throw passOn(call, error);
			// The outcome is unknown: look at the container before doing anything again.
			extraStatusChecks += 1;
			const status = await readContainerStatus(persistent(call), containerId);
			if (status.statusCode === 'PUBLISHED') {
				const found = await findPublishedMedia(call, accountId, edge, started, signature);
				if (!found.mediaId) throw unidentifiedPostError(call, containerId, found.candidates);
				claimed(call).add(found.mediaId);
				return { mediaId: found.mediaId, publishAttempts: attempt, recoveredFromUnknownOutcome: true, extraStatusChecks };
			}
			if (status.statusCode !== 'FINISHED' && status.statusCode !== 'IN_PROGRESS') throw passOn(call, error);
			// Not published: trying again cannot post twice.
		}
	}
	const apiError = metaNodeApiError(
		call.ctx.getNode(),
		localMetaError(
			'retry_later',
			`Meta kept failing to publish container ${containerId} after ${MAX_PUBLISH_ATTEMPTS} attempts, and its status shows it was not published: run the Publish Container operation with this id later.`,
			{ title: 'Publishing failed temporarily' },
		),
		{ itemIndex: call.itemIndex, extra: lastError instanceof Error ? `Last error: ${(lastError as NodeApiError).description ?? lastError.message}` : undefined },
	);
	apiError.context.containerId = containerId;
	throw apiError;
}

/**
 * The output item of a publish: the post (id, permalink, kind) and how it got there. The post exists once published:
 * a failed read-back gives `permalink: null` and a warning, never an error (an error would invite publishing again).
 */
export async function publishedJson(call: InstagramCall, outcome: PublishOutcome, details: IDataObject): Promise<IDataObject> {
	let media: IDataObject = {};
	let warning: string | undefined;
	if (outcome.mediaId) {
		try {
			media = await readMedia(call, outcome.mediaId, 'id,permalink,media_type,media_product_type,timestamp');
		} catch (error) {
			const reason = (error as NodeApiError).description ?? (error as Error).message;
			warning = `Published as ${outcome.mediaId}, but reading the post back failed, so permalink, type and time are missing: ${reason}`;
		}
	}
	return {
		published: true,
		id: outcome.mediaId,
		permalink: media.permalink ?? null,
		mediaType: media.media_type ?? null,
		mediaProductType: media.media_product_type ?? null,
		timestamp: media.timestamp ?? null,
		...details,
		publishAttempts: outcome.publishAttempts,
		recoveredFromUnknownOutcome: outcome.recoveredFromUnknownOutcome,
		...(warning ? { warning } : {}),
	};
}
