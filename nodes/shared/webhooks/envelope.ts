import type { IDataObject } from 'n8n-workflow';

/**
 * Meta's webhook envelope (reference §8.4): `{object, entry: [{id, time, changes[] | messaging[] | field/value}]}`.
 * Only the frame is checked; event bodies vary by product and are passed through as they are.
 */
export interface MetaChange {
	field: string;
	value?: unknown;
	[key: string]: unknown;
}

export interface MetaEntry {
	id?: string | number;
	time?: number | string;
	changes?: MetaChange[];
	messaging?: IDataObject[];
	// Instagram Login examples put field/value straight into the entry.
	field?: string;
	value?: unknown;
	[key: string]: unknown;
}

export interface MetaEnvelope {
	object: string;
	entry: MetaEntry[];
}

export type EnvelopeParse = { ok: true; envelope: MetaEnvelope } | { ok: false; reason: string };

const MAX_ENTRIES = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Where the frame is wrong (path: what was expected, what came), or undefined when it is a Meta envelope. */
function frameProblem(json: unknown): string | undefined {
	if (!isRecord(json)) return `body: expected an object, got ${kindOf(json)}`;
	if (typeof json.object !== 'string' || json.object === '') return `object: expected a non-empty string, got ${json.object === '' ? 'an empty string' : kindOf(json.object)}`;
	const entries = json.entry;
	if (!Array.isArray(entries)) return `entry: expected an array, got ${kindOf(entries)}`;
	if (entries.length > MAX_ENTRIES) return `entry: expected at most ${MAX_ENTRIES} entries, got ${entries.length}`;
	for (let i = 0; i < entries.length; i++) {
		const entry: unknown = entries[i];
		if (!isRecord(entry)) return `entry.${i}: expected an object, got ${kindOf(entry)}`;
		const { id, time, changes, messaging, field } = entry;
		if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return `entry.${i}.id: expected a string or number, got ${kindOf(id)}`;
		if (time !== undefined && typeof time !== 'string' && typeof time !== 'number') return `entry.${i}.time: expected a string or number, got ${kindOf(time)}`;
		if (field !== undefined && typeof field !== 'string') return `entry.${i}.field: expected a string, got ${kindOf(field)}`;
		if (changes !== undefined) {
			if (!Array.isArray(changes)) return `entry.${i}.changes: expected an array, got ${kindOf(changes)}`;
			for (let j = 0; j < changes.length; j++) {
				const change: unknown = changes[j];
				if (!isRecord(change)) return `entry.${i}.changes.${j}: expected an object, got ${kindOf(change)}`;
				if (typeof change.field !== 'string') return `entry.${i}.changes.${j}.field: expected a string, got ${kindOf(change.field)}`;
			}
		}
		if (messaging !== undefined) {
			if (!Array.isArray(messaging)) return `entry.${i}.messaging: expected an array, got ${kindOf(messaging)}`;
			for (let j = 0; j < messaging.length; j++) {
				if (!isRecord(messaging[j])) return `entry.${i}.messaging.${j}: expected an object, got ${kindOf(messaging[j])}`;
			}
		}
	}
	return undefined;
}

/**
 * Validates the delivery in place: the frame is checked without copying it (the items are built from it next).
 * n8n has already parsed a JSON body (from the same bytes the signature covers), so that parse is reused; the raw
 * bytes are parsed only when n8n did not (another content type).
 */
export function parseMetaEnvelope(rawBody: Buffer, parsedBody?: unknown): EnvelopeParse {
	let json: unknown = parsedBody;
	if (!isRecord(json) || Object.keys(json).length === 0) {
		try {
			json = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return { ok: false, reason: 'the body is not JSON' };
		}
	}
	const problem = frameProblem(json);
	if (problem) return { ok: false, reason: `the body is not a Meta webhook envelope (${problem})` };
	return { ok: true, envelope: json as unknown as MetaEnvelope };
}
