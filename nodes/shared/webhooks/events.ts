import { hash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { findMetaError } from '../errors/catalog';
import type { MetaEntry, MetaEnvelope } from './envelope';
import { kindOfChange, messagingFieldOf } from './fields';
import { eventKey, eventKeyOf } from './eventKey';
import { toEpochMs, toIsoTime } from './timestamps';

/**
 * The events of one delivery that a trigger takes, in order: each event's item at its final shape (the event's own
 * fields with the normalised envelope on top: eventId, object, field, kind, accountId, senderId, recipientId,
 * timestamp), and at the same index the dedupe key of its `eventId` (eventKey.ts). The item is the only object made
 * per event: filters, outputs and deduplication all read it.
 */
export interface DeliveryEvents {
	items: IDataObject[];
	keys: number[];
	/**
	 * The newest time the delivery states, in epoch ms, from every event, taken or not: entry times, messaging
	 * timestamps, WhatsApp message and status timestamps (redelivery.ts judges a replay by it).
	 */
	newestMs: number | undefined;
}

/** Whether the trigger takes an event, judged on its item. */
export type EventFilter = (item: IDataObject) => boolean;

function str(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function obj(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * The objects of a list in a change's value (WhatsApp's messages, statuses, contacts, errors). Anything else in the
 * list is no event and is left out: reading fields of a null would throw, n8n would answer 500, and Meta would send the
 * delivery again for days. The list itself when every element is an object (Meta's case: no copy).
 */
function objects(list: unknown): IDataObject[] {
	if (!Array.isArray(list)) return [];
	for (const element of list) {
		if (!element || typeof element !== 'object' || Array.isArray(element)) return list.filter((e) => e && typeof e === 'object' && !Array.isArray(e)) as IDataObject[];
	}
	return list as IDataObject[];
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

/**
 * Takes each event's item as it is found, in order: no array per entry or change, and no closure per delivery.
 * `key` is the key of the item's eventId when its parts were at hand (eventKey.ts: reading a joined id costs a copy).
 */
class Collector implements DeliveryEvents {
	readonly items: IDataObject[] = [];
	readonly keys: number[] = [];
	newestMs: number | undefined = undefined;
	private lastTime: unknown = undefined;

	constructor(
		private readonly accept: EventFilter,
		private readonly includeRaw: boolean,
	) {}

	/** A time the delivery states, seen in the same pass as its events (no second walk over them to judge staleness). */
	see(value: unknown): void {
		// Events of one delivery mostly repeat one timestamp: a value equal to the last one seen changes nothing.
		if (value === this.lastTime) return;
		this.lastTime = value;
		const ms = toEpochMs(value);
		if (ms !== undefined && (this.newestMs === undefined || ms > this.newestMs)) this.newestMs = ms;
	}

	/** The times of `value.messages` and `value.statuses` of a change outside WhatsApp's `messages` field. */
	seeListedTimes(value: IDataObject): void {
		for (const list of [value.messages, value.statuses]) {
			if (Array.isArray(list)) for (const event of list as Array<IDataObject | null>) this.see(event?.timestamp);
		}
	}

	take(item: IDataObject, raw: IDataObject, key?: number): void {
		if (this.includeRaw) item.raw = raw;
		if (!this.accept(item)) return;
		this.items.push(item);
		this.keys.push(key ?? eventKey(item.eventId as string));
	}
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

/**
 * The item of an event outside WhatsApp's `messages` field: its fields (copied, unless `madeForIt`: then they are
 * the item, with no second copy) and the envelope on top, null where Meta left a value out.
 */
function envelopeItem(
	fields: IDataObject,
	madeForIt: boolean,
	eventId: string,
	object: string,
	field: string,
	kind: string,
	accountId: string | undefined,
	senderId: string | undefined,
	recipientId: string | undefined,
	timestamp: string | undefined,
): IDataObject {
	const item = madeForIt ? fields : copyFields({}, fields);
	item.eventId = eventId;
	item.object = object;
	item.field = field;
	item.kind = kind;
	item.accountId = accountId ?? null;
	item.senderId = senderId ?? null;
	item.recipientId = recipientId ?? null;
	item.timestamp = timestamp ?? null;
	return item;
}

function messagingEvent(object: string, entry: MetaEntry, item: IDataObject, sink: Collector): void {
	const found = messagingFieldOf(object, item);
	const key = found?.key ?? 'unknown';
	const field = found?.field ?? 'messaging';
	let kind = found?.kinds[0] ?? 'messaging';
	const body = obj(item[key]);
	if (kind === 'message' && body.is_echo === true) kind = 'message_echo';
	if (kind === 'message' && body.is_deleted === true) kind = 'message_deleted';
	const senderId = str(obj(item.sender).id);
	const mid = str(body.mid);
	const entryId = str(entry.id);
	const eventId = mid && OWN_MID_KINDS.has(kind) ? `${kind}:${mid}` : eventIdOf(kind, object, entryId, field, mid ?? senderId, item);
	sink.see(item.timestamp);
	const timestamp = toIsoTime(item.timestamp ?? entry.time);
	sink.take(envelopeItem(body, false, eventId, object, field, kind, entryId, senderId, str(obj(item.recipient).id), timestamp), item);
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

function whatsappEvents(object: string, entry: MetaEntry, field: string, value: IDataObject, change: IDataObject, sink: Collector): void {
	const metadata = obj(value.metadata);
	const phoneNumberId = str(metadata.phone_number_id);
	const displayPhoneNumber = str(metadata.display_phone_number);
	const contacts = objects(value.contacts);
	const entryId = str(entry.id);
	for (const message of objects(value.messages)) {
		const contact = contactOf(contacts, message.from, message.from_user_id);
		const id = message.id ? String(message.id) : undefined;
		const eventId = id ? `message:${id}` : eventIdOf('message', object, entryId, field, undefined, message);
		const waId = phoneIdOf(message.from, contact);
		const userId = scopedIdOf(message.from_user_id, contact);
		sink.see(message.timestamp);
		const timestamp = toIsoTime(message.timestamp);
		// The item at its final shape in one literal, named keys first and one spread: V8's fast path for objects from
		// JSON.parse, and no field added later (docs/performance.md). The envelope fields in envelopeItem's order.
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
		sink.take(item, change, id ? eventKeyOf('message:', id) : undefined);
	}
	for (const status of objects(value.statuses)) {
		const contact = contactOf(contacts, status.recipient_id, status.recipient_user_id);
		// Meta's own advice (reference §5.6): a status is identified by (id, status).
		const id = String(status.id);
		const state = String(status.status);
		const eventId = `status:${id}:${state}`;
		const waId = phoneIdOf(status.recipient_id, contact);
		const userId = scopedIdOf(status.recipient_user_id, contact);
		sink.see(status.timestamp);
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
		sink.take(item, change, eventKeyOf('status:', id, ':', state));
	}
	for (const error of objects(value.errors)) {
		const eventId = eventIdOf('error', object, entryId, field, str(error.code), error);
		sink.take(envelopeItem({ phoneNumberId, displayPhoneNumber, ...error }, true, eventId, object, field, 'error', entryId, undefined, undefined, toIsoTime(entry.time)), change);
	}
}

function changeEvents(object: string, entry: MetaEntry, change: IDataObject, sink: Collector): void {
	const field = String(change.field);
	const value = obj(change.value);
	if (object === 'whatsapp_business_account' && field === 'messages') return whatsappEvents(object, entry, field, value, change, sink);
	sink.seeListedTimes(value);
	const kind = kindOfChange(object, field);
	const itemId = str(value.id) ?? str(value.comment_id) ?? str(value.leadgen_id) ?? str(value.message_template_id) ?? str(value.media_id) ?? str(value.post_id);
	// The change's value (with entry id and field) is the event: a comment edited later has another value.
	const eventId = eventIdOf(kind, object, str(entry.id), field, itemId, value);
	const senderId = str(obj(value.from).id) ?? str(obj(value.sender).id);
	const timestamp = toIsoTime(value.timestamp ?? value.created_time ?? entry.time);
	sink.take(envelopeItem(value, false, eventId, object, field, kind, str(entry.id), senderId, undefined, timestamp), change);
}

/**
 * Every event in a delivery that `accept` takes, in order, as its item (with Meta's JSON under `raw` when
 * `includeRaw`), and the newest time the delivery states. One pass: the events are filtered as they are found. An
 * event Meta repeats inside one delivery comes out twice here; claimNewEvents (dedupe.ts) keeps the first only.
 */
export function eventsOf(envelope: MetaEnvelope, accept: EventFilter = () => true, includeRaw = false): DeliveryEvents {
	const sink = new Collector(accept, includeRaw);
	for (const entry of envelope.entry) {
		sink.see(entry.time);
		for (const change of entry.changes ?? []) changeEvents(envelope.object, entry, change as IDataObject, sink);
		for (const item of entry.messaging ?? []) messagingEvent(envelope.object, entry, item, sink);
		if (!entry.changes && !entry.messaging && entry.field) {
			changeEvents(envelope.object, entry, { field: entry.field, value: obj(entry.value) }, sink);
		}
	}
	return sink;
}
