'use strict';
// Webhook field names Meta accepts per object on `POST /{app-id}/subscriptions` (reference §8.3/§8.4 and Meta's
// webhook reference pages), and which WhatsApp fields a per-account callback override covers.

/** Objects whose field list the sandbox knows; other objects accept any field name (the reference has no list). */
const KNOWN_FIELDS = {
	instagram: ['messages', 'messaging_postbacks', 'messaging_reactions', 'message_reactions', 'messaging_seen', 'messaging_referral', 'messaging_optins', 'messaging_handover', 'message_edit', 'comments', 'live_comments', 'mentions', 'story_insights', 'standby'],
	page: [
		'feed', 'leadgen', 'mention', 'messages', 'messaging_postbacks', 'message_reactions', 'message_reads', 'message_deliveries', 'messaging_referrals',
		'messaging_optins', 'message_echoes', 'message_edits', 'messaging_handovers', 'messaging_policy_enforcement', 'messaging_account_linking',
		'messaging_game_plays', 'standby', 'ratings', 'name', 'picture', 'videos', 'live_videos', 'conversations', 'inbox_labels', 'calls', 'call_permission_reply',
	],
	whatsapp_business_account: [
		'messages', 'message_echoes', 'calls', 'consumer_profile', 'messaging_handovers', 'group_lifecycle_update', 'group_participants_update', 'group_settings_update',
		'group_status_update', 'smb_message_echoes', 'smb_app_state_sync', 'history', 'account_settings_update', 'message_template_status_update',
		'message_template_quality_update', 'message_template_components_update', 'template_category_update', 'account_update', 'account_review_update',
		'account_alerts', 'phone_number_quality_update', 'phone_number_name_update', 'business_capability_update', 'security', 'flows', 'payment_configuration_update',
		'user_preferences', 'partner_solutions', 'tracking_events', 'automatic_events',
	],
};

/**
 * Meta's "Webhook overrides" page (WhatsApp Business Platform, updated Jun 28, 2026): the per-account or per-number
 * callback override covers only these fields; every other field, templates and account-level ones included, always
 * goes to the app's own callback.
 */
const WHATSAPP_OVERRIDE_FIELDS = [
	'messages', 'message_echoes', 'calls', 'consumer_profile', 'messaging_handovers', 'group_lifecycle_update', 'group_participants_update', 'group_settings_update',
	'group_status_update', 'smb_message_echoes', 'smb_app_state_sync', 'history', 'account_settings_update',
];

/** Field names Meta does not know for the object, or [] when all are known (or the object has no list here). */
function unknownFields(object, fields) {
	const known = KNOWN_FIELDS[object];
	return known ? fields.filter((f) => !known.includes(f)) : [];
}

module.exports = { KNOWN_FIELDS, WHATSAPP_OVERRIDE_FIELDS, unknownFields };
