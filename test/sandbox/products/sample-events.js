'use strict';
// One sample event of a named kind, routed to the subscribed URL exactly as Meta would send it.
const events = require('./events');
const { routeDelivery } = require('./subscriptions');
const { seedResult } = require('../seed');
const { whatsappAdmin } = require('./whatsapp');
const { leadsAdmin } = require('./leads');
const { userMessaged } = require('./instagram/messaging');
const { addComment } = require('./instagram/comments');
const { createContainer } = require('./instagram/containers');
const { publish } = require('./instagram/publishing');
const { publishedMedia } = require('./instagram/store');

/** The people behind the sample DM and comment (Instagram-scoped ids). */
const DM_SENDER = '9100000000000001';
const COMMENTER = '9100000000000002';

/** The account's newest post, published first when it has none yet. */
function latestPost(state) {
	const account = state.igAccounts.get(seedResult.instagram.id);
	const [newest] = publishedMedia(state, account.id);
	if (newest) return newest;
	const container = createContainer(state, { igUserId: account.id, kind: 'IMAGE', params: { image_url: 'https://cdn.example.com/latest-post.jpg', caption: 'Our latest post' } });
	return publish(state, container, account);
}

const SAMPLES = {
	// As at Meta, a person's DM opens the 24-hour window in which the account may answer them.
	dm: (text, state) => {
		const message = text || 'Hi! Is this still available?';
		const entry = events.instagram.message(message, { senderId: DM_SENDER });
		entry.messaging[0].message.mid = userMessaged(state, { igUserId: seedResult.instagram.id, igsid: DM_SENDER, text: message }).mid;
		return { object: 'instagram', targetId: seedResult.page.id, field: 'messages', payload: events.envelope.instagram(entry) };
	},
	// As at Meta, the comment exists (on the account's latest post) when the webhook arrives: it can be answered or hidden.
	comment: (text, state) => {
		const media = latestPost(state);
		const comment = addComment(state, { mediaId: media.id, text: text || 'Love this!', username: 'jane.customer', fromId: COMMENTER });
		const entry = events.instagram.comment(comment.text, { mediaId: media.id, from: { id: COMMENTER, username: comment.username } });
		entry.changes[0].value.id = comment.id;
		return { object: 'instagram', targetId: seedResult.page.id, field: 'comments', payload: events.envelope.instagram(entry) };
	},
	mention: () => ({ object: 'instagram', targetId: seedResult.page.id, field: 'mentions', payload: events.envelope.instagram(events.instagram.mention()) }),
	'whatsapp-reply': (text) => {
		const entry = events.whatsapp.messages(['text'], { wabaId: seedResult.waba.id });
		entry.changes[0].value.messages[0].text.body = text || 'Yes please';
		return { object: 'whatsapp_business_account', targetId: seedResult.waba.id, field: 'messages', payload: events.envelope.whatsapp(entry) };
	},
	// Someone with a WhatsApp username who shares no phone number: known only by user ID (docs/whatsapp-user-ids.md).
	'whatsapp-username': (text, state) => {
		const user = whatsappAdmin(state).addUser({ userId: 'US.13491208655302741918', username: 'jess.travels' });
		const entry = events.whatsapp.messages(['text'], { wabaId: seedResult.waba.id, userId: user.userId, username: user.username, withholdPhone: true });
		entry.changes[0].value.messages[0].text.body = text || 'Hi, is the blue one in stock?';
		return { object: 'whatsapp_business_account', targetId: seedResult.waba.id, field: 'messages', payload: events.envelope.whatsapp(entry) };
	},
	// A person fills in the default instant form; Meta then sends only the ids (the answers are read with GET /{lead}).
	lead: (text, state) => {
		const admin = leadsAdmin(state);
		const lead = admin.addLead({ answers: { email: 'jess@example.com', full_name: text || 'Jess Doe', phone_number: '+16505551234' } });
		return { object: 'page', targetId: seedResult.page.id, field: 'leadgen', payload: events.envelope.page(admin.leadgenEntry(lead)), leadId: lead.id };
	},
};

/** A customer's WhatsApp message opens the 24-hour service window of the number it was sent to, as at Meta. */
function openServiceWindows(state, delivery) {
	if (delivery.object !== 'whatsapp_business_account') return;
	for (const entry of delivery.payload.entry) {
		for (const change of entry.changes) {
			for (const message of change.value.messages || []) {
				whatsappAdmin(state).customerMessaged(change.value.metadata.phone_number_id, message.from || message.from_user_id, 0, message.id);
			}
		}
	}
}

async function fireSampleEvent(state, webhooks, { kind = 'dm', text } = {}) {
	const sample = SAMPLES[kind];
	if (!sample) throw new Error(`unknown event kind "${kind}"; use one of: ${Object.keys(SAMPLES).join(', ')}`);
	const delivery = sample(text, state);
	openServiceWindows(state, delivery);
	const result = await routeDelivery(state, webhooks, delivery);
	return { kind, delivered: result.delivered, url: result.url ?? null, status: result.status ?? null, reason: result.reason ?? null, ...(delivery.leadId ? { leadId: delivery.leadId } : {}) };
}

module.exports = { fireSampleEvent, SAMPLE_KINDS: Object.keys(SAMPLES) };
