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

/**
 * Why a delivery is too old to be one of Meta's (re)deliveries, judged by the newest time it states (events.ts), or
 * undefined when it is not. A delivery that states no time at all is not judged here (deduplication still applies).
 */
export function staleReason(object: string, newestMs: number | undefined, nowMs: number): string | undefined {
	if (newestMs === undefined) return undefined;
	const window = redeliveryWindowMs(object);
	const age = nowMs - newestMs;
	if (age <= window + CLOCK_GRACE_MS) return undefined;
	const hours = Math.round(window / 3600_000);
	return `the delivery is dated ${new Date(newestMs).toISOString()}, older than the ${hours} hours Meta keeps redelivering ${object} events: a replayed or stored copy, not a delivery from Meta`;
}
