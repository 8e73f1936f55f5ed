import type { IDataObject } from 'n8n-workflow';
import type { MetaEntry, MetaEnvelope } from './envelope';
import { toIsoTime } from './timestamps';

/** One event out of a delivery, with the normalised envelope every trigger item carries. */
export interface MetaEvent {
	/** Stable id for downstream de-duplication (Meta re-delivers for up to 36 hours, 7 days for WhatsApp). */
	eventId: string;
	object: string;
	field: string;
	/** What happened: message, postback, reaction, seen, message_edit, comment, mention, status, template_status… */
	kind: string;
	accountId?: string;
	senderId?: string;
	recipientId?: string;
	timestamp?: string;
	/** The event's own fields. */
	data: IDataObject;
	raw: IDataObject;
}

const MESSAGING_KINDS: Array<[key: string, kind: string]> = [
	['message_edit', 'message_edit'],
	['reaction', 'reaction'],
	['postback', 'postback'],
	['read', 'seen'],
	['referral', 'referral'],
	['optin', 'optin'],
	['message', 'message'],
];

const CHANGE_KINDS: Record<string, string> = {
	comments: 'comment',
	live_comments: 'live_comment',
	mentions: 'mention',
	message_template_status_update: 'template_status',
	message_template_quality_update: 'template_quality',
};

function str(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function obj(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function messagingEvents(object: string, entry: MetaEntry, item: IDataObject): MetaEvent[] {
	const found = MESSAGING_KINDS.find(([key]) => item[key] !== undefined);
	const key = found?.[0] ?? 'unknown';
	let kind = found?.[1] ?? 'messaging';
	const body = obj(item[key]);
	if (kind === 'message' && body.is_echo === true) kind = 'message_echo';
	if (kind === 'message' && body.is_deleted === true) kind = 'message_deleted';
	const senderId = str(obj(item.sender).id);
	const timestamp = toIsoTime(item.timestamp ?? entry.time);
	const mid = str(body.mid);
	return [
		{
			eventId: mid ? `${kind}:${mid}` : `${kind}:${senderId ?? ''}:${String(item.timestamp ?? entry.time ?? '')}`,
			object,
			field: kind === 'message' || kind === 'message_echo' || kind === 'message_deleted' ? 'messages' : `messaging_${key}`,
			kind,
			accountId: str(entry.id),
			senderId,
			recipientId: str(obj(item.recipient).id),
			timestamp,
			data: body,
			raw: item,
		},
	];
}

function whatsappEvents(object: string, entry: MetaEntry, field: string, value: IDataObject, change: IDataObject): MetaEvent[] {
	const metadata = obj(value.metadata);
	const phoneNumberId = str(metadata.phone_number_id);
	const shared: IDataObject = { phoneNumberId, displayPhoneNumber: str(metadata.display_phone_number) };
	const contacts = Array.isArray(value.contacts) ? (value.contacts as IDataObject[]) : [];
	const events: MetaEvent[] = [];
	for (const message of (Array.isArray(value.messages) ? value.messages : []) as IDataObject[]) {
		const contact = contacts.find((c) => c.wa_id === message.from);
		events.push({
			eventId: `message:${String(message.id)}`,
			object,
			field,
			kind: 'message',
			accountId: str(entry.id),
			senderId: str(message.from),
			recipientId: phoneNumberId,
			timestamp: toIsoTime(message.timestamp),
			data: { ...shared, ...message, messageType: message.type, contact: contact ?? null },
			raw: change,
		});
	}
	for (const status of (Array.isArray(value.statuses) ? value.statuses : []) as IDataObject[]) {
		events.push({
			eventId: `status:${String(status.id)}:${String(status.status)}`,
			object,
			field,
			kind: 'status',
			accountId: str(entry.id),
			senderId: phoneNumberId,
			recipientId: str(status.recipient_id),
			timestamp: toIsoTime(status.timestamp),
			data: { ...shared, ...status, error: Array.isArray(status.errors) ? status.errors[0] ?? null : null },
			raw: change,
		});
	}
	for (const error of (Array.isArray(value.errors) ? value.errors : []) as IDataObject[]) {
		events.push({
			eventId: `error:${String(entry.id)}:${String(error.code)}:${String(entry.time ?? '')}`,
			object,
			field,
			kind: 'error',
			accountId: str(entry.id),
			timestamp: toIsoTime(entry.time),
			data: { ...shared, ...error },
			raw: change,
		});
	}
	return events;
}

function changeEvent(object: string, entry: MetaEntry, change: IDataObject): MetaEvent[] {
	const field = String(change.field);
	const value = obj(change.value);
	if (object === 'whatsapp_business_account' && field === 'messages') return whatsappEvents(object, entry, field, value, change);
	const kind = CHANGE_KINDS[field] ?? field;
	const itemId = str(value.id) ?? str(value.comment_id) ?? str(value.leadgen_id) ?? str(value.message_template_id) ?? str(value.media_id) ?? str(value.post_id);
	return [
		{
			eventId: `${kind}:${itemId ?? str(entry.id) ?? ''}:${String(value.event ?? value.verb ?? '')}:${String(entry.time ?? value.created_time ?? '')}`,
			object,
			field,
			kind,
			accountId: str(entry.id),
			senderId: str(obj(value.from).id) ?? str(obj(value.sender).id),
			timestamp: toIsoTime(value.timestamp ?? value.created_time ?? entry.time),
			data: value,
			raw: change,
		},
	];
}

/** Every event in a delivery, in order, each once (Meta may repeat an event inside one delivery). */
export function eventsOf(envelope: MetaEnvelope): MetaEvent[] {
	const events: MetaEvent[] = [];
	const seen = new Set<string>();
	for (const entry of envelope.entry) {
		const found: MetaEvent[] = [];
		for (const change of entry.changes ?? []) found.push(...changeEvent(envelope.object, entry, change as IDataObject));
		for (const item of entry.messaging ?? []) found.push(...messagingEvents(envelope.object, entry, item as IDataObject));
		if (!entry.changes && !entry.messaging && entry.field) {
			found.push(...changeEvent(envelope.object, entry, { field: entry.field, value: obj(entry.value) }));
		}
		for (const event of found) {
			if (seen.has(event.eventId)) continue;
			seen.add(event.eventId);
			events.push(event);
		}
	}
	return events;
}

/** The item a trigger emits: the event's fields with the normalised envelope on top. */
export function eventItem(event: MetaEvent, includeRaw: boolean): IDataObject {
	return {
		...event.data,
		eventId: event.eventId,
		object: event.object,
		field: event.field,
		kind: event.kind,
		accountId: event.accountId ?? null,
		senderId: event.senderId ?? null,
		recipientId: event.recipientId ?? null,
		timestamp: event.timestamp ?? null,
		...(includeRaw ? { raw: event.raw } : {}),
	};
}
