import type { IDataObject } from 'n8n-workflow';

/** One operation's answer in a Graph batch (reference §9.3); Meta may answer null for an operation that timed out. */
export interface RawBatchItem {
	code: number;
	body?: string;
}

/** Form fields as Meta reads them: objects and arrays JSON-encoded, empty values left out. */
export function encodeForm(fields: IDataObject): string {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	return form.toString();
}

/** A batch item's status and body, the body parsed from the JSON string Meta sends; undefined when Meta did not finish it. */
export function decodeBatchItem(item: RawBatchItem | null | undefined): { code: number; body: unknown } | undefined {
	if (!item || typeof item !== 'object') return undefined;
	let body: unknown = item.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// Leave non-JSON bodies as text.
		}
	}
	return { code: Number(item.code), body };
}
