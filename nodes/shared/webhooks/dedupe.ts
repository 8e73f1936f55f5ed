import { hash } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { DeliveryEvents } from './events';
import { KeyTable } from './keyTable';

export { eventKey } from './eventKey';

/**
 * Deduplication of Meta's redeliveries by event id, over Meta's redelivery window (docs/triggers-events.md).
 *
 * Two layers, because a webhook node in n8n 2.41 has no shared, atomic store (IWebhookFunctions offers neither the
 * deduplication helpers nor data tables):
 * - this process's memory: checked and recorded with no await in between, so exact within one n8n process;
 * - the workflow's static data: n8n loads it from the database for every webhook request and writes it back after
 *   the answer, so a redelivery that reaches another webhook processor later is recognised there too.
 * n8n writes static data as a whole (last writer wins), so a processor's write can drop ids another processor wrote
 * meanwhile. A process that finds static data written by someone else learns its ids and writes back its own ids
 * that the other write dropped (mergedWithMemory): ids lost to a concurrent write come back with the next write.
 * What this cannot close: two processors handling the same event at the same moment (before either has written)
 * both see it as new. The queue-mode test measures how often that happens.
 *
 * Stored as one string (`SeenLog`), not one static-data key per event: n8n re-wraps every nested object of static
 * data in a Proxy on every request and V8 internalises every new object key, so a per-event key cost ~1.3 µs per
 * event here and n8n a walk over 10,000 keys per request (docs/performance.md).
 */

/** Ids held per trigger in this process; beyond it, the least recently seen go first (keyTable.ts). */
const MEMORY_LIMIT = 20_000;
/** Ids kept in static data; every accepted delivery writes the whole of it to the database, so it stays small. */
export const STATIC_LIMIT = 10_000;
const STATIC_KEY = 'metaSeenEventLog';
/** The earlier format (one key per event: 16 characters of the id's SHA-256). Read until its entries expire. */
const LEGACY_KEY = 'metaSeenEvents';

/**
 * `gen` changes with every write, so a process that finds its own last `gen` knows nothing else was written since.
 * `log`: segments, oldest first, `<expires, epoch s>:<key count>:<keys>;` (a minute's deliveries and the ids put back
 * with them share one: appendKeys), the keys as base64 of their little-endian float64s (exact for 53-bit integers; one
 * native encode per write, 10.7 characters a key).
 */
interface SeenLog {
	gen: number;
	count: number;
	log: string;
}

interface ProcessMemory {
	/** The `gen` of this process's last write for this trigger (NaN: none). */
	gen: number;
	/** Event key → expiry (epoch seconds). */
	keys: KeyTable;
	/** The last log this process wrote or read (undefined: none since it started). */
	lastLog?: string;
	/**
	 * Whether every live id of `lastLog` is in `keys`, so that its segments need no second reading; false once pruning
	 * `keys` may have dropped some, until a record is next read whole.
	 */
	holdsLastLog: boolean;
}

const memory = new Map<string, ProcessMemory>();

function legacyKeyOf(eventId: string): string {
	return hash('sha256', eventId, 'base64url').slice(0, 16);
}

function scopeOf(ctx: IWebhookFunctions): string {
	return `${String(ctx.getWorkflow().id ?? '')}\u0000${ctx.getNode().name}`;
}

function memoryOf(scope: string): ProcessMemory {
	let found = memory.get(scope);
	if (!found) {
		found = { gen: Number.NaN, keys: new KeyTable(), holdsLastLog: false };
		memory.set(scope, found);
	}
	return found;
}

function storedLog(value: unknown): SeenLog | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { gen, count, log } = value as IDataObject;
	return typeof gen === 'number' && typeof count === 'number' && typeof log === 'string' ? { gen, count, log } : undefined;
}

interface Segment {
	expires: number;
	count: number;
	/** The keys, base64 of their little-endian float64s. */
	keysText: string;
	/** Where its `;` is. */
	end: number;
}

