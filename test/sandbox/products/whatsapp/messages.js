'use strict';
// POST /{phone-number-id}/messages (reference §5.1, §5.2, §5.5, §5.8): payload validation per message type, template
// validation, recipient checks, the 24-hour service window (131047, by default accepted and failed later as a status,
// as in production), throughput (130429), pair rate (131056) and the portfolio's messaging limit; accepted messages get
// a wamid and status webhooks. Mark-as-read (+ typing indicator) of a received message shares the endpoint.
const crypto = require('crypto');
const { graphError, errors } = require('../../core/errors');
const { guards, canReach } = require('./access');
const { waStore, wabaRecord, phoneNumber, templatesOf } = require('./store');
const { validateTemplateMessage, waError } = require('./templates');
const { throughputProblem, pairProblem, consume, messagingLimitFailure } = require('./limiter');
const { recipientWaId } = require('./recipients');
const { scheduleStatuses } = require('./statuses');
const { validatePayload } = require('./payloads');
const { USER_ID, userById, userByWaId } = require('./people');

/**
 * Who a send is for: `to` (a phone number) or, without it, `recipient` (a business-scoped user ID); `to` wins when
 * both are given (docs/whatsapp-user-ids.md). Returns {key, waId, user} or {problem}; `key` names the person for
 * windows and limits.
 */
function addressee(state, number, body) {
	if (body.to !== undefined && body.to !== '') {
		const waId = recipientWaId(state, number, body.to);
		if (!waId) return { problem: waError(131009, 'Parameter value is not valid', `Invalid recipient phone number: ${String(body.to)}`) };
		return { key: waId, waId, user: userByWaId(state, waId) };
	}
	if (body.recipient === undefined || body.recipient === '') return { problem: waError(131008, 'Required parameter is missing', 'to or recipient is required') };
	// A user ID Meta does not know: no documented answer; the sandbox says the parameter is not valid [UNCONFIRMED].
	const user = USER_ID.test(String(body.recipient)) ? userById(state, body.recipient) : null;
	if (!user) return { problem: waError(131009, 'Parameter value is not valid', `Invalid recipient: ${String(body.recipient)}`) };
	return { key: user.waId || user.userId, waId: user.waId, user };
}

let wamidSeq = 0;
function newWamid(waId) {
	wamidSeq += 1;
	return `wamid.${Buffer.from(`${waId}:${Date.now()}:${wamidSeq}:${crypto.randomBytes(4).toString('hex')}`).toString('base64url')}`;
}

function windowOpen(state, number, waId) {
	const store = waStore(state);
	const last = store.lastInbound.get(`${number.id}|${waId}`);
	return last !== undefined && state.nowSec() - last < store.settings.windowSeconds;
}

/**
 * Only a message a customer sent to this number can be marked read. The reference documents no error for an unknown
 * wamid; the sandbox answers 131009 "Parameter value is not valid" [UNCONFIRMED] (settings.markReadUnknown: 'accept').
 */
function markAsRead(req, res, body, number) {
	if (body.status !== 'read') return graphError(res, waError(131009, 'Parameter value is not valid', 'status must be "read"'));
	if (typeof body.message_id !== 'string' || !body.message_id.startsWith('wamid.')) return graphError(res, waError(131009, 'Parameter value is not valid', 'message_id must be a WhatsApp message id (wamid.…)'));
	if (body.typing_indicator !== undefined && (!body.typing_indicator || body.typing_indicator.type !== 'text')) {
		return graphError(res, waError(131009, 'Parameter value is not valid', 'typing_indicator.type must be "text"'));
	}
	const store = waStore(req.sandbox.state);
	const received = store.inbound.get(body.message_id);
	if (store.settings.markReadUnknown === 'refuse' && (!received || received.phoneNumberId !== number.id)) {
		return graphError(res, waError(131009, 'Parameter value is not valid', `message_id ${body.message_id} is not a message this phone number received`));
	}
	store.reads.push({ messageId: body.message_id, typing: Boolean(body.typing_indicator), at: req.sandbox.state.nowMs() });
	return res.json({ success: true });
}

