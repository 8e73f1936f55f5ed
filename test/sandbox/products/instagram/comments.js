'use strict';
// Comments on IG media (reference §4.1, §4.3): list (top level only, newest first, ≤ 50 a page), read, comment,
// reply (one level), hide/unhide (not the owner's own comments), delete (media owner only), comments on/off.
const { graphError } = require('../../core/errors');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { store, igId } = require('./store');
const { onOwned } = require('./access');
const { params, bool } = require('./validation');
const { metaTimestamp } = require('./media');

let commentSeq = 0;

/**
 * Adds a comment as someone would in the app (tests use this for comments by other people).
 * @param {any} state
 * @param {{mediaId:string, text:string, username?:string, fromId?:string, parentId?:string, timestampMs?:number, hidden?:boolean}} spec
 */
function addComment(state, spec) {
	const s = store(state);
	const media = s.media.get(String(spec.mediaId));
	if (!media) throw new Error(`unknown media ${spec.mediaId}`);
	const parent = spec.parentId ? s.comments.get(String(spec.parentId)) : null;
	const comment = {
		id: igId(),
		seq: ++commentSeq,
		mediaId: media.id,
		// Replies are one level deep: a reply to a reply attaches to the top-level comment ([UNCONFIRMED]).
		parentId: parent ? parent.parentId || parent.id : null,
		text: String(spec.text),
		username: spec.username || 'jane.customer',
		fromId: spec.fromId || '27000000000000' + String(100 + (commentSeq % 900)),
		timestampMs: spec.timestampMs ?? state.nowMs(),
		hidden: Boolean(spec.hidden),
		likeCount: 0,
		deleted: false,
	};
	s.comments.set(comment.id, comment);
	return comment;
}

function liveComments(state, filter) {
	return [...store(state).comments.values()].filter((c) => !c.deleted && filter(c)).sort((a, b) => b.timestampMs - a.timestampMs || b.seq - a.seq);
}

function commentGetters(state, comment) {
	const media = store(state).media.get(comment.mediaId);
	const replies = () => liveComments(state, (c) => c.parentId === comment.id);
	return {
		id: () => comment.id,
		text: () => comment.text,
		timestamp: () => metaTimestamp(comment.timestampMs),
		username: () => comment.username,
		from: () => ({ id: comment.fromId, username: comment.username }),
		hidden: () => comment.hidden,
		like_count: () => comment.likeCount,
		parent_id: () => comment.parentId || undefined,
		media: (sub) => {
			const selected = selectFields(sub || 'id', ['id'], { id: () => media.id, media_product_type: () => media.productType }, 'IGMedia');
			return selected.ok ? selected.body : { id: media.id };
		},
		replies: (sub) => {
			const rows = replies().map((r) => selectFields(sub || 'id,text,username,timestamp', ['id'], commentGetters(state, r), 'IGComment'));
			return { data: rows.filter((r) => r.ok).map((r) => r.body) };
		},
	};
}

function listComments(state, req, res, items, key) {
	const rows = [];
	for (const c of items) {
		const selected = selectFields(req.query.fields, ['id', 'text', 'timestamp'], commentGetters(state, c), 'IGComment');
		if (!selected.ok) return graphError(res, selected.error);
		rows.push(selected.body);
	}
	const page = paginate(req, rows, { key, maxLimit: 50 });
	if (!page.ok) return graphError(res, page.error);
	return res.json(page.body);
}

function registerHost(state, router) {
	const s = () => store(state);
	const mediaOwner = (req) => s().media.get(req.params.id)?.igUserId ?? null;
	const commentOwner = (req) => {
		const c = s().comments.get(req.params.id);
		return c && !c.deleted ? s().media.get(c.mediaId)?.igUserId ?? null : null;
	};

	router.get('/:id/comments', onOwned(state, 'comments', mediaOwner), (req, res) =>
		listComments(state, req, res, liveComments(state, (c) => c.mediaId === req.params.id && !c.parentId), `comments:${req.params.id}`),
	);
	router.post('/:id/comments', onOwned(state, 'comments', mediaOwner), (req, res) => {
		const media = s().media.get(req.params.id);
		const p = params(req);
		if (!p.message) return graphError(res, { code: 100, message: 'The parameter message is required.' });
		// [UNCONFIRMED] code when comments are turned off.
		if (!media.commentEnabled) return graphError(res, { code: 100, message: 'Comments are disabled for this media.' });
		const comment = addComment(state, { mediaId: media.id, text: p.message, username: req.igAccount.username, fromId: req.igAccount.id });
		res.json({ id: comment.id });
	});
	// Comments on/off: POST /{ig-media-id}?comment_enabled=true|false.
	router.post('/:id', onOwned(state, 'comments', mediaOwner), (req, res) => {
		const p = params(req);
		if (p.comment_enabled === undefined) return graphError(res, { code: 100, message: 'The parameter comment_enabled is required.' });
		s().media.get(req.params.id).commentEnabled = bool(p.comment_enabled);
		res.json({ success: true });
	});

	router.get('/:id/replies', onOwned(state, 'comments', commentOwner), (req, res) =>
		listComments(state, req, res, liveComments(state, (c) => c.parentId === req.params.id), `replies:${req.params.id}`),
	);
	router.post('/:id/replies', onOwned(state, 'comments', commentOwner), (req, res) => {
		const p = params(req);
		if (!p.message) return graphError(res, { code: 100, message: 'The parameter message is required.' });
		const parent = s().comments.get(req.params.id);
		const reply = addComment(state, { mediaId: parent.mediaId, parentId: parent.id, text: p.message, username: req.igAccount.username, fromId: req.igAccount.id });
		res.json({ id: reply.id });
	});
	router.get('/:id', onOwned(state, 'comments', commentOwner), (req, res) => {
		const selected = selectFields(req.query.fields, ['id', 'text', 'timestamp'], commentGetters(state, s().comments.get(req.params.id)), 'IGComment');
		if (!selected.ok) return graphError(res, selected.error);
		res.json(selected.body);
	});
	// Hide/unhide: POST /{ig-comment-id}?hide=true|false.
	router.post('/:id', onOwned(state, 'comments', commentOwner), (req, res) => {
		const p = params(req);
		const comment = s().comments.get(req.params.id);
		if (p.hide === undefined) return graphError(res, { code: 100, message: 'The parameter hide is required.' });
		// The media owner's own comments are always shown ([UNCONFIRMED] code: 100).
		if (comment.fromId === req.igAccount.id) return graphError(res, { code: 100, message: 'Comments made by the media owner cannot be hidden.' });
		comment.hidden = bool(p.hide);
		res.json({ success: true });
	});
	router.delete('/:id', onOwned(state, 'comments', commentOwner), (req, res) => {
		const comment = s().comments.get(req.params.id);
		comment.deleted = true;
		for (const reply of s().comments.values()) if (reply.parentId === comment.id) reply.deleted = true;
		res.json({ success: true });
	});
}

function register({ state, routers }) {
	for (const host of ['graph.facebook.com', 'graph.instagram.com']) registerHost(state, routers[host]);
	state.nodeTypeResolvers.push((id) => (store(state).comments.has(id) ? 'IGComment' : null));
}

module.exports = { register, addComment, commentGetters, liveComments };
