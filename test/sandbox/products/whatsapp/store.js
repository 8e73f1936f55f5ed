'use strict';
// WhatsApp product state (state.ns('whatsapp')): phone numbers, templates, service windows, media, accepted
// messages and the status-webhook target. Seeded WABAs (core/entities upsertWaba) may carry `phoneNumbers`
// (details per number id) and `templates`; both are read here, so `admin.seed({wabas:[...]})` works before and
// after first use.
const { DEFAULT_TEMPLATES } = require('./default-templates');

const DEFAULT_WABA_ID = '1500000000000001';

/**
 * Phone-number defaults. Field names and values follow Meta's WhatsAppBusinessPhoneNumber node as used in public
 * code; the reference (§5.5) only confirms `messaging_limit_tier` (deprecated in favour of
 * `whatsapp_business_manager_messaging_limit`, the business portfolio's limit: 250 → 2,000 → 10,000 → 100,000 →
 * unlimited unique customers) and the 80 msg/s default throughput. Enumerations below are [UNCONFIRMED]:
 * status CONNECTED | PENDING | DISCONNECTED | FLAGGED | RESTRICTED | RATE_LIMITED | MIGRATED | DELETED | UNVERIFIED,
 * code_verification_status VERIFIED | NOT_VERIFIED | EXPIRED, name_status APPROVED | AVAILABLE_WITHOUT_REVIEW |
 * DECLINED | EXPIRED | PENDING_REVIEW | NONE, throughput.level STANDARD | HIGH | NOT_APPLICABLE,
 * messaging_limit_tier TIER_50 | TIER_250 | TIER_1K | TIER_10K | TIER_100K | TIER_UNLIMITED,
 * whatsapp_business_manager_messaging_limit TIER_50 | TIER_250 | TIER_2K | TIER_10K | TIER_100K | TIER_UNLIMITED.
 */
function defaultNumber(id, index, waba) {
	return {
		id,
		display_phone_number: `+1 555-000-${1111 + index}`,
		verified_name: waba.name || 'Sandbox Business',
		quality_rating: 'GREEN',
		code_verification_status: 'VERIFIED',
		status: 'CONNECTED',
		name_status: 'APPROVED',
		messaging_limit_tier: 'TIER_1K',
		whatsapp_business_manager_messaging_limit: 'TIER_2K',
		throughput: { level: 'STANDARD' },
		platform_type: 'CLOUD_API',
		account_mode: 'LIVE',
		is_official_business_account: false,
		/** Sandbox only: messages per second before 130429 (reference §5.5: 80 default, up to 1,000). */
		mps: 80,
	};
}

function waStore(state) {
	return state.ns('whatsapp', () => ({
		/** phone-number id -> overrides set at runtime (admin helpers). */
		numberOverrides: new Map(),
		/** waba id -> template list. */
		templates: new Map(),
		templateSeq: 0,
		/**
		 * `${phoneNumberId}|${waId}` -> unix seconds of the customer's last message (service window). Empty: as at Meta,
		 * only a customer's message opens a window (whatsappAdmin.customerMessaged, the whatsapp-reply sample event).
		 */
		lastInbound: new Map(),
		/** wamid of a message a customer sent -> {phoneNumberId, waId}: what mark-as-read can mark. */
		inbound: new Map(),
		/** Messaging limit: business portfolio id -> Map(waId -> unix seconds it was last reached outside a window). */
		businessInitiated: new Map(),
		/** business-scoped user id -> {userId, waId, username, parentUserId} (people.js). */
		users: new Map(),
		/** media id -> {id, phoneNumberId, mime_type, data, sha256, file_size, createdAt}. */
		media: new Map(),
		/** Every accepted send: {id, phoneNumberId, to, waId, type, payload, at}. */
		accepted: [],
		/** Every refused send: {phoneNumberId, to, code, at}. */
		refused: [],
		/** Mark-as-read calls: {messageId, typing, at}. */
		reads: [],
		/** Throughput: phone-number id -> accepted timestamps (ms) in the last second. */
		recent: new Map(),
		/** Pair rate: `${phoneNumberId}|${waId}` -> {tokens, at}. */
		pairs: new Map(),
		/**
		 * Behaviour switches ([UNCONFIRMED]/[community] figures of the reference §5.5/§5.8); defaults are Meta's
		 * production behaviour, the other values the kinder one (test/sandbox/README.md, "WhatsApp").
		 */
		settings: {
			pairBurst: 10,
			pairRefillSeconds: 6,
			windowSeconds: 24 * 3600,
			/** 'async': accepted, then a failed status with 131047 (production); 'sync': refused at once. */
			windowErrorMode: 'async',
			/** 'businessCountryCode': `to` without + gets the business number's country code (§5.1); 'international'. */
			recipientWithoutPlus: 'businessCountryCode',
			/** 'refuse': mark-as-read only of a wamid the number received; 'accept': any wamid. */
			markReadUnknown: 'refuse',
			/** Unique customers per portfolio and rolling 24 h outside a window (§5.5); false: no limit. */
			enforceMessagingLimit: true,
			/** Error code on the failed status past the limit: none documented (reference §5.5/§5.7), so none by default. */
			messagingLimitErrorCode: null,
			/** Recipients that are not WhatsApp users: accepted, then a failed status with 131026. */
			undeliverable: new Set(),
			/**
			 * Status of a template right after a create or an edit: 'pending' (production: Meta reviews it, and
			 * whatsappAdmin.reviewTemplate plays the review); 'approve' or 'reject' decide at once (opt-in).
			 */
			templateReview: 'pending',
		},
		/** Where status webhooks go: {url, appSecret?, delaysMs:{sent,delivered,read}, skipDelivered, fail:{[waId]:code}}. */
		statusWebhook: null,
	}));
}

