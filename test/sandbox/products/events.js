'use strict';
// Webhook event generators for every event kind the triggers handle, built from the reference's payload shapes
// (§5.6, §8.4). Each returns an `entry` (or a whole envelope) for webhooks.deliver(); ids default to the seed's.
const { seedResult } = require('../seed');

let counter = 0;
const next = () => ++counter;
/**
 * A message id shaped like Meta's: `wamid.` and about 56 characters of base64 (Meta's encode the number and a
 * 20-character message key; seen in Meta's webhook examples [community]). Length matters to what dedupe costs per event.
 */
const wamid = (from, tag) => `wamid.${Buffer.from(`\u0018\u000b${from}\u0015\u0002\u0000\u0012\u0018\u0014${tag}${String(next()).padStart(20 - tag.length, '0')}`).toString('base64')}`;
const secondsNow = () => Math.floor(Date.now() / 1000);

const IG = seedResult.instagram.id;
const PAGE = seedResult.page.id;
const WABA = '1500000000000001';
const PHONE_NUMBER_ID = '1600000000000001';

/** Instagram messaging (both login types): one messaging item; `ms` timestamps as Meta sends them. */
function igMessaging(fields, { igId = IG, senderId = '9100000000000001', echo = false } = {}) {
	const now = Date.now();
	const sender = echo ? igId : senderId;
	const recipient = echo ? senderId : igId;
	return { id: igId, time: now, messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: now, ...fields }] };
}

const instagram = {
	message: (text = 'Hi there', opts) => igMessaging({ message: { mid: `aWdfmid${next()}`, text } }, opts),
	messageEcho: (text = 'Thanks!', opts) => igMessaging({ message: { mid: `aWdfecho${next()}`, text, is_echo: true } }, { ...opts, echo: true }),
	messageDeleted: (opts) => igMessaging({ message: { mid: `aWdfdel${next()}`, is_deleted: true } }, opts),
	messageEdit: (text = 'edited', opts) => igMessaging({ message_edit: { mid: `aWdfedit${next()}`, text, num_edit: 1 } }, opts),
	postback: (payload = 'GET_STARTED', opts) => igMessaging({ postback: { mid: `aWdfpb${next()}`, title: 'Get started', payload } }, opts),
	reaction: (opts) => igMessaging({ reaction: { mid: `aWdfr${next()}`, action: 'react', reaction: 'love', emoji: '❤️' } }, opts),
	seen: (opts) => igMessaging({ read: { mid: `aWdfseen${next()}` } }, opts),
	referral: (opts) => igMessaging({ referral: { ref: 'campaign-1', source: 'ADS', type: 'OPEN_THREAD', ad_id: '123' } }, opts),
	comment: (text = 'Nice post!', { igId = IG, mediaId = '17900000000000001', from = { id: '9100000000000002', username: 'jane' } } = {}) => ({
		id: igId,
		time: secondsNow(),
		changes: [{ field: 'comments', value: { id: `1786${next()}`, text, from, media: { id: mediaId, media_product_type: 'FEED' } } }],
	}),
	liveComment: (text = 'Hello live', { igId = IG } = {}) => ({
		id: igId,
		time: secondsNow(),
		changes: [{ field: 'live_comments', value: { id: `1787${next()}`, text, from: { id: '9100000000000003', username: 'live.fan' }, media: { id: '17900000000000009', media_product_type: 'LIVE' } } }],
	}),
	mention: ({ igId = IG, commentId } = {}) => ({
		id: igId,
		time: secondsNow(),
		changes: [{ field: 'mentions', value: commentId ? { comment_id: commentId, media_id: '17900000000000002' } : { media_id: `1790${next()}` } }],
	}),
	storyInsights: ({ igId = IG } = {}) => ({
		id: igId,
		time: secondsNow(),
		changes: [{ field: 'story_insights', value: { media_id: `1791${next()}`, exits: 1, replies: 2, reach: 100, taps_forward: 10, taps_back: 3 } }],
	}),
	/** The Instagram Login documentation's variant: field/value straight in the entry. */
	commentFlat: (text = 'Flat shape', { igId = IG } = {}) => ({
		id: igId,
		time: secondsNow(),
		field: 'comments',
		value: { id: `1788${next()}`, text, from: { id: '9100000000000004', username: 'flat' }, media: { id: '17900000000000003' } },
	}),
};

/** WhatsApp: a `messages` change whose value carries several messages and/or statuses. */
function waChange(value, { wabaId = WABA, phoneNumberId = PHONE_NUMBER_ID } = {}) {
	return {
		id: wabaId,
		changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId }, ...value } }],
	};
}

