import type { IDataObject } from 'n8n-workflow';

/** Keys that hold IDs or dates: numeric-looking but never turned into numbers. */
const TEXT_KEYS = /(^|_)id$|^date_(start|stop)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
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

const numberOr = (value: unknown): unknown => (typeof value === 'string' && NUMBER.test(value) ? Number(value) : value);

/** Column names by field, action type and count key, for entries named by their action type alone (the usual case). */
const plainColumns = new Map<string, Map<string, Map<string, string>>>();

function plainColumn(field: string, actionType: unknown, key: string): string {
	let byType = plainColumns.get(field);
	if (!byType) {
		if (plainColumns.size >= CACHE_LIMIT) plainColumns.clear();
		plainColumns.set(field, (byType = new Map()));
	}
	const typeText = String(actionType);
	let byKey = byType.get(typeText);
	if (!byKey) {
		if (byType.size >= CACHE_LIMIT) byType.clear();
		byType.set(typeText, (byKey = new Map()));
	}
	let column = byKey.get(key);
	if (column === undefined) {
		const base = `${field}_${columnPart(typeText)}`;
		column = key === 'value' ? base : `${base}_${key}`;
		byKey.set(key, column);
	}
	return column;
}

/**
 * `actions: [{action_type:'link_click', value:'8', '1d_click':'4'}]` → actions_link_click: 8, actions_link_click_1d_click: 4.
 * The column is the field, the action type, then the entry's other naming values in their order.
 */
function flattenActions(field: string, entries: IDataObject[], out: IDataObject): void {
	for (const entry of entries) {
		const keys = Object.keys(entry);
		let labels = '';
		for (const key of keys) if (key !== 'action_type' && !isCountKey(key)) labels += `_${columnPart(entry[key])}`;
		const base = labels ? `${field}_${columnPart(entry.action_type)}${labels}` : undefined;
		for (const key of keys) {
			if (key === 'action_type' || !isCountKey(key)) continue;
			const column = base === undefined ? plainColumn(field, entry.action_type, key) : key === 'value' ? base : `${base}_${key}`;
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
	for (const key of Object.keys(row)) {
		const value = row[key];
		if (typeof value === 'string') out[key] = !isTextKey(key) && !breakdowns.includes(key) ? (numberOr(value) as IDataObject[string]) : value;
		else if (isActionList(value)) flattenActions(key, value, out);
		else out[key] = value;
	}
	return out;
}
