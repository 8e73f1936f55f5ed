import { NodeOperationError, type INode } from 'n8n-workflow';
import { previewOf } from '../../shared/parameters';

/** Meta takes events up to 7 days old (Server Event Parameters page); the whole request fails otherwise. */
export const MAX_EVENT_AGE_SECONDS = 7 * 24 * 3600;
/** Clock differences between n8n and Meta tolerated for a time slightly ahead. */
const FUTURE_TOLERANCE_SECONDS = 60;

/**
 * event_time in Unix seconds from what the user gave: empty (now), seconds, milliseconds, or a date text
 * (ISO 8601 as n8n's {{ $now }} or a trigger's created_time gives it). Refused before any call when Meta would refuse it.
 */
export function eventTimeOf(node: INode, raw: unknown, itemIndex: number, nowMs: number): number {
	const now = Math.floor(nowMs / 1000);
	if (raw === undefined || raw === null || raw === '') return now;
	let seconds: number;
	const text = typeof raw === 'string' ? raw.trim() : raw;
	if (typeof text === 'number' || (typeof text === 'string' && /^\d+(\.\d+)?$/.test(text))) {
		const n = Number(text);
		seconds = Math.floor(n > 1e11 ? n / 1000 : n);
	} else if (typeof text === 'string' || (typeof text === 'object' && text !== null && typeof (text as { toString?: unknown }).toString === 'function')) {
		const parsed = Date.parse(String(text).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		if (Number.isNaN(parsed)) throw new NodeOperationError(node, `Event Time must be a date or a Unix timestamp: got ${previewOf(raw)}`, { itemIndex });
		seconds = Math.floor(parsed / 1000);
	} else {
		throw new NodeOperationError(node, `Event Time must be a date or a Unix timestamp: got ${previewOf(raw)}`, { itemIndex });
	}
	if (now - seconds > MAX_EVENT_AGE_SECONDS) {
		throw new NodeOperationError(node, `Event Time ${new Date(seconds * 1000).toISOString()} is more than 7 days ago: Meta refuses such events`, {
			itemIndex,
			description: 'Meta takes server events up to 7 days after they happened. Leave this event out, or send events sooner after they happen.',
		});
	}
	if (seconds - now > FUTURE_TOLERANCE_SECONDS) {
		throw new NodeOperationError(node, `Event Time ${new Date(seconds * 1000).toISOString()} is in the future`, {
			itemIndex,
			description: 'Use the time the event happened (Unix seconds, or a date such as 2026-12-03T10:00:00Z); leave it empty for now.',
		});
	}
	return seconds;
}