const waMessage = {
	text: (body = 'hello') => ({ type: 'text', text: { body } }),
	image: () => ({ type: 'image', image: { id: `media${next()}`, mime_type: 'image/jpeg', sha256: 'abc', caption: 'photo' } }),
	video: () => ({ type: 'video', video: { id: `media${next()}`, mime_type: 'video/mp4', sha256: 'abc' } }),
	audio: () => ({ type: 'audio', audio: { id: `media${next()}`, mime_type: 'audio/ogg', sha256: 'abc', voice: true } }),
	document: () => ({ type: 'document', document: { id: `media${next()}`, mime_type: 'application/pdf', sha256: 'abc', filename: 'invoice.pdf' } }),
	sticker: () => ({ type: 'sticker', sticker: { id: `media${next()}`, mime_type: 'image/webp', sha256: 'abc', animated: false } }),
	location: () => ({ type: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Office', address: 'Berlin' } }),
	contacts: () => ({ type: 'contacts', contacts: [{ name: { formatted_name: 'Jess Doe' }, phones: [{ phone: '+16505551234', type: 'CELL' }] }] }),
	buttonReply: () => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } }),
	listReply: () => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'row1', title: 'Row 1', description: 'First' } } }),
	button: () => ({ type: 'button', button: { payload: 'TRACK_1234', text: 'Track' }, context: { from: '15550001111', id: 'wamid.template1' } }),
	reaction: () => ({ type: 'reaction', reaction: { message_id: 'wamid.sent1', emoji: '👍' } }),
	order: () => ({ type: 'order', order: { catalog_id: '1', product_items: [{ product_retailer_id: 'sku-1', quantity: 2, item_price: 10, currency: 'EUR' }] } }),
};

const whatsapp = {
	PHONE_NUMBER_ID,
	WABA,
	/**
	 * Incoming messages. `userId`/`username` add the person's business-scoped user ID and username; `withholdPhone`
	 * leaves the number out, as for someone with a username who shared none (docs/whatsapp-user-ids.md; the field
	 * names `user_id`, `profile.username` are Meta's, `from_user_id` [community]).
	 */
	messages: (kinds = ['text'], { from = '16505551234', name = 'Jess', userId, username, withholdPhone = false, ...where } = {}) =>
		waChange(
			{
				contacts: [{ profile: { name, ...(username ? { username } : {}) }, ...(withholdPhone ? {} : { wa_id: from }), ...(userId ? { user_id: userId } : {}) }],
				messages: kinds.map((k) => ({
					...(withholdPhone ? {} : { from }),
					...(userId ? { from_user_id: userId } : {}),
					id: wamid(from, 'IN'),
					timestamp: String(secondsNow()),
					...waMessage[k](),
				})),
			},
			where,
		),
	statuses: (statuses = ['sent', 'delivered', 'read'], { recipient = '16505551234', messageId = wamid(recipient, 'OUT'), ...where } = {}) =>
		waChange(
			{
				statuses: statuses.map((status) => ({
					id: messageId,
					status,
					timestamp: String(secondsNow()),
					recipient_id: recipient,
					...(status === 'failed'
						? { errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }] }
						: {}),
					...(status === 'delivered' ? { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } } : {}),
				})),
			},
			where,
		),
	templateStatus: (event = 'APPROVED', { wabaId = WABA } = {}) => ({
		id: wabaId,
		time: secondsNow(),
		changes: [{ field: 'message_template_status_update', value: { event, message_template_id: 1234567890 + next(), message_template_name: 'order_update', message_template_language: 'en_US', message_template_category: 'UTILITY', reason: 'NONE' } }],
	}),
	templateQuality: ({ wabaId = WABA } = {}) => ({
		id: wabaId,
		time: secondsNow(),
		changes: [{ field: 'message_template_quality_update', value: { previous_quality_score: 'GREEN', new_quality_score: 'YELLOW', message_template_id: 987654 + next(), message_template_name: 'promo', message_template_language: 'en_US' } }],
	}),
	accountUpdate: ({ wabaId = WABA } = {}) => ({ id: wabaId, time: secondsNow(), changes: [{ field: 'account_update', value: { phone_number: '15550001111', event: 'VERIFIED_ACCOUNT' } }] }),
	phoneQuality: ({ wabaId = WABA } = {}) => ({ id: wabaId, time: secondsNow(), changes: [{ field: 'phone_number_quality_update', value: { display_phone_number: '15550001111', event: 'FLAGGED', current_limit: 'TIER_1K' } }] }),
};

const page = {
	feedComment: (message = 'Great page', { pageId = PAGE } = {}) => ({
		id: pageId,
		time: secondsNow(),
		changes: [{ field: 'feed', value: { from: { id: '9200000000000001', name: 'Sam' }, item: 'comment', verb: 'add', post_id: `${pageId}_1`, comment_id: `${pageId}_1_${next()}`, message, created_time: secondsNow() } }],
	}),
	leadgen: ({ pageId = PAGE } = {}) => ({
		id: pageId,
		time: secondsNow(),
		changes: [{ field: 'leadgen', value: { leadgen_id: `4400${next()}`, page_id: pageId, form_id: '567567567567', adgroup_id: '0', ad_id: '0', created_time: secondsNow() } }],
	}),
	messengerMessage: (text = 'Hello page', { pageId = PAGE } = {}) => {
		const now = Date.now();
		return { id: pageId, time: now, messaging: [{ sender: { id: '9300000000000001' }, recipient: { id: pageId }, timestamp: now, message: { mid: `m_${next()}`, text } }] };
	},
};