function wabaRecord(state, wabaId) {
	return state.wabas ? state.wabas.get(String(wabaId)) : undefined;
}

/** Full record of a phone number (defaults ← seeded details ← runtime overrides), or null. */
function phoneNumber(state, id) {
	const key = String(id);
	for (const waba of state.wabas ? state.wabas.values() : []) {
		const index = waba.phoneNumberIds.indexOf(key);
		if (index === -1) continue;
		const seeded = (waba.phoneNumbers || []).find((n) => String(n.id) === key) || {};
		const overrides = waStore(state).numberOverrides.get(key) || {};
		const globalIndex = [...state.wabas.keys()].indexOf(waba.id) * 10 + index;
		return { ...defaultNumber(key, globalIndex, waba), ...seeded, ...overrides, id: key, wabaId: waba.id };
	}
	return null;
}

function numbersOf(state, wabaId) {
	const waba = wabaRecord(state, wabaId);
	return waba ? waba.phoneNumberIds.map((id) => phoneNumber(state, id)) : [];
}

function normaliseTemplate(store, wabaId, spec) {
	store.templateSeq += 1;
	return {
		id: String(spec.id || `59480000000${String(store.templateSeq).padStart(5, '0')}`),
		name: spec.name,
		language: spec.language || 'en_US',
		status: spec.status || 'APPROVED',
		category: spec.category || 'UTILITY',
		parameter_format: spec.parameter_format || 'POSITIONAL',
		components: spec.components || [],
		quality_score: spec.quality_score || { score: 'GREEN', date: 0 },
		...(spec.rejected_reason ? { rejected_reason: spec.rejected_reason } : { rejected_reason: 'NONE' }),
		wabaId: String(wabaId),
	};
}

/** Templates of a WABA: the default set for the seeded account, plus anything seeded on the WABA record. */
function templatesOf(state, wabaId) {
	const store = waStore(state);
	const key = String(wabaId);
	if (!store.templates.has(key)) {
		const initial = key === DEFAULT_WABA_ID ? DEFAULT_TEMPLATES : [];
		store.templates.set(key, initial.map((t) => normaliseTemplate(store, key, t)));
	}
	const list = store.templates.get(key);
	const waba = wabaRecord(state, key);
	for (const spec of (waba && waba.templates) || []) {
		if (!list.some((t) => t.name === spec.name && t.language === (spec.language || 'en_US'))) list.push(normaliseTemplate(store, key, spec));
	}
	return list;
}

function findTemplateById(state, id) {
	for (const wabaId of state.wabas ? state.wabas.keys() : []) {
		const t = templatesOf(state, wabaId).find((x) => x.id === String(id));
		if (t) return t;
	}
	return null;
}

module.exports = { waStore, wabaRecord, phoneNumber, numbersOf, templatesOf, findTemplateById, normaliseTemplate, DEFAULT_WABA_ID };