/** The segment of a stored log that starts at `start` (`<expires>:<count>:<keys>;`), or undefined where it is malformed. */
function segmentAt(log: string, start: number): Segment | undefined {
	const colon = log.indexOf(':', start);
	const second = colon < 0 ? -1 : log.indexOf(':', colon + 1);
	const end = second < 0 ? -1 : log.indexOf(';', second + 1);
	if (end < 0) return undefined;
	return { expires: Number(log.slice(start, colon)), count: Number(log.slice(colon + 1, second)) || 0, keysText: log.slice(second + 1, end), end };
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The keys of a segment: one native copy of the decoded bytes on little-endian machines (all n8n runs on). */
function keysOf(keysText: string): Float64Array {
	const bytes = Buffer.from(keysText, 'base64');
	const keys = new Float64Array(bytes.length >> 3);
	if (LITTLE_ENDIAN) new Uint8Array(keys.buffer).set(bytes.subarray(0, keys.length * 8));
	else for (let i = 0; i < keys.length; i++) keys[i] = bytes.readDoubleLE(i * 8);
	return keys;
}

/** The keys as little-endian float64s: one native copy on little-endian machines (all n8n runs on), a loop elsewhere. */
function littleEndianDoubles(keys: number[]): Buffer {
	if (LITTLE_ENDIAN) return Buffer.from(new Float64Array(keys).buffer);
	const bytes = Buffer.allocUnsafe(keys.length * 8);
	for (let i = 0; i < keys.length; i++) bytes.writeDoubleLE(keys[i], i * 8);
	return bytes;
}

function segmentOf(expires: number, keys: number[]): string {
	if (keys.length === 0) return '';
	return `${expires}:${keys.length}:${littleEndianDoubles(keys).toString('base64')};`;
}

/** Keys per segment at most when appending to the last one, so that pruning (a segment at a time) stays fine-grained. */
const SEGMENT_LIMIT = 1000;

/** Three keys are 24 bytes, 32 base64 characters with no padding: text of whole groups encodes the same in a longer text. */
const GROUP_KEYS = 3;
const GROUP_CHARS = 32;

/** The length of the base64 text of `count` keys. */
function keysTextLength(count: number): number {
	return Math.ceil((count * 8) / 3) * 4;
}

/**
 * How many leading characters of a segment's keys text are whole groups of three keys: text that is the same in any
 * longer text of the same keys and more. 0 when the text does not match the count (a segment written otherwise).
 */
function wholeGroupChars(count: number, keysText: string): number {
	return keysText.length === keysTextLength(count) ? Math.floor(count / GROUP_KEYS) * GROUP_CHARS : 0;
}

/**
 * The log with `keys` added: into its last segment when that one has the same expiry and room (one segment per minute
 * of deliveries, instead of one per delivery), else as a new segment. The format is the same either way.
 */
function appendKeys(log: string, expires: number, keys: number[]): string {
	if (keys.length === 0) return log;
	const start = log.lastIndexOf(';', log.length - 2) + 1;
	const last = segmentAt(log, start);
	if (!last || last.end !== log.length - 1 || last.expires !== expires || last.count + keys.length > SEGMENT_LIMIT) {
		return log + segmentOf(expires, keys);
	}
	const { count, keysText } = last;
	// Only the keys after the last whole group are decoded and encoded again with the new ones (at most two), not the
	// whole segment: re-encoding up to 1,000 keys cost ~40 µs on every single-event delivery. Same text as a full
	// re-encoding; a segment whose text does not match its count is re-encoded whole, as before.
	const kept = wholeGroupChars(count, keysText);
	const rest = keysOf(keysText.slice(kept));
	const merged = Array.from(rest);
	for (const key of keys) merged.push(key);
	return `${log.slice(0, start)}${expires}:${(kept / GROUP_CHARS) * GROUP_KEYS + merged.length}:${keysText.slice(0, kept)}${littleEndianDoubles(merged).toString('base64')};`;
}

/** Drops the oldest segments while they have expired or the log holds more than STATIC_LIMIT keys. */
function pruned(log: string, count: number, nowSeconds: number): { log: string; count: number } {
	let start = 0;
	while (start < log.length) {
		const segment = segmentAt(log, start);
		if (!segment) return { log: '', count: 0 };
		if (segment.expires > nowSeconds && count <= STATIC_LIMIT) break;
		count -= segment.count;
		start = segment.end + 1;
	}
	return { log: start ? log.slice(start) : log, count: Math.max(0, count) };
}

/** The segments of a log, each text (header and `;` included) under a short stand-in, in their order. */
class SegmentSet {
	private readonly byStandIn = new Map<string, string[]>();
	/** Segments with at least one whole group, under their expiry and first group: where a longer or shorter copy is. */
	private readonly byHead = new Map<string, Segment[]>();
	readonly texts: string[] = [];
	readonly segments: Segment[] = [];

	constructor(log: string) {
		for (let start = 0, segment = segmentAt(log, 0); segment; start = segment.end + 1, segment = segmentAt(log, start)) {
			const text = log.slice(start, segment.end + 1);
			this.texts.push(text);
			this.segments.push(segment);
			const standIn = standInOf(text);
			const same = this.byStandIn.get(standIn);
			if (same) same.push(text);
			else this.byStandIn.set(standIn, [text]);
			if (wholeGroupChars(segment.count, segment.keysText) === 0) continue;
			const head = headOf(segment);
			const heads = this.byHead.get(head);
			if (heads) heads.push(segment);
			else this.byHead.set(head, [segment]);
		}
	}

	/** Whether `text` is one of the segments, text for text (the stand-in only narrows the comparison down). */
	has(text: string): boolean {
		return this.byStandIn.get(standInOf(text))?.includes(text) === true;
	}

	/**
	 * How many leading characters of `segment`'s keys text one of these segments has too, in whole groups (0: none).
	 * One minute's deliveries append to one segment (appendKeys), so the record and this process's last log mostly
	 * hold the same segment at two lengths: the keys of the shared part are in both, and only the rest needs reading.
	 */
	sharedPrefix(segment: Segment): number {
		const own = wholeGroupChars(segment.count, segment.keysText);
		if (own === 0) return 0;
		let best = 0;
		for (const other of this.byHead.get(headOf(segment)) ?? []) {
			best = Math.max(best, commonGroupChars(segment.keysText, other.keysText, Math.min(own, wholeGroupChars(other.count, other.keysText))));
		}
		return best;
	}
}

/**
 * The longest run of whole groups, at most `limit` characters, with which both texts begin: two requests that
 * appended different keys to one segment share the part they both read (binary search on native prefix compares).
 */
function commonGroupChars(a: string, b: string, limit: number): number {
	let low = 0;
	let high = limit / GROUP_CHARS;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (a.startsWith(b.slice(0, mid * GROUP_CHARS))) low = mid;
		else high = mid - 1;
	}
	return low * GROUP_CHARS;
}

