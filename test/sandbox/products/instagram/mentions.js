'use strict';
// The IG user node on graph.facebook.com with its mention fields (reference §4.2): mentioned_media.media_id(X){…}
// for a caption @mention, mentioned_comment.comment_id(X){…} for a comment @mention, the `tags` edge (media the
// account is tagged in) and POST /{ig-user-id}/mentions to reply in that thread.
const { graphError } = require('../../core/errors');
const { selectFields, parseFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { igBusinessGetters } = require('../auth/nodes');
const { store, igId } = require('./store');
const { onAccount } = require('./access');
const { params } = require('./validation');
const { mediaGetters } = require('./media');
const { addComment, commentGetters } = require('./comments');

let foreignSeq = 0;

/** Media of another account (not publishable through the sandbox's API), e.g. a post that mentions or tags ours. */
function addForeignMedia(state, spec) {
	const id = igId();
	const media = {
		id,
		seq: 1e6 + ++foreignSeq,
		igUserId: spec.igUserId || '17841499999999999',
		username: spec.username || 'someone.else',
		mediaType: spec.mediaType || 'IMAGE',
		productType: 'FEED',
		caption: spec.caption,
		mediaUrl: spec.mediaUrl || `https://scontent.sandbox.invalid/${id}.jpg`,
		shortcode: id.slice(-11),
		permalink: `https://www.instagram.com/p/${id.slice(-11)}/`,
		timestampMs: spec.timestampMs ?? state.nowMs(),
		commentEnabled: true,
		userTags: spec.userTags || [],
		children: [],
		likeCount: 0,
		foreign: true,
	};
	store(state).media.set(id, media);
	return media;
}

function mentions(text, username) {
	return new RegExp(`@${username.replace(/\./g, '\\.')}(?![A-Za-z0-9._])`, 'i').test(String(text || ''));
}

function taggedMedia(state, account) {
	return [...store(state).media.values()]
		.filter((m) => m.igUserId !== account.id && (m.userTags || []).some((t) => t && t.username === account.username))
		.sort((a, b) => b.timestampMs - a.timestampMs);
}

/** Checks the media_id / comment_id modifiers before fields are selected: Meta refuses ids that do not mention us. */
function mentionProblem(state, account, fieldsParam) {
	for (const f of parseFields(fieldsParam)) {
		if (f.name === 'mentioned_media') {
			const media = store(state).media.get(String(f.modifiers.media_id || ''));
			if (!media || !mentions(media.caption, account.username)) return { code: 100, message: `Invalid parameter: media ${f.modifiers.media_id || '(none)'} does not mention @${account.username}.` };
		}
		if (f.name === 'mentioned_comment') {
			const comment = store(state).comments.get(String(f.modifiers.comment_id || ''));
			if (!comment || comment.deleted || !mentions(comment.text, account.username))
				return { code: 100, message: `Invalid parameter: comment ${f.modifiers.comment_id || '(none)'} does not mention @${account.username}.` };
		}
	}
	return null;
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	router.get('/:id', onAccount(state, 'read'), (req, res) => {
		const account = req.igAccount;
		const problem = mentionProblem(state, account, req.query.fields);
		if (problem) return graphError(res, problem);
		const sub = (spec, defaults) => spec || defaults;
		const getters = {
			...igBusinessGetters(account),
			mentioned_media: (spec, modifiers) => {
				const selected = selectFields(sub(spec, 'id'), ['id'], mediaGetters(state, store(state).media.get(String(modifiers.media_id))), 'IGMedia');
				return selected.ok ? selected.body : undefined;
			},
			mentioned_comment: (spec, modifiers) => {
				const selected = selectFields(sub(spec, 'id'), ['id'], commentGetters(state, store(state).comments.get(String(modifiers.comment_id))), 'IGComment');
				return selected.ok ? selected.body : undefined;
			},
		};
		const selected = selectFields(req.query.fields, ['id'], getters, 'IGUser');
		if (!selected.ok) return graphError(res, selected.error);
		res.json(selected.body);
	});

	router.get('/:id/tags', onAccount(state, 'read'), (req, res) => {
		const rows = [];
		for (const m of taggedMedia(state, req.igAccount)) {
			const selected = selectFields(req.query.fields, ['id'], mediaGetters(state, m), 'IGMedia');
			if (!selected.ok) return graphError(res, selected.error);
			rows.push(selected.body);
		}
		const page = paginate(req, rows, { key: `tags:${req.igAccount.id}` });
		if (!page.ok) return graphError(res, page.error);
		res.json(page.body);
	});

	router.post('/:id/mentions', onAccount(state, 'comments'), (req, res) => {
		const p = params(req);
		if (!p.message) return graphError(res, { code: 100, message: 'The parameter message is required.' });
		const account = req.igAccount;
		if (p.comment_id) {
			const comment = store(state).comments.get(String(p.comment_id));
			if (!comment || comment.deleted || !mentions(comment.text, account.username)) return graphError(res, { code: 100, message: 'Invalid parameter: the comment does not mention this account.' });
			return res.json({ id: addComment(state, { mediaId: comment.mediaId, parentId: comment.id, text: p.message, username: account.username, fromId: account.id }).id });
		}
		const media = store(state).media.get(String(p.media_id || ''));
		if (!media || !mentions(media.caption, account.username)) return graphError(res, { code: 100, message: 'Invalid parameter: the media does not mention this account.' });
		res.json({ id: addComment(state, { mediaId: media.id, text: p.message, username: account.username, fromId: account.id }).id });
	});
}

module.exports = { register, addForeignMedia, mentions };
