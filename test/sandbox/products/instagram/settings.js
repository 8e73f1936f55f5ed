'use strict';
// Instagram behaviour switches (POST /__admin/settings). Every [UNCONFIRMED]/[CONFLICT] choice is one of these.
const { registerProductSettings } = require('../../core/settings');

const INSTAGRAM_SETTINGS = Object.freeze({
	/**
	 * Seconds from container creation (or end of upload) until FINISHED; a URL may override with `sandbox_processing`.
	 * Real image containers take a few seconds too ([community]: 9007 when publishing at once), not 0.
	 */
	igImageProcessingSeconds: 3,
	igVideoProcessingSeconds: 20,
	igCarouselProcessingSeconds: 1,
	/** Each container's processing time varies by up to ± this share (seeded by igProcessingSeed, reproducible). */
	igProcessingJitter: 0.5,
	igProcessingSeed: 1,
	/**
	 * Share of containers whose media_publish still answers 9007/2207027 for igNotReadyAfterFinishedSeconds after
	 * status FINISHED ([community] reports; Meta's guide says poll, then publish). 0 turns it off.
	 */
	igNotReadyAfterFinishedShare: 0.1,
	igNotReadyAfterFinishedSeconds: 2,
	/** Containers not published within 24 h expire (reference §2.1). */
	igContainerTtlSeconds: 86400,
	/** Publish quota: 50 (reference page) vs 100 (guide) [CONFLICT]; read back via content_publishing_limit. */
	igPublishQuotaTotal: 50,
	igPublishQuotaSeconds: 86400,
	/** Carousel size via the API: 10 (20 [UNCONFIRMED]). */
	igCarouselMaxItems: 10,
	/** Messaging windows (reference §3.3, §3.4): standard 24 h, HUMAN_AGENT 7 days, private replies 7 days. */
	igMessagingWindowSeconds: 86400,
	igHumanAgentWindowSeconds: 7 * 86400,
	igPrivateReplyWindowSeconds: 7 * 86400,
	/** The app has the reviewed Human Agent feature (needed for the HUMAN_AGENT tag); most apps do not. */
	igHumanAgentApproved: false,
	/**
	 * How Meta tells an app it may not use HUMAN_AGENT: no documented code or text was found, so the sandbox answers
	 * the documented permission error 10 without a subcode (reference §9.2).
	 */
	igHumanAgentRefusal: { code: 10, message: '(#10) Application does not have permission for this action' },
	/** `GET` on a rupload URL answering the offset received: [UNCONFIRMED] (reference §2.3), so off by default. */
	igRuploadOffsetQuery: false,
	/** media_publish on an already published container [UNCONFIRMED]: 24/2207008 per the reference's choice. */
	igPublishedAgainError: { code: 24, subcode: 2207008, message: 'The media builder with the requested id does not exist or has expired.' },
	/** media_publish on an expired container: -2/2207020 (or 24/2207008). */
	igExpiredPublishError: { code: -2, subcode: 2207020, message: 'The media you are trying to access has expired. Please try to upload again.' },
});

registerProductSettings(INSTAGRAM_SETTINGS);

/** The state was created before the product loaded: add the keys it does not have yet. */
function installSettings(state) {
	for (const [key, value] of Object.entries(INSTAGRAM_SETTINGS)) {
		if (!(key in state.settings)) state.settings[key] = JSON.parse(JSON.stringify(value));
	}
}

module.exports = { INSTAGRAM_SETTINGS, installSettings };