/** A segment's expiry and first group of keys. */
function headOf(segment: Segment): string {
	return `${segment.expires}:${segment.keysText.slice(0, GROUP_CHARS)}`;
}

/**
 * A segment's length, header and first and last characters: a short string to hash instead of ~10,000 characters
 * (hashing whole segments to compare them cost more than reading their keys).
 */
function standInOf(text: string): string {
	return `${text.length}:${text.slice(0, 48)}${text.slice(-16)}`;
}

/** The expiry of a log's oldest live segment (0 when it has none). */
function oldestLiveExpiry(log: string, nowSeconds: number): number {
	for (let segment = segmentAt(log, 0); segment; segment = segmentAt(log, segment.end + 1)) if (segment.expires > nowSeconds) return segment.expires;
	return 0;
}

/**
 * This process learns the ids of a log someone else wrote, and gets the segments to append for its ids that a
 * concurrent write dropped. Which those are, it reads from where its last log's segments are in the stored one:
 * pruning takes segments from the head only, so a segment of its last log missing from the stored log after the
 * last one still there was lost to a write made from an older record; one missing before the first one still there,
 * or older than every segment the stored log has, was pruned as the oldest, on purpose (put back, it would push the
 * record's own newest ids out, and every write would carry it again).
 *
 * Only what changed is read when the process holds every id of its last log: a segment found again, text for text,
 * holds ids it has, and so does the part a segment shares with one of its last log (the minute's segment, which every
 * write appends to, is found at another length whenever requests overlap). Reading the whole record cost 1–2.5 ms per
 * delivery with 10,000 ids on the development machine, whatever the delivery's size, whenever several webhook
 * processors take turns; reading the minute's whole segment twice cost ~0.3 ms per single-event delivery whenever
 * requests of one processor overlap (docs/performance.md).
 */
function mergedWithMemory(log: string, own: ProcessMemory, nowSeconds: number): { missing: Map<number, number[]>; repaired: number } {
	const { keys } = own;
	const last = own.lastLog === undefined ? undefined : new SegmentSet(own.lastLog);
	keys.beginMarks();
	for (let start = 0, segment = segmentAt(log, 0); segment; start = segment.end + 1, segment = segmentAt(log, start)) {
		if (segment.expires <= nowSeconds) continue;
		let known = 0;
		if (own.holdsLastLog && last) {
			if (last.has(log.slice(start, segment.end + 1))) continue;
			known = last.sharedPrefix(segment);
		}
		const found = keysOf(known ? segment.keysText.slice(known) : segment.keysText);
		for (let i = 0; i < found.length; i++) keys.learn(found[i], segment.expires);
	}
	const missing = new Map<number, number[]>();
	let repaired = 0;
	const putBack = (segment: Segment, from: number): void => {
		const lost = keysOf(from ? segment.keysText.slice(from) : segment.keysText);
		for (let i = 0; i < lost.length; i++) {
			// Held, live and not found in the stored log; marked, so that it is put back once.
			const expires = keys.takeUnmarked(lost[i], nowSeconds);
			if (expires === 0) continue;
			const group = missing.get(expires);
			if (group) group.push(lost[i]);
			else missing.set(expires, [lost[i]]);
			repaired++;
		}
	};
	if (last !== undefined) {
		const stored = new SegmentSet(log);
		// Per segment of the last log: -1 when the stored log has it whole; else how much of it the stored log has.
		const inStored = last.texts.map((text, index) => (stored.has(text) ? -1 : stored.sharedPrefix(last.segments[index])));
		let lastKept = -1;
		inStored.forEach((kept, index) => {
			if (kept !== 0) lastKept = index;
		});
		const oldestStored = oldestLiveExpiry(log, nowSeconds);
		last.segments.forEach((segment, index) => {
			if (segment.expires <= nowSeconds) return;
			// Still there in part: the rest of it was lost to a write made from an older record.
			if (index <= lastKept) {
				if (inStored[index] > 0) putBack(segment, inStored[index]);
				return;
			}
			// Older than every segment the stored log has: pruned, not lost (what tells it when none of ours is left).
			if (segment.expires < oldestStored) return;
			putBack(segment, 0);
		});
	}
	own.lastLog = log;
	own.holdsLastLog = true;
	return { missing, repaired };
}

