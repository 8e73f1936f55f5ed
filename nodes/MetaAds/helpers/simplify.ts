import type { IDataObject } from 'n8n-workflow';

/** Keys that hold IDs or dates: numeric-looking but never turned into numbers. */
const TEXT_KEYS = /(^|_)id$|^date_(start|stop)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Keys of an action entry that name it rather than count it. */
const ENTRY_NUMBERS = new Set(['value']);

function columnPart(value: unknown): string {
	return String(value).replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** `actions: [{action_type:'link_click', value:'8', '1d_click':'4'}]` → actions_link_click: 8, actions_link_click_1d_click: 4. */
function flattenActions(field: string, entries: IDataObject[], out: IDataObject): void {
	for (const entry of entries) {
		const labels: string[] = [];
		const counts: Array<[string, unknown]> = [];
		for (const [key, value] of Object.entries(entry)) {
			if (key === 'action_type') labels.unshift(columnPart(value));
			else if (ENTRY_NUMBERS.has(key) || /^\d+d_|^(dda|default|skan_)/.test(key)) counts.push([key, value]);
			else labels.push(columnPart(value));
		}
		const base = [field, ...labels].join('_');
		for (const [key, value] of counts) {
			const column = key === 'value' ? base : `${base}_${key}`;
			out[column] = typeof value === 'string' && NUMBER.test(value) ? Number(value) : (value as IDataObject[string]);
		}
	}
}

const isActionList = (value: unknown): value is IDataObject[] =>
	Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && 'action_type' in (v as IDataObject));

/**
 * A row ready for a sheet or a database: numeric strings become numbers (IDs, dates and breakdown values stay
 * text) and action lists (`actions`, `action_values`, `cost_per_action_type` …) become one column per action type.
 */
export function simplifyRow(row: IDataObject, breakdowns: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(row)) {
		if (isActionList(value)) flattenActions(key, value, out);
		else if (typeof value === 'string' && NUMBER.test(value) && !TEXT_KEYS.test(key) && !breakdowns.includes(key)) out[key] = Number(value);
		else out[key] = value;
	}
	return out;
}