/**
 * One messaging item of a Messenger/Instagram field, keyed as Meta keys it (reference §8.4): the field name is not on
 * the wire, only the key (`postback`, `reaction`, `read`…). Pages report reads by watermark, Instagram by mid.
 */
const MESSAGING_BODIES = {
	messages: () => ({ message: { mid: `m_${next()}`, text: 'hello' } }),
	messaging_postbacks: () => ({ postback: { mid: `m_pb${next()}`, title: 'Get started', payload: 'GET_STARTED' } }),
	message_reactions: ({ mid = `m_${next()}`, action = 'react' } = {}) => ({ reaction: { mid, action, reaction: 'love', emoji: '❤️' } }),
	message_reads: () => ({ read: { watermark: Date.now() } }),
	messaging_seen: () => ({ read: { mid: `m_seen${next()}` } }),
	messaging_referrals: () => ({ referral: { ref: 'campaign-1', source: 'SHORTLINK', type: 'OPEN_THREAD' } }),
	messaging_referral: () => ({ referral: { ref: 'campaign-1', source: 'ADS', type: 'OPEN_THREAD', ad_id: '123' } }),
	messaging_optins: () => ({ optin: { ref: `optin-${next()}` } }),
	message_edits: ({ mid = `m_${next()}`, numEdit = 1, text = 'edited' } = {}) => ({ message_edit: { mid, text, num_edit: numEdit } }),
	message_edit: ({ mid = `m_${next()}`, numEdit = 1, text = 'edited' } = {}) => ({ message_edit: { mid, text, num_edit: numEdit } }),
};

/** A messaging entry of `object` (page or instagram) from a person to the account, `ms` timestamps as Meta sends them. */
function messaging(object, field, opts = {}, { accountId = object === 'page' ? PAGE : IG, senderId = '9300000000000001', at = Date.now() } = {}) {
	const body = MESSAGING_BODIES[field];
	if (!body) throw new Error(`no messaging body for ${field}`);
	return { id: accountId, time: at, messaging: [{ sender: { id: senderId }, recipient: { id: accountId }, timestamp: at, ...body(opts) }] };
}

/**
 * Values of the WhatsApp account fields the reference lists without a shape (§5.6 "Other WABA webhook fields"):
 * minimal bodies naming the account or number, enough for routing and event ids; not Meta's full payloads.
 */
const WABA_VALUES = {
	template_category_update: () => ({ message_template_id: 1234500 + next(), message_template_name: 'promo', previous_category: 'UTILITY', new_category: 'MARKETING' }),
	account_review_update: () => ({ decision: 'APPROVED' }),
	phone_number_name_update: () => ({ display_phone_number: '15550001111', decision: 'APPROVED', requested_verified_name: 'Acme' }),
	business_capability_update: () => ({ max_daily_conversation_per_phone: 1000, max_phone_numbers_per_business: 2 }),
	security: () => ({ display_phone_number: '15550001111', event: 'PIN_CHANGED' }),
	flows: () => ({ event: 'FLOW_STATUS_CHANGE', flow_id: `flow${next()}`, old_status: 'DRAFT', new_status: 'PUBLISHED' }),
};

/** A delivery (whole envelope) carrying one event of `field` on `object`, for every field of the reference's lists. */
function byField(object, field, opts) {
	if (object === 'page') {
		if (field === 'feed') return envelope.page(page.feedComment());
		if (field === 'leadgen') return envelope.page(page.leadgen());
		return envelope.page(messaging('page', field, opts));
	}
	if (object === 'instagram') {
		const ig = { comments: instagram.comment, live_comments: instagram.liveComment, mentions: () => instagram.mention(), story_insights: () => instagram.storyInsights() }[field];
		return envelope.instagram(ig ? ig() : messaging('instagram', field, opts));
	}
	if (object === 'whatsapp_business_account') {
		const wa = {
			messages: () => whatsapp.messages(['text']),
			message_template_status_update: () => whatsapp.templateStatus(),
			message_template_quality_update: () => whatsapp.templateQuality(),
			account_update: () => whatsapp.accountUpdate(),
			phone_number_quality_update: () => whatsapp.phoneQuality(),
		}[field];
		if (wa) return envelope.whatsapp(wa());
		if (!WABA_VALUES[field]) throw new Error(`no WhatsApp body for ${field}`);
		return envelope.whatsapp({ id: WABA, time: secondsNow(), changes: [{ field, value: WABA_VALUES[field]() }] });
	}
	throw new Error(`no events for object ${object}`);
}

const envelope = {
	instagram: (...entries) => ({ object: 'instagram', entry: entries }),
	whatsapp: (...entries) => ({ object: 'whatsapp_business_account', entry: entries }),
	page: (...entries) => ({ object: 'page', entry: entries }),
	of: (object, ...entries) => ({ object, entry: entries }),
};

module.exports = { instagram, whatsapp, page, envelope, messaging, byField, waMessageKinds: Object.keys(waMessage) };
