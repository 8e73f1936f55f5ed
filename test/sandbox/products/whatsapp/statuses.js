'use strict';
// Status webhooks after an accepted message (reference §5.6): sent → delivered → read, or failed with errors[],
// signed and POSTed by the shared webhook sender to the configured URL (configure with whatsappAdmin.statusWebhook).
const { waStore } = require('./store');
const { routeDelivery } = require('../subscriptions');

const TITLES = { 131026: 'Message undeliverable', 131047: 'Re-engagement message', 131049: 'This message was not delivered to maintain healthy ecosystem engagement.', 131050: 'User has stopped marketing messages' };

function statusObject(state, message, status, error) {
	const value = {
		id: message.id,
		status,
		timestamp: String(state.nowSec()),
		// Someone known only by user ID has no recipient_id; the user ID field's name is [UNCONFIRMED] (test/sandbox/README.md).
		...(message.waId ? { recipient_id: message.waId } : {}),
		...(message.userId ? { recipient_user_id: message.userId } : {}),
		...(message.bizOpaque ? { biz_opaque_callback_data: message.bizOpaque } : {}),
	};
	if (status === 'delivered' && message.category) value.pricing = { billable: true, pricing_model: 'PMP', type: 'regular', category: message.category };
	// A failure Meta documents no code for (the messaging limit) carries no errors[] rather than an invented one.
	if (error && error.code !== null && error.code !== undefined) {
		value.errors = [{ code: error.code, title: TITLES[error.code] || 'Message failed', message: TITLES[error.code] || 'Message failed', error_data: { details: error.details }, href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' }];
	}
	return value;
}

function envelope(number, statuses) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: number.wabaId,
				changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: number.display_phone_number.replace(/\D/g, ''), phone_number_id: number.id }, statuses } }],
			},
		],
	};
}

/**
 * Where statuses go: the URL set with whatsappAdmin.statusWebhook, otherwise wherever Meta would send the WABA's
 * `messages` field (the app's subscription or the WABA's override URL), when subscribed.
 */
function deliverStatus(state, webhooks, config, number, payload) {
	if (config && config.url) return webhooks.deliver({ url: config.url, payload, appSecret: config.appSecret, retries: config.retries || 0 });
	if (!state.defaultApp()) return Promise.resolve(null);
	return routeDelivery(state, webhooks, { object: 'whatsapp_business_account', targetId: number.wabaId, field: 'messages', payload });
}

/** Subscribed through the subscriptions product (an app callback for whatsapp_business_account.messages)? */
function subscribed(state) {
	const app = state.defaultApp();
	const subs = app && state.appSubscriptions && state.appSubscriptions.get(app.id);
	const sub = subs && subs.get('whatsapp_business_account');
	return Boolean(sub && sub.fields.has('messages'));
}

/**
 * Schedule the statuses of one accepted message. `failure` ({code, details}) sends `failed` instead of delivery.
 * Reactions only ever get `sent` (reference §5.1).
 */
function scheduleStatuses(state, timers, webhooks, number, message, failure) {
	const config = waStore(state).statusWebhook;
	message.statuses = [];
	const plan = failure ? [['failed', failure]] : message.type === 'reaction' ? [['sent']] : [['sent'], ...(config && config.skipDelivered ? [] : [['delivered']]), ['read']];
	if (!(config && config.url) && !subscribed(state)) {
		message.statuses = plan.map(([s]) => s);
		return;
	}
	const delays = { sent: 5, delivered: 10, read: 15, failed: 5, ...((config && config.delaysMs) || {}) };
	for (const [status, error] of plan) {
		timers.after(() => {
			message.statuses.push(status);
			deliverStatus(state, webhooks, config, number, envelope(number, [statusObject(state, message, status, error)])).catch(() => undefined);
		}, delays[status]);
	}
}

module.exports = { scheduleStatuses, statusObject };
