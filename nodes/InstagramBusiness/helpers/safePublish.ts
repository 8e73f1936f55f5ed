import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
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

/** The post behind a container whose publish answer was lost: the newest media since we started that no one claimed. */
async function findPublishedMedia(call: InstagramCall, accountId: string, edge: 'media' | 'stories', sinceMs: number): Promise<string | null> {
	const taken = claimed(call);
	const recent = await recentMedia(persistent(call), accountId, edge, 'id,timestamp', 10);
	const skewMs = 5 * 60_000;
	for (const media of recent) {
		const at = Date.parse(String(media.timestamp ?? '').replace(/\+0000$/, 'Z'));
		const id = String(media.id);
		if (!taken.has(id) && (!Number.isFinite(at) || at >= sinceMs - skewMs)) return id;
	}
	return null;
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
): Promise<PublishOutcome> {
	const started = Date.now();
	let extraStatusChecks = 0;
	let notReadyRefusals = 0;
	let lastError: unknown;
	for (let attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt++) {
		try {
			const { body } = await graphRequest<IDataObject>(call.ctx, call.layer, {
				method: 'POST',
				path: `${accountId}/media_publish`,
				body: { creation_id: containerId },
				idempotent: false,
				itemIndex: call.itemIndex,
			});
			const mediaId = String(body.id);
			claimed(call).add(mediaId);
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
				const mediaId = await findPublishedMedia(call, accountId, edge, started);
				if (mediaId) claimed(call).add(mediaId);
				return { mediaId, publishAttempts: attempt, recoveredFromUnknownOutcome: true, extraStatusChecks };
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

/** The output item of a publish: the post (id, permalink, kind) and how it got there. */
export async function publishedJson(call: InstagramCall, outcome: PublishOutcome, details: IDataObject): Promise<IDataObject> {
	const media = outcome.mediaId ? await readMedia(call, outcome.mediaId, 'id,permalink,media_type,media_product_type,timestamp') : {};
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
	};
}
