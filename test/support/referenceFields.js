'use strict';
/**
 * Webhook field names per object as the reference (§5.6, §8.3, §8.4) and issue 15 spell them, written out
 * independently of the code's table (nodes/shared/webhooks/fields.ts), so tests can hold the code to them.
 */
const REFERENCE_FIELDS = {
	page: ['messages', 'messaging_postbacks', 'message_reactions', 'message_reads', 'messaging_referrals', 'messaging_optins', 'message_edits', 'feed', 'leadgen'],
	instagram: ['messages', 'messaging_postbacks', 'message_reactions', 'messaging_seen', 'messaging_referral', 'messaging_optins', 'message_edit', 'comments', 'live_comments', 'mentions', 'story_insights'],
	whatsapp_business_account: [
		'messages', 'message_template_status_update', 'message_template_quality_update', 'template_category_update', 'account_update', 'account_review_update',
		'phone_number_quality_update', 'phone_number_name_update', 'business_capability_update', 'security', 'flows',
	],
};

module.exports = { REFERENCE_FIELDS };
