import type { MetaEnvelope } from './envelope';
import { toEpochMs } from './timestamps';

/**
 * How long Meta keeps redelivering a failed delivery (reference §8.2, Meta's Webhooks and WhatsApp webhook pages):
 * Graph objects (Page, Instagram, user, permissions…) for up to 36 hours, WhatsApp for up to 7 days. An event seen
 * again inside this window is a redelivery; a delivery older than it cannot come from Meta's retries.
 */
export const REDELIVERY_WINDOW_MS: Record<string, number> = {
	whatsapp_business_account: 7 * 24 * 3600_000,
};
export const DEFAULT_REDELIVERY_WINDOW_MS = 36 * 3600_000;
/** Clock difference between Meta and this server, and Meta's own queueing before the first attempt. */
export const CLOCK_GRACE_MS = 3600_000;

export function redeliveryWindowMs(object: string): number {
	return REDELIVERY_WINDOW_MS[object] ?? DEFAULT_REDELIVERY_WINDOW_MS;
}

/** The newest time the delivery states (entry.time, messaging timestamps, WhatsApp message and status timestamps). */
export function newestTimeMs(envelope: MetaEnvelope): number | undefined {
	let newest: number | undefined;
	let last: unknown;
	const see = (value: unknown) => {
		// Events of one delivery mostly repeat one timestamp: a value equal to the last one seen changes nothing.
		if (value === last) return;
		last = value;
		const ms = toEpochMs(value);
		if (ms !== undefined && (newest === undefined || ms > newest)) newest = ms;
	};
	for (const entry of envelope.entry) {
		see(entry.time);
		for (const item of entry.messaging ?? []) see(item.timestamp);
		for (const change of entry.changes ?? []) {
			const value = (change.value ?? {}) as { messages?: Array<{ timestamp?: unknown }>; statuses?: Array<{ timestamp?: unknown }> };
			for (const list of [value.messages, value.statuses]) for (const event of Array.isArray(list) ? list : []) see(event?.timestamp);
		}
	}
	return newest;
}

/**
 * Why a delivery is too old to be one of Meta's (re)deliveries, or undefined when it is not. A delivery that states
 * no time at all is not judged here (deduplication still applies).
 */
export function staleReason(envelope: MetaEnvelope, nowMs: number): string | undefined {
	const newest = newestTimeMs(envelope);
	if (newest === undefined) return undefined;
	const window = redeliveryWindowMs(envelope.object);
	const age = nowMs - newest;
	if (age <= window + CLOCK_GRACE_MS) return undefined;
	const hours = Math.round(window / 3600_000);
	return `the delivery is dated ${new Date(newest).toISOString()}, older than the ${hours} hours Meta keeps redelivering ${envelope.object} events: a replayed or stored copy, not a delivery from Meta`;
}
