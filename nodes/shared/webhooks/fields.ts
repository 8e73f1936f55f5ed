/**
 * Meta's webhook field names per object, as the reference lists them (§5.6, §8.3, §8.4): the single source for what
 * a delivery's events are called in filters, outputs and subscriptions. Messaging fields arrive as keys of a
 * `messaging[]` item (no field name on the wire), so the name comes from here; change fields carry their own name.
 */

export interface MessagingField {
	/** Meta's subscription field name for this object. */
	field: string;
	/** The key of the `messaging[]` item that carries it. */
	key: string;
	/** Event kinds it yields. */
	kinds: string[];
}

export interface ChangeField {
	field: string;
	kinds: string[];
}

export interface ObjectFields {
	messaging: MessagingField[];
	changes: ChangeField[];
	/** Other spellings seen for this object (older labels of this package, Instagram Login names) → Meta's name. */
	aliases: Record<string, string>;
}

const MESSAGES: MessagingField = { field: 'messages', key: 'message', kinds: ['message', 'message_echo', 'message_deleted'] };

/** Labels version 1 of the Meta Trigger gave messaging events (`messaging_<key>`); saved filters still use them. */
const V1_LABELS = (names: Record<string, string>): Record<string, string> => ({
	messaging_postback: 'messaging_postbacks',
	messaging_reaction: 'message_reactions',
	messaging_optin: 'messaging_optins',
	...names,
});

export const WEBHOOK_FIELDS: Record<string, ObjectFields> = {
	// Messenger Platform on a Page (issue 15 lists Meta's names: plural forms on Pages).
	page: {
		messaging: [
			MESSAGES,
			{ field: 'messaging_postbacks', key: 'postback', kinds: ['postback'] },
			{ field: 'message_reactions', key: 'reaction', kinds: ['reaction'] },
			{ field: 'message_reads', key: 'read', kinds: ['seen'] },
			{ field: 'messaging_referrals', key: 'referral', kinds: ['referral'] },
			{ field: 'messaging_optins', key: 'optin', kinds: ['optin'] },
			{ field: 'message_edits', key: 'message_edit', kinds: ['message_edit'] },
		],
		changes: [
			{ field: 'feed', kinds: ['feed'] },
			{ field: 'leadgen', kinds: ['leadgen'] },
		],
		aliases: V1_LABELS({ messaging_read: 'message_reads', messaging_referral: 'messaging_referrals', messaging_message_edit: 'message_edits' }),
	},
	instagram: {
		messaging: [
			MESSAGES,
			{ field: 'messaging_postbacks', key: 'postback', kinds: ['postback'] },
			{ field: 'message_reactions', key: 'reaction', kinds: ['reaction'] },
			{ field: 'messaging_seen', key: 'read', kinds: ['seen'] },
			{ field: 'messaging_referral', key: 'referral', kinds: ['referral'] },
			{ field: 'messaging_optins', key: 'optin', kinds: ['optin'] },
			{ field: 'message_edit', key: 'message_edit', kinds: ['message_edit'] },
		],
		changes: [
			{ field: 'comments', kinds: ['comment'] },
			{ field: 'live_comments', kinds: ['live_comment'] },
			{ field: 'mentions', kinds: ['mention'] },
			{ field: 'story_insights', kinds: ['story_insights'] },
		],
		// Instagram Login subscribes `messaging_reactions` (reference §8.3) for what Facebook Login calls message_reactions.
		aliases: V1_LABELS({ messaging_reactions: 'message_reactions', messaging_read: 'messaging_seen', messaging_message_edit: 'message_edit' }),
	},
	whatsapp_business_account: {
		messaging: [],
		changes: [
			{ field: 'messages', kinds: ['message', 'status', 'error'] },
			{ field: 'message_template_status_update', kinds: ['template_status'] },
			{ field: 'message_template_quality_update', kinds: ['template_quality'] },
			{ field: 'template_category_update', kinds: ['template_category_update'] },
			{ field: 'account_update', kinds: ['account_update'] },
			{ field: 'account_review_update', kinds: ['account_review_update'] },
			{ field: 'phone_number_quality_update', kinds: ['phone_number_quality_update'] },
			{ field: 'phone_number_name_update', kinds: ['phone_number_name_update'] },
			{ field: 'business_capability_update', kinds: ['business_capability_update'] },
			{ field: 'security', kinds: ['security'] },
			{ field: 'flows', kinds: ['flows'] },
		],
		aliases: {},
	},
	// user, permissions, application, ad_account…: change fields named on the wire; the kind is the field.
};

const NO_FIELDS: ObjectFields = { messaging: [MESSAGES], changes: [], aliases: {} };

export function fieldsOfObject(object: string): ObjectFields {
	return WEBHOOK_FIELDS[object] ?? NO_FIELDS;
}

/** The messaging field a `messaging[]` item belongs to: the first key it carries, `message` last (edits also carry text). */
export function messagingFieldOf(object: string, item: Record<string, unknown>): MessagingField | undefined {
	const fields = fieldsOfObject(object).messaging;
	const specific = fields.find((f) => f.key !== 'message' && item[f.key] !== undefined);
	if (specific) return specific;
	// Objects without a table (a custom object) still name the Messenger keys the Page way.
	const fallback = WEBHOOK_FIELDS.page.messaging.find((f) => item[f.key] !== undefined);
	return fallback ?? (item.message !== undefined ? MESSAGES : undefined);
}

/** The kind a change field yields (its first kind; WhatsApp `messages` is split by the event parser). */
export function kindOfChange(object: string, field: string): string {
	return fieldsOfObject(object).changes.find((c) => c.field === field)?.kinds[0] ?? field;
}

/** Meta's name for a field the user typed: older labels and other spellings are mapped, unknown names kept. */
export function canonicalField(object: string, field: string): string {
	return fieldsOfObject(object).aliases[field] ?? field;
}

export function canonicalFields(object: string, fields: string[]): string[] {
	return [...new Set(fields.map((f) => canonicalField(object, f)))];
}

/** Every field the reference names for an object, in table order. */
export function allFieldNames(object: string): string[] {
	const fields = fieldsOfObject(object);
	return [...new Set([...fields.messaging.map((f) => f.field), ...fields.changes.map((c) => c.field)])];
}
