'use strict';
// Published media: GET /{ig-media-id}, GET /{ig-user-id}/media (paginated, newest first, no stories) and
// GET /{ig-user-id}/stories (reference §2.9).
const { graphError } = require('../../core/errors');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { store, publishedMedia } = require('./store');
const { onAccount, onOwned } = require('./access');

/** Meta's timestamp format: 2017-05-19T23:27:28+0000. */
function metaTimestamp(ms) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function commentsOf(state, mediaId) {
	return [...store(state).comments.values()].filter((c) => c.mediaId === mediaId && !c.deleted);
}

function mediaGetters(state, media) {
	return {
		id: () => media.id,
		caption: () => media.caption,
		media_type: () => media.mediaType,
		media_product_type: () => media.productType,
		media_url: () => media.mediaUrl,
		thumbnail_url: () => media.thumbnailUrl,
		permalink: () => media.permalink,
		shortcode: () => media.shortcode,
		timestamp: () => metaTimestamp(media.timestampMs),
		username: () => media.username,
		like_count: () => media.likeCount,
		comments_count: () => commentsOf(state, media.id).length,
		is_comment_enabled: () => media.commentEnabled,
		is_shared_to_feed: () => media.sharedToFeed,
		alt_text: () => media.altText,
		owner: () => ({ id: media.igUserId }),
		children: () =>
			media.children.length ? { data: media.children.map((c) => ({ id: c.id, media_type: c.mediaType, media_url: c.mediaUrl })) } : undefined,
	};
}

function selectMedia(state, req, media) {
	return selectFields(req.query.fields, ['id'], mediaGetters(state, media), 'IGMedia');
}

function listHandler(state, stories) {
	return (req, res) => {
		const items = publishedMedia(state, req.igAccount.id, { stories });
		const rows = [];
		for (const m of items) {
			const selected = selectMedia(state, req, m);
			if (!selected.ok) return graphError(res, selected.error);
			rows.push(selected.body);
		}
		const page = paginate(req, rows, { key: `${stories ? 'stories' : 'media'}:${req.igAccount.id}` });
		if (!page.ok) return graphError(res, page.error);
		res.json(page.body);
	};
}

function register({ state, routers }) {
	for (const host of ['graph.facebook.com', 'graph.instagram.com']) {
		const router = routers[host];
		router.get('/:id/media', onAccount(state, 'read'), listHandler(state, false));
		router.get('/:id/stories', onAccount(state, 'read'), listHandler(state, true));
		const ownerOfMedia = (req) => {
			const m = store(state).media.get(req.params.id);
			return m ? m.igUserId : null;
		};
		router.get('/:id', onOwned(state, 'read', ownerOfMedia), (req, res) => {
			const selected = selectMedia(state, req, store(state).media.get(req.params.id));
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		});
	}
}

module.exports = { register, mediaGetters, metaTimestamp, commentsOf };
