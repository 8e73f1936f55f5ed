import { hash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { findMetaError } from '../errors/catalog';
import type { MetaEntry, MetaEnvelope } from './envelope';
import { kindOfChange, messagingFieldOf } from './fields';
import { eventKeyOf } from './eventKey';
import { toIsoTime } from './timestamps';

/** One event out of a delivery, with the normalised envelope every trigger item carries. */
export interface MetaEvent {
	/** Stable id for downstream de-duplication (Meta re-delivers for up to 36 hours, 7 days for WhatsApp). */
	eventId: string;
	/** eventKey(eventId), when the parts of the id were at hand (eventKey.ts: the joined id costs a copy to read). */
	key?: number;
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
	/** Whether `data` was made for this event (not a part of the delivery), so its item may be built in it. */
	ownsData?: boolean;
	/** The item itself, built at its final shape where the event was found (eventItem's fields included). */
	item?: IDataObject;
}

function str(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function obj(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * A short digest of the event exactly as Meta sent it. A redelivery repeats the event's own JSON byte for byte, so
 * the digest is stable across deliveries, and two different events (react then unreact, a second edit) differ in it.
 */
function digest(...parts: unknown[]): string {
	return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 16);
}

/** `kind:id` where Meta's id names the event itself; `kind:target#digest` where it names only what the event is about. */
function eventIdOf(kind: string, object: string, entryId: string | undefined, field: string, id: string | undefined, event: unknown): string {
	return `${kind}:${id ?? entryId ?? ''}#${digest(object, entryId, field, event)}`;
}

/** Kinds whose `mid` is the event's own (a new message); the others point at an earlier message. */
const OWN_MID_KINDS = new Set(['message', 'message_echo', 'message_deleted', 'postback']);

/** Takes each event found, in order (no array per entry or change). */
type EventSink = (event: MetaEvent) => void;

function messagingEvent(object: string, entry: MetaEntry, item: IDataObject): MetaEvent {
	const found = messagingFieldOf(object, item);
	const key = found?.key ?? 'unknown';
	const field = found?.field ?? 'messaging';
	let kind = found?.kinds[0] ?? 'messaging';
	const body = obj(item[key]);
	if (kind === 'message' && body.is_echo === true) kind = 'message_echo';
	if (kind === 'message' && body.is_deleted === true) kind = 'message_deleted';
	const senderId = str(obj(item.sender).id);
	const timestamp = toIsoTime(item.timestamp ?? entry.time);
	const mid = str(body.mid);
	const entryId = str(entry.id);
	return {
		eventId: mid && OWN_MID_KINDS.has(kind) ? `${kind}:${mid}` : eventIdOf(kind, object, entryId, field, mid ?? senderId, item),
		object,
		field,
		kind,
		accountId: entryId,
		senderId,
		recipientId: str(obj(item.recipient).id),
		timestamp,
		data: body,
		raw: item,
	};
}

/** Meta's error on a failed status, with the catalog's sentence saying what to do (or Meta's own text when unknown). */
function statusError(errors: unknown): IDataObject | null {
	const first = Array.isArray(errors) ? obj(errors[0]) : undefined;
	if (!first || Object.keys(first).length === 0) return null;
	const code = typeof first.code === 'number' ? first.code : Number(first.code);
	const known = Number.isFinite(code) ? findMetaError(code) : undefined;
	const details = str(obj(first.error_data).details);
	return {
		...first,
		code: Number.isFinite(code) ? code : first.code,
		title: str(first.title) ?? known?.title ?? null,
		fix: known?.sentence ?? details ?? str(first.message) ?? null,
	};
}

/**
 * Who a WhatsApp event is about (docs/whatsapp-user-ids.md): the phone-based `wa_id` when Meta shares it, the
 * business-scoped user ID and the username (people with a username may share no number), and the parent user ID of
 * linked portfolios. Every field is null when Meta leaves it out.
 */
function phoneIdOf(waId: unknown, contact: IDataObject | undefined): string | null {
	return str(waId) ?? str(contact?.wa_id) ?? null;
}

function scopedIdOf(userId: unknown, contact: IDataObject | undefined): string | null {
	return str(userId) ?? str(contact?.user_id) ?? null;
}

function usernameOf(contact: IDataObject | undefined): string | null {
	return str(obj(contact?.profile).username) ?? str(contact?.username) ?? null;
}

/** The contact a message came from: matched by phone, else by user ID, else the only contact. */
function contactOf(contacts: IDataObject[], from: unknown, fromUserId: unknown): IDataObject | undefined {
	// One contact (the usual case) is the answer whatever matches: the last line below would return it too.
	if (contacts.length === 1) return contacts[0];
	if (from !== undefined) for (const c of contacts) if (c.wa_id !== undefined && c.wa_id === from) return c;
	if (fromUserId !== undefined) for (const c of contacts) if (c.user_id !== undefined && c.user_id === fromUserId) return c;
	return undefined;
}

/** The event of an item built at its final shape: its envelope fields are read back from the item. */
function itemEvent(item: IDataObject, key: number | undefined, raw: IDataObject): MetaEvent {
	return {
		eventId: item.eventId as string,
		key,
		object: item.object as string,
		field: item.field as string,
		kind: item.kind as string,
		accountId: (item.accountId as string | null) ?? undefined,
		senderId: (item.senderId as string | null) ?? undefined,
		recipientId: (item.recipientId as string | null) ?? undefined,
		timestamp: (item.timestamp as string | null) ?? undefined,
		data: item,
		raw,
		item,
	};
}

function whatsappEvents(object: string, entry: MetaEntry, field: string, value: IDataObject, change: IDataObject, push: EventSink): void {
	const metadata = obj(value.metadata);
	const phoneNumberId = str(metadata.phone_number_id);
	const displayPhoneNumber = str(metadata.display_phone_number);
	const contacts = Array.isArray(value.contacts) ? (value.contacts as IDataObject[]) : [];
	const entryId = str(entry.id);
	for (const message of (Array.isArray(value.messages) ? value.messages : []) as IDataObject[]) {
		const contact = contactOf(contacts, message.from, message.from_user_id);
		const id = message.id ? String(message.id) : undefined;
		const eventId = id ? `message:${id}` : eventIdOf('message', object, entryId, field, undefined, message);
		const waId = phoneIdOf(message.from, contact);
		const userId = scopedIdOf(message.from_user_id, contact);
		const timestamp = toIsoTime(message.timestamp);
		// The item at its final shape in one literal, named keys first and one spread: V8's fast path for objects from
		// JSON.parse, and no field added later (docs/performance.md). eventItem's fields, in its order.
		const item: IDataObject = {
			phoneNumberId,
			displayPhoneNumber,
			...message,
			messageType: message.type,
			contact: contact ?? null,
			waId,
			userId,
			username: usernameOf(contact),
			parentUserId: str(contact?.parent_user_id) ?? null,
			eventId,
			object,
			field,
			kind: 'message',
			accountId: entryId ?? null,
			senderId: waId ?? userId,
			recipientId: phoneNumberId ?? null,
			timestamp: timestamp ?? null,
		};
		push(itemEvent(item, id ? eventKeyOf('message:', id) : undefined, change));
	}
	for (const status of (Array.isArray(value.statuses) ? value.statuses : []) as IDataObject[]) {
		const contact = contactOf(contacts, status.recipient_id, status.recipient_user_id);
		// Meta's own advice (reference §5.6): a status is identified by (id, status).
		const id = String(status.id);
		const state = String(status.status);
		const eventId = `status:${id}:${state}`;
		const waId = phoneIdOf(status.recipient_id, contact);
		const userId = scopedIdOf(status.recipient_user_id, contact);
		const timestamp = toIsoTime(status.timestamp);
		const item: IDataObject = {
			phoneNumberId,
			displayPhoneNumber,
			...status,
			error: statusError(status.errors),
			waId,
			userId,
			username: usernameOf(contact),
			parentUserId: str(contact?.parent_user_id) ?? null,
			eventId,
			object,
			field,
			kind: 'status',
			accountId: entryId ?? null,
			senderId: phoneNumberId ?? null,
			recipientId: waId ?? userId,
			timestamp: timestamp ?? null,
		};
		push(itemEvent(item, eventKeyOf('status:', id, ':', state), change));
	}
	for (const error of (Array.isArray(value.errors) ? value.errors : []) as IDataObject[]) {
		push({
			eventId: eventIdOf('error', object, entryId, field, str(error.code), error),
			object,
			field,
			kind: 'error',
			accountId: entryId,
			timestamp: toIsoTime(entry.time),
			data: { phoneNumberId, displayPhoneNumber, ...error },
			raw: change,
			ownsData: true,
		});
	}
}

function changeEvents(object: string, entry: MetaEntry, change: IDataObject, push: EventSink): void {
	const field = String(change.field);
	const value = obj(change.value);
	if (object === 'whatsapp_business_account' && field === 'messages') return whatsappEvents(object, entry, field, value, change, push);
	const kind = kindOfChange(object, field);
	const itemId = str(value.id) ?? str(value.comment_id) ?? str(value.leadgen_id) ?? str(value.message_template_id) ?? str(value.media_id) ?? str(value.post_id);
	push({
		// The change's value (with entry id and field) is the event: a comment edited later has another value.
		eventId: eventIdOf(kind, object, str(entry.id), field, itemId, value),
		object,
		field,
		kind,
		accountId: str(entry.id),
		senderId: str(obj(value.from).id) ?? str(obj(value.sender).id),
		timestamp: toIsoTime(value.timestamp ?? value.created_time ?? entry.time),
		data: value,
		raw: change,
	});
}

/**
 * Every event in a delivery that `accept` takes, in order. One pass: the events are filtered as they are found. An
 * event Meta repeats inside one delivery comes out twice here; claimNewEvents (dedupe.ts) keeps the first only.
 */
export function eventsOf(envelope: MetaEnvelope, accept: (event: MetaEvent) => boolean = () => true): MetaEvent[] {
	const events: MetaEvent[] = [];
	const push: EventSink = (event) => {
		if (accept(event)) events.push(event);
	};
	for (const entry of envelope.entry) {
		for (const change of entry.changes ?? []) changeEvents(envelope.object, entry, change as IDataObject, push);
		for (const item of entry.messaging ?? []) push(messagingEvent(envelope.object, entry, item));
		if (!entry.changes && !entry.messaging && entry.field) {
			changeEvents(envelope.object, entry, { field: entry.field, value: obj(entry.value) }, push);
		}
	}
	return events;
}

/**
 * `source`'s own fields into `target`, as a spread would copy them. Measured: a spread that opens an object literal
 * (`{ ...parsed, more }`) or two spreads in one literal cost V8 ~10 µs per event on parsed deliveries; this loop, or
 * named keys before a single spread, costs well under 1 µs.
 */
function copyFields(target: IDataObject, source: IDataObject): IDataObject {
	for (const key of Object.keys(source)) {
		// Assigning `__proto__` would set the prototype; a spread defines it as a plain field, and so does this.
		if (key === '__proto__') Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
		else target[key] = source[key];
	}
	return target;
}

/** The item a trigger emits: the event's fields with the normalised envelope on top. */
export function eventItem(event: MetaEvent, includeRaw: boolean): IDataObject {
	if (event.item) {
		if (includeRaw) event.item.raw = event.raw;
		return event.item;
	}
	// Data made for this event becomes the item (same keys in the same order as a copy would have): no second copy.
	const item = event.ownsData ? event.data : copyFields({}, event.data);
	item.eventId = event.eventId;
	item.object = event.object;
	item.field = event.field;
	item.kind = event.kind;
	item.accountId = event.accountId ?? null;
	item.senderId = event.senderId ?? null;
	item.recipientId = event.recipientId ?? null;
	item.timestamp = event.timestamp ?? null;
	if (includeRaw) item.raw = event.raw;
	return item;
}
