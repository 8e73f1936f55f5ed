import type { IDataObject } from 'n8n-workflow';

/** Keys that hold IDs or dates: numeric-looking but never turned into numbers. */
const TEXT_KEYS = /(^|_)id$|^date_(start|stop)$/;
/** Keys of an action entry that count it (`value`, attribution windows) rather than name it. */
const COUNT_KEY = /^value$|^\d+d_|^(dda|default|skan_)/;

/**
 * A report repeats the same few keys and action types on every row: what a regular expression says about each is
 * remembered (per process, bounded), so 100,000 rows cost a look-up per key instead of a regex run (docs/performance.md).
 */
const CACHE_LIMIT = 10_000;
function remembered<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
	let found = cache.get(text);
	if (found === undefined) {
		found = compute(text);
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(text, found);
	}
	return found;
}
const columnParts = new Map<string, string>();
const countKeys = new Map<string, boolean>();
const textKeys = new Map<string, boolean>();

function columnPart(value: unknown): string {
	return remembered(columnParts, String(value), (text) => text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''));
}
const isCountKey = (key: string): boolean => remembered(countKeys, key, (k) => COUNT_KEY.test(k));
const isTextKey = (key: string): boolean => remembered(textKeys, key, (k) => TEXT_KEYS.test(k));

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Whether text is a plain decimal, `-?\d+(\.\d+)?`: a scan, not a regular expression (several per row). */
function isDecimal(text: string): boolean {
	const length = text.length;
	let i = text.charCodeAt(0) === 45 ? 1 : 0;
	const start = i;
	while (i < length && isDigit(text.charCodeAt(i))) i++;
	if (i === start) return false;
	if (i === length) return true;
	if (text.charCodeAt(i) !== 46) return false;
	const fraction = ++i;
	while (i < length && isDigit(text.charCodeAt(i))) i++;
	return i === length && i > fraction;
}

const numberOr = (value: unknown): unknown => (typeof value === 'string' && isDecimal(value) ? Number(value) : value);

/** Column names by field, action type and count key, for entries named by their action type alone (the usual case). */
const plainColumns = new Map<string, Map<string, Map<string, string>>>();

/** The map under `key`, made empty when missing (bounded: cleared beyond CACHE_LIMIT). No closure per look-up. */
function childMap<V>(parent: Map<string, Map<string, V>>, key: string): Map<string, V> {
	let child = parent.get(key);
	if (child === undefined) {
		if (parent.size >= CACHE_LIMIT) parent.clear();
		parent.set(key, (child = new Map<string, V>()));
	}
	return child;
}

/** The column of a count key of an entry named by its action type alone, from the cache of that field and type. */
function plainColumn(columns: Map<string, string>, field: string, typeText: string, key: string): string {
	let column = columns.get(key);
	if (column === undefined) {
		const base = `${field}_${columnPart(typeText)}`;
		column = key === 'value' ? base : `${base}_${key}`;
		if (columns.size >= CACHE_LIMIT) columns.clear();
		columns.set(key, column);
	}
	return column;
}

/** What a key of an action entry does: names the entry (a label) or counts it. `action_type` is neither. */
const isLabelKey = (key: string): boolean => key !== 'action_type' && key !== 'value' && !isCountKey(key);

/**
 * `actions: [{action_type:'link_click', value:'8', '1d_click':'4'}]` → actions_link_click: 8, actions_link_click_1d_click: 4.
 * The column is the field, the action type, then the entry's other naming values in their order.
 */
function flattenActions(field: string, entries: IDataObject[], out: IDataObject): void {
	const byType = childMap(plainColumns, field);
	for (const entry of entries) {
		let labels = '';
		for (const key in entry) if (isLabelKey(key)) labels += `_${columnPart(entry[key])}`;
		const typeText = String(entry.action_type);
		// Named by the action type alone (nearly every entry): column names come from the cache.
		const byKey = labels ? undefined : childMap(byType, typeText);
		const base = labels ? `${field}_${columnPart(typeText)}${labels}` : '';
		for (const key in entry) {
			if (key === 'action_type' || (key !== 'value' && !isCountKey(key))) continue;
			const column = byKey ? plainColumn(byKey, field, typeText, key) : key === 'value' ? base : `${base}_${key}`;
			out[column] = numberOr(entry[key]) as IDataObject[string];
		}
	}
}

function isActionList(value: unknown): value is IDataObject[] {
	if (!Array.isArray(value)) return false;
	for (const v of value) if (v === null || typeof v !== 'object' || !('action_type' in (v as IDataObject))) return false;
	return true;
}

/**
 * A row ready for a sheet or a database: numeric strings become numbers (IDs, dates and breakdown values stay
 * text) and action lists (`actions`, `action_values`, `cost_per_action_type` …) become one column per action type.
 */
export function simplifyRow(row: IDataObject, breakdowns: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key in row) {
		const value = row[key];
		if (typeof value === 'string') out[key] = !isTextKey(key) && !breakdowns.includes(key) ? (numberOr(value) as IDataObject[string]) : value;
		else if (isActionList(value)) flattenActions(key, value, out);
		else out[key] = value;
	}
	return out;
}