function register({ state, routers, timers, webhooks }) {
	const fb = routers['graph.facebook.com'];
	const guard = guards(state);

	fb.post('/:phoneNumberId/messages', (req, res, next) => {
		const number = phoneNumber(state, req.params.phoneNumberId);
		if (!number) return next();
		return guard.messaging(req, res, () => {
			if (!canReach(state, req.token, wabaRecord(state, number.wabaId))) return graphError(res, errors.unsupportedRequest('POST', number.id));
			const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
			const store = waStore(state);
			const refuse = (spec) => {
				store.refused.push({ phoneNumberId: number.id, to: body.to, code: spec.code, at: state.nowMs() });
				return graphError(res, spec);
			};
			if (body.messaging_product !== 'whatsapp') return refuse({ code: 100, message: 'The parameter messaging_product is required.' });
			if (number.status !== 'CONNECTED') return refuse(waError(133010, 'Account not registered', `phone number ${number.id} is ${number.status}, not registered with the Cloud API`));
			if (body.status !== undefined && body.type === undefined) return markAsRead(req, res, body, number);

			const busy = throughputProblem(state, number, req);
			if (busy) return refuse(busy);
			if (body.recipient_type !== undefined && !['individual', 'group'].includes(body.recipient_type)) {
				return refuse(waError(131009, 'Parameter value is not valid', 'recipient_type must be individual or group'));
			}
			const who = addressee(state, number, body);
			if (who.problem) return refuse(who.problem);
			const { waId, user } = who;
			const key = who.key;
			if (waId === number.display_phone_number.replace(/\D/g, '')) return refuse(waError(131021, 'Recipient cannot be sender', 'Sender and recipient phone number is the same.'));
			const type = body.type || 'text';
			const payloadProblem = validatePayload(state, number, type, body);
			if (payloadProblem) return refuse(payloadProblem);
			if (type === 'template') {
				const problem = validateTemplateMessage(state, number.wabaId, body.template);
				if (problem) return refuse(problem);
				const sentTo = templatesOf(state, number.wabaId).find((t) => t.name === body.template.name && t.language === body.template.language.code);
				if (!body.to && sentTo.category === 'AUTHENTICATION') {
					return refuse(waError(131062, 'Business-scoped User ID (BSUID) recipients are not supported for this message', 'Authentication templates need a phone number recipient.'));
				}
			}
			if (body.context !== undefined && (!body.context || typeof body.context.message_id !== 'string' || !body.context.message_id.startsWith('wamid.'))) {
				return refuse(waError(131009, 'Parameter value is not valid', 'context.message_id must be a WhatsApp message id (wamid.…)'));
			}
			const inWindow = windowOpen(state, number, key);
			let failure = null;
			if (type !== 'template' && !inWindow) {
				const details = 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
				if (store.settings.windowErrorMode === 'sync') return refuse(waError(131047, 'Re-engagement message', details));
				failure = { code: 131047, details };
			}
			const pair = pairProblem(state, number, key);
			if (pair) return refuse(pair);
			consume(state, number, key, req);
			if (!inWindow && !failure) failure = messagingLimitFailure(state, number, key);
			if (store.settings.undeliverable.has(key)) failure = { code: 131026, details: 'Message Undeliverable.' };

			const { access_token: _token, appsecret_proof: _proof, ...payload } = body;
			const template = type === 'template' ? (templatesOf(state, number.wabaId).find((t) => t.name === body.template.name) || {}) : {};
			const message = {
				id: newWamid(key),
				phoneNumberId: number.id,
				to: body.to || body.recipient,
				waId,
				userId: user ? user.userId : null,
				type,
				payload,
				at: state.nowMs(),
				bizOpaque: body.biz_opaque_callback_data,
				category: type === 'template' ? String(template.category || 'utility').toLowerCase() : inWindow ? 'service' : undefined,
			};
			store.accepted.push(message);
			scheduleStatuses(state, timers, webhooks, number, message, failure);
			return res.json({
				messaging_product: 'whatsapp',
				// A send by user ID echoes it as user_id, with wa_id when Meta may share the number [UNCONFIRMED shape].
				contacts: [body.to ? { input: String(body.to), wa_id: waId } : { input: String(body.recipient), ...(waId ? { wa_id: waId } : {}), user_id: user.userId }],
				messages: [{ id: message.id, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
			});
		});
	});
}

module.exports = { register };
