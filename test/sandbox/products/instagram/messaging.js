'use strict';
// Instagram Direct through the Send API (reference §3): POST /{PAGE_ID}/messages with the Page token (Facebook
// Login) or /{IG_ID}/messages, /me/messages with the Instagram Login token. Keeps the messaging window per
// conversation and one private reply per comment.
const crypto = require('crypto');
const { graphError } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { store } = require('./store');
const { SCOPES } = require('./access');
const { params, jsonParam } = require('./validation');

const OUTSIDE_WINDOW = { code: 10, subcode: 2534022, message: 'This message is sent outside of allowed window.' };
const NO_USER = { code: 100, subcode: 2534014, message: 'No matching user found' };
const PRIVATE_REPLY_USED = { code: 10, subcode: 2534025, message: 'Only one private reply is allowed per comment.' };
const ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file', 'like_heart', 'MEDIA_SHARE'];
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact'];

function messageId() {
	return 'aWdf' + crypto.randomBytes(24).toString('base64url');
}

function conversationKey(igUserId, igsid) {
	return `${igUserId}|${igsid}`;
}

/**
 * A person messages the account (what a webhook `messages` event reports): opens or renews the 24-hour window.
 * @returns {{mid:string}}
 */
function userMessaged(state, { igUserId, igsid, text = 'Hi', atMs }) {
	const s = store(state);
	const key = conversationKey(String(igUserId), String(igsid));
	const conversation = s.conversations.get(key) || { igUserId: String(igUserId), igsid: String(igsid), lastUserMessageAtMs: 0, messages: [] };
	conversation.lastUserMessageAtMs = atMs ?? state.nowMs();
	const mid = messageId();
	conversation.messages.push({ mid, from: 'user', text, atMs: conversation.lastUserMessageAtMs });
	s.conversations.set(key, conversation);
	s.messages.set(mid, { mid, igUserId: String(igUserId), igsid: String(igsid), from: 'user', text });
	return { mid };
}

/** The IG account a send acts for: the Page's linked account, or the Instagram Login account. */
function senderAccount(state, req) {
	const host = req.sandbox.host;
	const token = req.token;
	const id = req.params.id;
	if (host === 'graph.instagram.com') {
		if (id !== 'me' && id !== token.igUserId) return null;
		return state.igAccounts.get(token.igUserId) || null;
	}
	const pageId = id === 'me' ? token.pageId : id;
	if (token.type !== 'PAGE' || token.pageId !== pageId) return null;
	const page = state.pages.get(pageId);
	return page && page.instagramBusinessAccountId ? state.igAccounts.get(page.instagramBusinessAccountId) || null : null;
}

function bodyOf(req) {
	const p = params(req);
	return {
		recipient: jsonParam(p.recipient) || {},
		message: jsonParam(p.message),
		senderAction: p.sender_action,
		payload: jsonParam(p.payload),
		messagingType: p.messaging_type || 'RESPONSE',
		tag: p.tag,
	};
}

function messageProblem(message) {
	if (!message || typeof message !== 'object') return { code: 100, message: 'The parameter message is required.' };
	if (message.text !== undefined) {
		const bytes = Buffer.byteLength(String(message.text), 'utf8');
		if (bytes > 1000) return { code: 100, message: 'Length of param message[text] must be less than or equal to 1000 bytes.' };
	}
	const attachments = message.attachments || (message.attachment ? [message.attachment] : []);
	// Several images in one message: up to 10 (GA 2026-05-06, reference §3.2).
	if (message.attachments && (!Array.isArray(message.attachments) || message.attachments.length > 10 || message.attachments.some((a) => a && a.type !== 'image')))
		return { code: 100, message: 'param message[attachments] takes up to 10 images.' };
	if (message.text === undefined && !attachments.length) return { code: 100, message: 'The message needs text or an attachment.' };
	for (const a of attachments) {
		if (!a || !ATTACHMENT_TYPES.includes(a.type)) return { code: 100, message: `Invalid attachment type ${a && a.type}.` };
		if (['image', 'video', 'audio', 'file'].includes(a.type) && !(a.payload && (a.payload.url || a.payload.attachment_id))) return { code: 100, message: 'The attachment needs payload.url.' };
	}
	if (message.quick_replies !== undefined) {
		if (!Array.isArray(message.quick_replies) || message.quick_replies.length > 13) return { code: 100, message: 'param message[quick_replies] must have at most 13 elements.' };
		if (message.text === undefined) return { code: 100, message: 'Quick replies need a text message.' };
	}
	return null;
}

/**
 * Window rules (reference §3.3): 24 h after the person's last message; HUMAN_AGENT up to 7 days, and only for apps
 * with the reviewed Human Agent feature: without it the tag is refused whatever the window ([UNCONFIRMED] error).
 */
