'use strict';
// WhatsApp Cloud API product (reference §5): accounts and phone numbers, templates, messages (validation, service
// window, throughput and pair limits), media, status webhooks. `whatsappAdmin(state)` gives tests and benchmarks
// the knobs Meta has no API for (seed numbers/templates, open a service window, status-webhook target, settings).
const accounts = require('./accounts');
const templates = require('./templates');
const templateManagement = require('./template-management');
const messages = require('./messages');
const media = require('./media');
const { waStore, wabaRecord, phoneNumber, templatesOf, normaliseTemplate } = require('./store');
const { reachedBy } = require('./limiter');
const { canReach, MANAGEMENT, MESSAGING } = require('./access');
const people = require('./people');

/** The webhook sender of each sandbox state, for admin helpers that make Meta send something (a template review). */
const sendersOf = new WeakMap();

function register(ctx) {
	const { state } = ctx;
	sendersOf.set(state, ctx.webhooks);
	state.nodeTypeResolvers.push((id) => {
		if (wabaRecord(state, id)) return 'WhatsAppBusinessAccount';
		if (phoneNumber(state, id)) return 'WhatsAppBusinessPhoneNumber';
		return null;
	});
	// WhatsApp Business Management calls are BUC-limited per WABA (reference §7.3; type name [UNCONFIRMED]).
	state.businessObjectResolvers.push((id) => (wabaRecord(state, id) ? { id, type: 'whatsapp_business_management' } : null));
	// Cloud API sending (messages, media) has its own limits (§5.5) and no BUC header (§7.1): an object without id
	// keeps the token's default (a `pages` header keyed by the business) off these responses.
	state.businessObjectResolvers.push((id, _record, req) => (isCloudApiCall(state, id, req) ? { id: null, type: 'whatsapp_cloud_api' } : null));
	state.granularTargetResolvers.push((scope, userId) => {
		if (scope !== MANAGEMENT && scope !== MESSAGING) return null;
		return [...(state.wabas ? state.wabas.values() : [])].filter((w) => canReach(state, { userId }, w)).map((w) => w.id);
	});
	accounts.register(ctx);
	templates.register(ctx);
	templateManagement.register(ctx);
	messages.register(ctx);
	media.register(ctx);
}

/** POST /{phone-number-id}/messages|media, and /{media-id}: the Cloud API's own calls, not Business Management. */
function isCloudApiCall(state, id, req) {
	if (waStore(state).media.has(id)) return true;
	const path = (req && req.sandbox && req.sandbox.path) || '';
	return Boolean(phoneNumber(state, id)) && /^\/\d+\/(messages|media)\/?$/.test(path);
}

function whatsappAdmin(state) {
	const store = () => waStore(state);
	return {
		store,
		/** Change fields of a phone number (quality_rating, status, messaging_limit_tier, mps, ...). */
		setNumber(id, fields) {
			const s = store();
			s.numberOverrides.set(String(id), { ...(s.numberOverrides.get(String(id)) || {}), ...fields });
			return phoneNumber(state, id);
		},
		/** Add templates to a WABA (same shape as the template list). */
		addTemplates(wabaId, list) {
			const all = templatesOf(state, wabaId);
			for (const spec of list) all.push(normaliseTemplate(store(), wabaId, spec));
			return all;
		},
		/** Meta's review of a created or edited template: APPROVED, REJECTED (with a reason), PAUSED…; sends the status webhook. */
		reviewTemplate: (id, event, reason) => templateManagement.reviewTemplate(state, sendersOf.get(state), String(id), event, reason),
		/**
		 * The customer wrote to the number `secondsAgo` seconds ago (opens/refreshes the 24-hour window); with
		 * `messageId`, that message (a wamid) can then be marked as read.
		 */
		customerMessaged(phoneNumberId, waId, secondsAgo = 0, messageId) {
			const digits = people.personKey(state, waId);
			store().lastInbound.set(`${phoneNumberId}|${digits}`, state.nowSec() - secondsAgo);
			if (messageId) store().inbound.set(String(messageId), { phoneNumberId: String(phoneNumberId), waId: digits });
		},
		/** A WhatsApp user known by business-scoped user ID: {userId, waId?, username?, parentUserId?} (people.js). */
		addUser: (spec) => people.addUser(state, spec),
		/** Unique customers a business portfolio reached outside a window in the last 24 hours (messaging limit). */
		messagingLimitUsage: (portfolioId) => reachedBy(state, String(portfolioId)).size,
		/** Where status webhooks go: {url, appSecret?, delaysMs?, skipDelivered?}; null to stop. */
		statusWebhook(config) {
			store().statusWebhook = config;
		},
		settings(patch = {}) {
			Object.assign(store().settings, patch);
			return store().settings;
		},
		accepted: () => store().accepted,
		refused: () => store().refused,
		reads: () => store().reads,
		storeMedia: (spec) => media.storeMedia(state, spec),
	};
}

module.exports = { name: 'whatsapp', register, whatsappAdmin };
