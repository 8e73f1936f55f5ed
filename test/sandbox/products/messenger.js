'use strict';
// Messenger Send API from a Facebook Page (Meta's Send API reference, quick-replies and button-template pages;
// reference §3.2–§3.7 for the shared window rules): POST /{PAGE_ID}/messages (or /me/messages) with the Page token
// and pages_messaging, to a person (PSID) who wrote to the Page. Registered before Instagram: it answers only for
// PSIDs of its own conversations (or Pages without an Instagram account); everything else passes on.
const crypto = require('crypto');
const { graphError } = require('../core/errors');
const { requireToken } = require('../core/tokens');
const { registerProductSettings } = require('../core/settings');

/** 10/2018278 outside the 24-hour window (reference §3.6 [community]; wording as the reference's §3.7). */
const OUTSIDE_WINDOW = { code: 10, subcode: 2018278, message: 'This message is sent outside of allowed window.' };
/** 100/2018001 no matching user (reference §3.6 [community]). */
const NO_USER = { code: 100, subcode: 2018001, message: 'No matching user found' };
const MEDIA_TYPES = ['image', 'video', 'audio', 'file'];
const BUTTON_TYPES = ['web_url', 'postback', 'phone_number', 'account_link', 'account_unlink', 'game_play'];

const MESSENGER_SETTINGS = Object.freeze({
	/** Standard window and the HUMAN_AGENT window (reference §3.3). */
	messengerWindowSeconds: 86400,
	messengerHumanAgentWindowSeconds: 7 * 86400,
	/** Most apps lack the reviewed Human Agent feature (reference §3.3); Meta documents no error for it [UNCONFIRMED]. */
	messengerHumanAgentApproved: false,
	messengerHumanAgentRefusal: { code: 10, message: 'Application does not have permission for this action' },
});
registerProductSettings(MESSENGER_SETTINGS);

function settingsOf(state) {
	for (const [key, value] of Object.entries(MESSENGER_SETTINGS)) if (!(key in state.settings)) state.settings[key] = JSON.parse(JSON.stringify(value));
	return state.settings;
}

function store(state) {
	return state.ns('messenger', () => ({ conversations: new Map(), sent: [] }));
}

const keyOf = (pageId, psid) => `${pageId}|${psid}`;

/** A person writes to the Page (what a Page `messages` webhook reports): opens or renews the 24-hour window. */
function personMessaged(state, { pageId, psid, text = 'Hi', atMs }) {
	const s = store(state);
	const key = keyOf(String(pageId), String(psid));
	const conversation = s.conversations.get(key) || { pageId: String(pageId), psid: String(psid), lastUserMessageAtMs: 0, messages: [] };
	conversation.lastUserMessageAtMs = atMs ?? state.nowMs();
	const mid = `m_${crypto.randomBytes(18).toString('base64url')}`;
	conversation.messages.push({ mid, from: 'person', text, atMs: conversation.lastUserMessageAtMs });
	s.conversations.set(key, conversation);
	return { mid };
}

function messengerAdmin(state) {
	return {
		personMessaged: (spec) => personMessaged(state, spec),
		/** Messages the Page sent: {pageId, psid, message, messagingType, tag, mid}. */
		sent: () => store(state).sent,
	};
}

function params(req) {
	const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
	return { ...(req.query || {}), ...body };
}

function json(value) {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return null;
	}
}

const param = (message) => ({ code: 100, message });

