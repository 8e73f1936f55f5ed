'use strict';
// POST /{ig-user-id}/media, POST /{ig-user-id}/media_publish, GET /{ig-user-id}/content_publishing_limit and
// GET /{container-id} (reference §2.2–§2.6), on both Graph hosts.
const { graphError } = require('../../core/errors');
const { selectFields } = require('../../core/fields');
const ids = require('../../core/ids');
const { store, igId } = require('./store');
const { onAccount, onOwned } = require('./access');
const { describeUrl, imageProblem, videoProblem } = require('./remote-media');
const { createContainer, statusCode, containerGetters, publishableYet, jittered } = require('./containers');
const { params, bool, jsonParam, captionProblem, userTagsProblem, collaboratorsProblem, productTagsProblem } = require('./validation');

const NOT_READY = { code: 9007, subcode: 2207027, message: 'Media ID is not available', userTitle: 'Media not ready for publishing', userMsg: 'The media is not ready for publishing, please wait for a moment' };
const QUOTA = { code: 9, subcode: 2207042, message: 'Application request limit reached', userTitle: 'Reached the publishing limit', userMsg: 'You have reached the maximum number of posts that is allowed to be published in 24 hours.' };
/** An account the seed marks `restricted` (checkpointed, inactive) can publish nothing (reference §2.8). */
const RESTRICTED = { code: 25, subcode: 2207050, message: 'The Instagram account is restricted.', userTitle: 'Account restricted', userMsg: 'The user must log in to the Instagram app to lift the restriction.' };
const NO_BUILDER = { code: 24, subcode: 2207008, message: 'The media builder with the requested id does not exist or has expired.' };

/** A URL's `sandbox_processing` is exact; the settings' times vary per container (seeded). */
function processingSeconds(state, kind, isVideo, info) {
	if (info && info.processingSeconds !== undefined) return info.processingSeconds;
	if (kind === 'CAROUSEL') return jittered(state, state.settings.igCarouselProcessingSeconds);
	return jittered(state, isVideo ? state.settings.igVideoProcessingSeconds : state.settings.igImageProcessingSeconds);
}

/** Publish times of an account inside the rolling window. */
function publishesInWindow(state, igUserId, sinceMs) {
	const from = Math.max(sinceMs ?? 0, state.nowMs() - state.settings.igPublishQuotaSeconds * 1000);
	return (store(state).publishLog.get(igUserId) || []).filter((t) => t > from);
}