function windowProblem(state, conversation, body) {
	const humanAgent = body.messagingType === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
	if (humanAgent && !state.settings.igHumanAgentApproved) return state.settings.igHumanAgentRefusal;
	const age = state.nowMs() - conversation.lastUserMessageAtMs;
	if (age <= state.settings.igMessagingWindowSeconds * 1000) return null;
	if (humanAgent && age <= state.settings.igHumanAgentWindowSeconds * 1000) return null;
	return OUTSIDE_WINDOW;
}

function privateReply(state, req, res, account, body) {
	const s = store(state);
	const comment = s.comments.get(String(body.recipient.comment_id));
	const media = comment && s.media.get(comment.mediaId);
	if (!comment || comment.deleted || !media || media.igUserId !== account.id) return graphError(res, { code: 100, message: `Invalid parameter: comment ${body.recipient.comment_id} is not on this account's media.` });
	if (comment.privateReplyMid) return graphError(res, PRIVATE_REPLY_USED);
	if (state.nowMs() - comment.timestampMs > state.settings.igPrivateReplyWindowSeconds * 1000) return graphError(res, OUTSIDE_WINDOW);
	const mid = messageId();
	comment.privateReplyMid = mid;
	s.messages.set(mid, { mid, igUserId: account.id, igsid: comment.fromId, from: 'business', message: body.message, privateReplyTo: comment.id });
	return res.json({ recipient_id: comment.fromId, message_id: mid });
}

function senderAction(state, res, account, conversation, body) {
	const action = String(body.senderAction);
	if (!SENDER_ACTIONS.includes(action)) return graphError(res, { code: 100, message: `Invalid sender_action ${action}.` });
	if (action === 'react' || action === 'unreact') {
		const target = body.payload && store(state).messages.get(String(body.payload.message_id));
		if (!target || target.igsid !== conversation.igsid) return graphError(res, { code: 100, message: 'Invalid parameter: payload.message_id is not a message of this conversation.' });
		if (action === 'react') {
			if (!body.payload.reaction) return graphError(res, { code: 100, message: 'The parameter payload.reaction is required.' });
			target.reaction = body.payload.reaction;
		} else delete target.reaction;
		return res.json({ recipient_id: conversation.igsid });
	}
	conversation.lastAction = action;
	return res.json({ recipient_id: conversation.igsid });
}

function sendHandler(state) {
	return (req, res) => {
		const account = senderAccount(state, req);
		if (!account) return graphError(res, { code: 210, message: 'A page access token is required to request this resource.' });
		res.locals.businessObject = { id: account.id, type: 'instagram' };
		const body = bodyOf(req);
		if (body.recipient.comment_id) {
			const problem = messageProblem(body.message);
			if (problem) return graphError(res, problem);
			return privateReply(state, req, res, account, body);
		}
		if (!body.recipient.id) return graphError(res, { code: 100, message: 'The parameter recipient is required.' });
		const conversation = store(state).conversations.get(conversationKey(account.id, String(body.recipient.id)));
		if (!conversation) return graphError(res, NO_USER);
		if (body.senderAction) return senderAction(state, res, account, conversation, body);
		const problem = messageProblem(body.message) || windowProblem(state, conversation, body);
		if (problem) return graphError(res, problem);
		const message = { ...body.message };
		// Quick reply titles longer than 20 characters are cut (reference §3.2).
		if (message.quick_replies) message.quick_replies = message.quick_replies.map((q) => ({ ...q, title: String(q.title || '').slice(0, 20) }));
		const mid = messageId();
		conversation.messages.push({ mid, from: 'business', message, tag: body.tag, atMs: state.nowMs() });
		store(state).messages.set(mid, { mid, igUserId: account.id, igsid: conversation.igsid, from: 'business', message });
		return res.json({ recipient_id: conversation.igsid, message_id: mid });
	};
}

function register({ state, routers }) {
	/** Only Pages linked to an IG account (or `me` with such a Page's token): other /messages (WhatsApp) pass on. */
	const isInstagramSender = (req) => {
		if (req.sandbox.host === 'graph.instagram.com') return true;
		const peek = req.sandbox.tokenInfo && req.sandbox.tokenInfo.record;
		const pageId = req.params.id === 'me' ? peek && peek.type === 'PAGE' && peek.pageId : req.params.id;
		const page = pageId && state.pages.get(pageId);
		return Boolean(page && page.instagramBusinessAccountId);
	};
	for (const host of ['graph.facebook.com', 'graph.instagram.com']) {
		const guard = requireToken(state, { scopes: SCOPES[host].messages });
		routers[host].post('/:id/messages', (req, res, next) => (isInstagramSender(req) ? next() : next('route')), guard, sendHandler(state));
	}
}

module.exports = { register, userMessaged, conversationKey, OUTSIDE_WINDOW };
