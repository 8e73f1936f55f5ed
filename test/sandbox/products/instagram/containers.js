'use strict';
// The container state machine (reference §2.4, §2.10): IN_PROGRESS → FINISHED → PUBLISHED, → ERROR, → EXPIRED
// (24 h after creation). Status is computed from the sandbox clock, so tests advance time instead of waiting.
const { store, igId } = require('./store');
const { seededRandom } = require('../../core/faults');

const STATUS_TEXT = {
	IN_PROGRESS: 'In Progress: Media is still being processed.',
	FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
	PUBLISHED: 'Published: Media has been published.',
	EXPIRED: 'Expired: Media was not published within 24 hours of being uploaded. (2207020)',
};

/** The next number of the Instagram product's seeded sequence (igProcessingSeed), so a run can be repeated exactly. */
function draw(state) {
	const s = store(state);
	const seed = Number(state.settings.igProcessingSeed) || 1;
	if (!s.random || s.randomSeed !== seed) Object.assign(s, { random: seededRandom(seed), randomSeed: seed });
	return s.random();
}

/** A processing time from the settings, varied by up to ± igProcessingJitter of itself. */
function jittered(state, seconds) {
	const spread = Math.max(0, Math.min(1, Number(state.settings.igProcessingJitter) || 0));
	return Math.max(0, seconds * (1 + spread * (2 * draw(state) - 1)));
}

/**
 * @param {any} state
 * @param {Object} spec {igUserId, kind, isVideo, isCarouselItem, params, processingSeconds, problem, children, resumable}
 */
function createContainer(state, spec) {
	const now = state.nowMs();
	const container = {
		id: igId(),
		igUserId: spec.igUserId,
		kind: spec.kind,
		isVideo: Boolean(spec.isVideo),
		isCarouselItem: Boolean(spec.isCarouselItem),
		params: spec.params || {},
		children: spec.children || [],
		createdAtMs: now,
		processingMs: Math.max(0, Number(spec.processingSeconds || 0) * 1000),
		/** Processing starts at creation, or once a resumable upload has all its bytes. */
		startedAtMs: spec.resumable ? null : now,
		problem: spec.problem || null,
		upload: spec.resumable ? { fileSize: null, received: 0 } : null,
		publishedMediaId: null,
		statusReads: 0,
		/** media_publish still answers 9007 this long after FINISHED (drawn once, seeded). */
		notReadyAfterFinishedMs:
			!spec.isCarouselItem && draw(state) < Number(state.settings.igNotReadyAfterFinishedShare || 0)
				? Number(state.settings.igNotReadyAfterFinishedSeconds || 0) * 1000
				: 0,
	};
	store(state).containers.set(container.id, container);
	return container;
}

/** When the container became (or will become) ready, in sandbox ms; null while bytes are still missing. */
function readyAtMs(container) {
	return container.startedAtMs === null ? null : container.startedAtMs + container.processingMs;
}

/** @returns {'IN_PROGRESS'|'FINISHED'|'PUBLISHED'|'ERROR'|'EXPIRED'} */
function statusCode(state, container) {
	if (container.publishedMediaId) return 'PUBLISHED';
	const now = state.nowMs();
	if (now - container.createdAtMs >= state.settings.igContainerTtlSeconds * 1000) return 'EXPIRED';
	const ready = readyAtMs(container);
	if (ready === null || now < ready) return 'IN_PROGRESS';
	if (container.problem) return 'ERROR';
	return 'FINISHED';
}

function statusText(state, container) {
	const code = statusCode(state, container);
	if (code !== 'ERROR') return STATUS_TEXT[code];
	// Meta's form: the reason is only a subcode inside a fixed sentence ([community], issue 13).
	return `Error: Media upload has failed with error code ${container.problem.subcode}`;
}

/** FINISHED, yet media_publish would still answer 9007/2207027 (right after processing, for some containers). */
function publishableYet(state, container) {
	const ready = readyAtMs(container);
	return ready === null || state.nowMs() >= ready + (container.notReadyAfterFinishedMs || 0);
}

function containerGetters(state, container) {
	return {
		id: () => container.id,
		status_code: () => statusCode(state, container),
		status: () => statusText(state, container),
		copyright_check_status: () =>
			container.isVideo ? { matches_found: false, status: statusCode(state, container) === 'IN_PROGRESS' ? 'in_progress' : 'completed' } : undefined,
	};
}

module.exports = { createContainer, statusCode, statusText, readyAtMs, publishableYet, jittered, containerGetters, STATUS_TEXT };