/** Validates a create-container request; returns {error} or {spec} for createContainer. */
function planContainer(state, req, account) {
	const p = params(req);
	const host = req.sandbox.host;
	const mediaType = p.media_type ? String(p.media_type).toUpperCase() : 'IMAGE';
	const isCarouselItem = bool(p.is_carousel_item);
	const resumable = String(p.upload_type || '') === 'resumable';
	const caption = p.caption;
	if (!['IMAGE', 'REELS', 'STORIES', 'CAROUSEL', 'VIDEO'].includes(mediaType)) return { error: { code: 100, subcode: 2207023, message: `The media type ${mediaType} is not supported.` } };
	if (mediaType === 'VIDEO' && !isCarouselItem)
		return { error: { code: 100, subcode: 2207023, message: 'The media type VIDEO is only supported for carousel items; use REELS for video posts.' } };
	if (!isCarouselItem && mediaType !== 'STORIES') {
		const problem = captionProblem(caption);
		if (problem) return { error: problem };
	}
	if (p.alt_text !== undefined && String(p.alt_text).length > 1000) return { error: { code: 100, message: 'Invalid parameter: alt_text can be at most 1000 characters.' } };
	const collab = collaboratorsProblem(p.collaborators);
	if (collab) return { error: collab };
	if (p.collaborators && (mediaType === 'STORIES' || isCarouselItem)) return { error: { code: 100, message: 'Invalid parameter: collaborators are not supported on stories or carousel items.' } };
	if (resumable && host !== 'graph.facebook.com') return { error: { code: 100, message: 'Invalid parameter: upload_type=resumable is only supported with Facebook Login (graph.facebook.com).' } };
	if (resumable && p.video_url) return { error: { code: 100, message: 'Invalid parameter: video_url cannot be used with upload_type=resumable.' } };
	const common = { igUserId: account.id, isCarouselItem, params: p };

	if (mediaType === 'CAROUSEL') {
		const children = String(p.children || '').split(',').map((s) => s.trim()).filter(Boolean);
		const max = state.settings.igCarouselMaxItems;
		if (children.length < 2 || children.length > max)
			return { error: { code: 100, subcode: 2207028, message: `The carousel must contain between 2 and ${max} items.`, userTitle: 'Wrong number of carousel items', userMsg: `A carousel needs 2 to ${max} photos or videos.` } };
		for (const childId of children) {
			const child = store(state).containers.get(childId);
			if (!child || child.igUserId !== account.id || !child.isCarouselItem) return { error: { code: 100, message: `Invalid parameter: ${childId} is not a carousel item container of this account.` } };
			if (statusCode(state, child) !== 'FINISHED') return { error: NOT_READY };
		}
		const tags = userTagsProblem(p.user_tags, { needsPosition: true });
		if (tags) return { error: tags };
		return { spec: { ...common, kind: 'CAROUSEL', children, processingSeconds: processingSeconds(state, 'CAROUSEL', false) } };
	}

	const story = mediaType === 'STORIES';
	const videoUrl = p.video_url;
	const imageUrl = p.image_url;
	const isVideo = mediaType === 'REELS' || mediaType === 'VIDEO' || (story && (videoUrl || resumable));
	const productTags = productTagsProblem(p.product_tags, { isVideo });
	if (productTags) return { error: productTags };
	if (isVideo) {
		if (!videoUrl && !resumable) return { error: { code: 100, message: 'The parameter video_url is required.' } };
		const tags = userTagsProblem(p.user_tags, { needsPosition: false });
		if (tags) return { error: tags };
		const info = videoUrl ? describeUrl(videoUrl) : null;
		if (info && p.thumb_offset !== undefined && Number(p.thumb_offset) > info.duration * 1000)
			return { error: { code: 1, subcode: 2207057, status: 400, message: 'The thumbnail offset is out of range.', userTitle: 'Invalid thumbnail offset', userMsg: `The thumbnail offset must be within the video's duration (${info.duration * 1000} ms).` } };
		return {
			spec: { ...common, kind: mediaType, isVideo: true, resumable, problem: info ? videoProblem(info, { story }) : null, processingSeconds: processingSeconds(state, mediaType, true, info) },
		};
	}
	if (!imageUrl) return { error: { code: 100, message: 'The parameter image_url is required.' } };
	const tags = userTagsProblem(p.user_tags, { needsPosition: !story });
	if (tags) return { error: tags };
	// Meta fetches images while creating the container, so their problems are immediate errors.
	const info = describeUrl(imageUrl);
	const problem = imageProblem(info, { story });
	if (problem) return { error: problem };
	const failsInProcessing = info.errorSubcode ? { subcode: info.errorSubcode } : null;
	return { spec: { ...common, kind: story ? 'STORIES' : 'IMAGE', isVideo: false, problem: failsInProcessing, processingSeconds: processingSeconds(state, 'IMAGE', false, info) } };
}

function productTypeOf(container) {
	if (container.kind === 'REELS') return 'REELS';
	if (container.kind === 'STORIES') return 'STORY';
	return 'FEED';
}

function mediaTypeOf(container) {
	if (container.kind === 'CAROUSEL') return 'CAROUSEL_ALBUM';
	return container.isVideo ? 'VIDEO' : 'IMAGE';
}

let mediaSeq = 0;

/** Turns a FINISHED container into published media. */
function publish(state, container, account) {
	const s = store(state);
	const p = container.params;
	const shortcode = ids.randomAlnum(11);
	const productType = productTypeOf(container);
	const media = {
		id: igId(),
		seq: ++mediaSeq,
		igUserId: account.id,
		username: account.username,
		containerId: container.id,
		mediaType: mediaTypeOf(container),
		productType,
		caption: productType === 'STORY' ? undefined : p.caption,
		altText: p.alt_text,
		mediaUrl: p.image_url || p.video_url || `https://scontent.sandbox.invalid/${container.id}.mp4`,
		thumbnailUrl: container.isVideo ? p.cover_url || `https://scontent.sandbox.invalid/${container.id}_thumb.jpg` : undefined,
		shortcode,
		permalink: `https://www.instagram.com/${productType === 'REELS' ? 'reel' : productType === 'STORY' ? 'stories/' + account.username : 'p'}/${shortcode}/`,
		timestampMs: state.nowMs(),
		commentEnabled: true,
		sharedToFeed: productType === 'REELS' ? p.share_to_feed === undefined || bool(p.share_to_feed) : undefined,
		locationId: p.location_id,
		userTags: jsonParam(p.user_tags),
		collaborators: jsonParam(p.collaborators),
		audioName: p.audio_name,
		children: container.children.map((childId) => {
			const child = s.containers.get(childId);
			return { id: igId(), mediaType: child.isVideo ? 'VIDEO' : 'IMAGE', mediaUrl: child.params.image_url || child.params.video_url };
		}),
		likeCount: 0,
	};
	s.media.set(media.id, media);
	container.publishedMediaId = media.id;
	for (const childId of container.children) s.containers.get(childId).publishedMediaId = media.id;
	const log = s.publishLog.get(account.id) || [];
	log.push(state.nowMs());
	s.publishLog.set(account.id, log);
	account.mediaCount = (account.mediaCount || 0) + 1;
	return media;
}

