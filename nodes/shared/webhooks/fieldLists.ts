import type { INodePropertyOptions } from 'n8n-workflow';
import { allFieldNames } from './fields';

/**
 * The Meta Trigger's field list per object (version 2), under Meta's names. Page fields come from the one table
 * events are named by (`fields.ts`); the other change fields listed carry their own name on the wire, so each
 * yields items under the name chosen. Messaging fields outside that table are left out: they would never match.
 */
export const FIELDS_BY_OBJECT: Record<string, string[]> = {
	page: [...allFieldNames('page'), 'mention', 'ratings', 'live_videos', 'videos'],
	user: ['email', 'feed', 'name', 'picture', 'permissions', 'photos', 'videos'],
	permissions: ['ads_management', 'ads_read', 'email', 'instagram_basic', 'leads_retrieval', 'pages_manage_metadata', 'pages_messaging', 'pages_show_list', 'whatsapp_business_management', 'whatsapp_business_messaging'],
	application: ['plugin_comment', 'plugin_comment_reply'],
	ad_account: ['in_process_ad_objects', 'with_issues_ad_objects'],
};

/**
 * Meta's "Webhook overrides" page (WhatsApp Business Platform, updated Jun 28, 2026): a per-account callback
 * override receives only these fields; templates, account and phone-number updates always go to the app's callback.
 */
export const WHATSAPP_OVERRIDE_FIELDS = [
	'messages', 'message_echoes', 'calls', 'consumer_profile', 'messaging_handovers', 'group_lifecycle_update', 'group_participants_update',
	'group_settings_update', 'group_status_update', 'smb_message_echoes', 'smb_app_state_sync', 'history', 'account_settings_update',
];

export function fieldOptions(object: string): INodePropertyOptions[] {
	return (FIELDS_BY_OBJECT[object] ?? []).map((value) => ({ name: value, value }));
}