function templateProblem(payload) {
	if (!payload || payload.template_type !== 'button') return param('Only the button template is emulated: payload.template_type must be button.');
	if (typeof payload.text !== 'string' || !payload.text) return param('param message[attachment][payload][text] is required.');
	if ([...payload.text].length > 640) return param('Length of param message[attachment][payload][text] must be less than or equal to 640.');
	if (!Array.isArray(payload.buttons) || payload.buttons.length < 1 || payload.buttons.length > 3) return param('param message[attachment][payload][buttons] must have 1 to 3 elements.');
	for (const b of payload.buttons) {
		if (!b || !BUTTON_TYPES.includes(b.type)) return param(`Invalid button type ${b && b.type}.`);
		if (!b.title || [...String(b.title)].length > 20) return param('Button title is required and at most 20 characters.');
		if (b.type === 'web_url' && !/^https?:\/\//.test(String(b.url || ''))) return param('A web_url button needs url.');
		if (b.type === 'postback' && (!b.payload || [...String(b.payload)].length > 1000)) return param('A postback button needs a payload of at most 1000 characters.');
		if (b.type === 'phone_number' && !/^\+\d+$/.test(String(b.payload || ''))) return param('A phone_number button needs payload in the format +<country code><number>.');
	}
	return null;
}

function messageProblem(message) {
	if (!message || typeof message !== 'object') return param('The parameter message is required.');
	if (message.text !== undefined && [...String(message.text)].length > 2000) return param('Length of param message[text] must be less than or equal to 2000.');
	if (message.quick_replies !== undefined) {
		if (!Array.isArray(message.quick_replies) || message.quick_replies.length > 13) return param('param message[quick_replies] must have at most 13 elements.');
		if (message.text === undefined) return param('Quick replies need a text message.');
	}
	const a = message.attachment;
	if (message.text === undefined && !a) return param('The message needs text or an attachment.');
	if (a) {
		if (a.type === 'template') return templateProblem(a.payload);
		if (!MEDIA_TYPES.includes(a.type)) return param(`Invalid attachment type ${a.type}.`);
		if (!a.payload || !(a.payload.url || a.payload.attachment_id)) return param('The attachment needs payload.url.');
	}
	return null;
}

function windowProblem(state, conversation, body) {
	const settings = settingsOf(state);
	const humanAgent = body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
	if (humanAgent && !settings.messengerHumanAgentApproved) return settings.messengerHumanAgentRefusal;
	const age = state.nowMs() - conversation.lastUserMessageAtMs;
	if (age <= settings.messengerWindowSeconds * 1000) return null;
	if (humanAgent && age <= settings.messengerHumanAgentWindowSeconds * 1000) return null;
	return OUTSIDE_WINDOW;
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	const guard = requireToken(state, { scopes: ['pages_messaging'] });
	/** This route's: a PSID of one of its conversations, or any recipient of a Page without an Instagram account. */
	const ownsRequest = (req) => {
		const peek = req.sandbox.tokenInfo && req.sandbox.tokenInfo.record;
		const pageId = req.params.id === 'me' ? peek && peek.type === 'PAGE' && peek.pageId : req.params.id;
		const page = pageId && state.pages.get(String(pageId));
		if (!page) return false;
		const recipient = json(params(req).recipient) || {};
		if (recipient.id && store(state).conversations.has(keyOf(page.id, String(recipient.id)))) return true;
		return !page.instagramBusinessAccountId;
	};
	router.post('/:id/messages', (req, res, next) => (ownsRequest(req) ? next() : next('route')), guard, (req, res) => {
		const token = req.token;
		const pageId = req.params.id === 'me' ? token.pageId : req.params.id;
		if (token.type !== 'PAGE' || String(token.pageId) !== String(pageId)) return graphError(res, { code: 210, message: 'A page access token is required to request this resource.' });
		res.locals.businessObject = { id: pageId, type: 'messenger' };
		const p = params(req);
		const body = { recipient: json(p.recipient) || {}, message: json(p.message), messaging_type: p.messaging_type || 'RESPONSE', tag: p.tag };
		if (!body.recipient.id) return graphError(res, param('The parameter recipient is required.'));
		const conversation = store(state).conversations.get(keyOf(pageId, String(body.recipient.id)));
		if (!conversation) return graphError(res, NO_USER);
		const problem = messageProblem(body.message) || windowProblem(state, conversation, body);
		if (problem) return graphError(res, problem);
		const message = { ...body.message };
		if (message.quick_replies) message.quick_replies = message.quick_replies.map((q) => ({ ...q, title: String(q.title || '').slice(0, 20) }));
		const mid = `m_${crypto.randomBytes(18).toString('base64url')}`;
		store(state).sent.push({ pageId: String(pageId), psid: conversation.psid, message, messagingType: body.messaging_type, tag: body.tag, mid });
		conversation.messages.push({ mid, from: 'page', message, atMs: state.nowMs() });
		res.json({ recipient_id: conversation.psid, message_id: mid });
	});
}

module.exports = { name: 'messenger', register, messengerAdmin, personMessaged, OUTSIDE_WINDOW, MESSENGER_SETTINGS };