/** The legacy store while any entry in it is live; removed from static data once none is. */
function liveLegacy(staticData: IDataObject, nowSeconds: number): Record<string, unknown> | undefined {
	const legacy = staticData[LEGACY_KEY];
	if (legacy === undefined) return undefined;
	if (legacy && typeof legacy === 'object' && !Array.isArray(legacy)) {
		const entries = legacy as Record<string, unknown>;
		for (const key in entries) {
			const expires = entries[key];
			if (typeof expires === 'number' && expires > nowSeconds) return entries;
		}
	}
	delete staticData[LEGACY_KEY];
	return undefined;
}

/**
 * The items of the events not seen before within `windowMs`, recording them as seen. Recording happens before the
 * workflow starts: once n8n answers 200 Meta does not redeliver, so an event is started at most once by this trigger.
 * Static data is written only when something changed (a new id, or ids to put back).
 */
export function claimNewEvents(ctx: IWebhookFunctions, events: DeliveryEvents, windowMs: number, nowMs: number): IDataObject[] {
	const { items, keys } = events;
	if (items.length === 0) return items;
	const own = memoryOf(scopeOf(ctx));
	const staticData = ctx.getWorkflowStaticData('node');
	const nowSeconds = Math.floor(nowMs / 1000);
	// Rounded up to the minute, so the deliveries of one minute share a segment (appendKeys): one segment header (~16
	// characters) per minute instead of one per delivery. Ids are kept up to a minute longer than the window.
	const expires = Math.ceil((nowMs + windowMs) / 60_000) * 60;
	const stored = storedLog(staticData[STATIC_KEY]);
	let log = stored?.log ?? '';
	let count = stored?.count ?? 0;
	let changed = false;
	if (stored?.gen !== own.gen) {
		// Written by another process since this one last wrote (or never written, or reset): learn its ids, put ours back.
		const { missing, repaired } = mergedWithMemory(log, own, nowSeconds);
		// Into the minute's segment when it is theirs too: a segment per repair split the record into one segment per
		// overlapping request, and every later read compared them all.
		for (const [expiresAt, group] of missing) log = appendKeys(log, expiresAt, group);
		count += repaired;
		changed = repaired > 0;
	}
	const legacy = liveLegacy(staticData, nowSeconds);
	const fresh: IDataObject[] = [];
	const freshKeys: number[] = [];
	for (let i = 0; i < items.length; i++) {
		const key = keys[i];
		if (own.keys.expiryOf(key) > nowSeconds) continue;
		if (legacy !== undefined && Number(legacy[legacyKeyOf(items[i].eventId as string)] ?? 0) > nowSeconds) continue;
		own.keys.set(key, expires);
		freshKeys.push(key);
		fresh.push(items[i]);
	}
	if (own.keys.prune(nowSeconds, MEMORY_LIMIT)) own.holdsLastLog = false;
	if (fresh.length === 0 && !changed) return fresh;
	log = appendKeys(log, expires, fresh.length > STATIC_LIMIT ? freshKeys.slice(-STATIC_LIMIT) : freshKeys);
	count += Math.min(fresh.length, STATIC_LIMIT);
	({ log, count } = pruned(log, count, nowSeconds));
	own.gen = Math.floor(Math.random() * 2 ** 52);
	// Every id of the log written is held when every id of the log it was written from was (holdsLastLog stays).
	own.lastLog = log;
	staticData[STATIC_KEY] = { gen: own.gen, count, log };
	return fresh;
}

/** For tests: forget this process's memory (of one workflow's triggers only, when given), as a restart would. */
export function forgetProcessMemory(workflowId?: string): void {
	if (workflowId === undefined) return memory.clear();
	for (const scope of memory.keys()) if (scope.startsWith(`${workflowId}\u0000`)) memory.delete(scope);
}