function registerHost(state, router) {
	router.post('/:id/media', onAccount(state, 'publish'), (req, res) => {
		if (req.igAccount.restricted) return graphError(res, RESTRICTED);
		const plan = planContainer(state, req, req.igAccount);
		if (plan.error) return graphError(res, plan.error);
		const container = createContainer(state, plan.spec);
		const body = { id: container.id };
		if (container.upload) body.uri = `https://rupload.facebook.com/ig-api-upload/${req.sandbox.version || state.settings.defaultApiVersion}/${container.id}`;
		res.json(body);
	});

	router.post('/:id/media_publish', onAccount(state, 'publish'), (req, res) => {
		const p = params(req);
		if (req.igAccount.restricted) return graphError(res, RESTRICTED);
		if (!p.creation_id) return graphError(res, { code: 100, message: 'The parameter creation_id is required.' });
		const container = store(state).containers.get(String(p.creation_id));
		if (!container || container.igUserId !== req.igAccount.id) return graphError(res, NO_BUILDER);
		if (container.isCarouselItem) return graphError(res, { code: 100, message: 'Invalid parameter: a carousel item cannot be published on its own; publish the carousel container.' });
		const status = statusCode(state, container);
		if (status === 'PUBLISHED') return graphError(res, state.settings.igPublishedAgainError);
		if (status === 'EXPIRED') return graphError(res, state.settings.igExpiredPublishError);
		if (status !== 'FINISHED' || !publishableYet(state, container)) return graphError(res, NOT_READY);
		if (publishesInWindow(state, req.igAccount.id).length >= state.settings.igPublishQuotaTotal) return graphError(res, QUOTA);
		const media = publish(state, container, req.igAccount);
		res.json({ id: media.id });
	});

	router.get('/:id/content_publishing_limit', onAccount(state, 'publish'), (req, res) => {
		const since = req.query.since !== undefined ? Number(req.query.since) * 1000 : undefined;
		if (since !== undefined && (!Number.isFinite(since) || since < state.nowMs() - state.settings.igPublishQuotaSeconds * 1000 - 1000))
			return graphError(res, { code: 100, message: 'Invalid parameter: since must be a unix timestamp within the last 24 hours.' });
		const getters = {
			quota_usage: () => publishesInWindow(state, req.igAccount.id, since).length,
			config: () => ({ quota_total: state.settings.igPublishQuotaTotal, quota_duration: state.settings.igPublishQuotaSeconds }),
		};
		const selected = selectFields(req.query.fields, ['quota_usage'], getters, 'ContentPublishingLimit');
		if (!selected.ok) return graphError(res, selected.error);
		delete selected.body.id;
		res.json({ data: [selected.body] });
	});

	const ownerOfContainer = (req) => {
		const c = store(state).containers.get(req.params.id);
		return c ? c.igUserId : null;
	};
	router.get('/:id', onOwned(state, 'read', ownerOfContainer), (req, res) => {
		const container = store(state).containers.get(req.params.id);
		container.statusReads += 1;
		const selected = selectFields(req.query.fields, ['id'], containerGetters(state, container), 'ShadowIGMediaBuilder');
		if (!selected.ok) return graphError(res, selected.error);
		res.json(selected.body);
	});
}

function register({ state, routers }) {
	for (const host of ['graph.facebook.com', 'graph.instagram.com']) registerHost(state, routers[host]);
	state.nodeTypeResolvers.push((id) => {
		const s = store(state);
		if (s.containers.has(id)) return 'ShadowIGMediaBuilder';
		if (s.media.has(id)) return 'IGMedia';
		if (state.igAccounts.has(id)) return 'IGUser';
		return null;
	});
	state.businessObjectResolvers.push((id) => (state.igAccounts.has(id) ? { id, type: 'instagram' } : null));
}

module.exports = { register, publish, publishesInWindow, NOT_READY, QUOTA };
