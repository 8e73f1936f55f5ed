import { hash } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { MetaEvent } from './events';

/**
 * Deduplication of Meta's redeliveries by event id, over Meta's redelivery window (docs/triggers-events.md).
 *
 * Two layers, because a webhook node in n8n 2.41 has no shared, atomic store (IWebhookFunctions offers neither the
 * deduplication helpers nor data tables):
 * - this process's memory: checked and recorded with no await in between, so exact within one n8n process;
 * - the workflow's static data: n8n loads it from the database for every webhook request and writes it back after
 *   the answer, so a redelivery that reaches another webhook processor later is recognised there too.
 * n8n writes static data as a whole (last writer wins), so a processor's write can drop ids another processor wrote
 * meanwhile. Each write therefore holds what was loaded plus every id this process still remembers (a grow-only set,
 * merged on every write): ids dropped by a concurrent write come back with that processor's next write.
 * What this cannot close: two processors handling the same event at the same moment (before either has written)
 * both see it as new. The queue-mode test measures how often that happens.
 */

/** Ids held per trigger in this process; the oldest go first beyond it. */
const MEMORY_LIMIT = 20_000;
/** Ids kept in static data; every accepted delivery writes the whole object to the database, so it stays small. */
export const STATIC_LIMIT = 10_000;
const STATIC_KEY = 'metaSeenEvents';

const memory = new Map<string, Map<string, number>>();

function keyOf(eventId: string): string {
	// 96 bits of the id: short enough for static data, far from colliding within a window.
	// One-shot hash: the same digest as createHash().update().digest(), without a Hash object per event.
	return hash('sha256', eventId, 'base64url').slice(0, 16);
}

function scopeOf(ctx: IWebhookFunctions): string {
	return `${String(ctx.getWorkflow().id ?? '')}\u0000${ctx.getNode().name}`;
}

function memoryOf(scope: string, nowMs: number): Map<string, number> {
	let seen = memory.get(scope);
	if (!seen) {
		seen = new Map();
		memory.set(scope, seen);
	}
	for (const [key, expires] of seen) {
		if (expires > nowMs && seen.size <= MEMORY_LIMIT) break;
		seen.delete(key);
	}
	return seen;
}

function storedOf(staticData: IDataObject, nowSeconds: number): Record<string, number> {
	const stored = staticData[STATIC_KEY];
	if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
	const kept: Record<string, number> = {};
	for (const [key, expires] of Object.entries(stored as Record<string, unknown>)) {
		if (typeof expires === 'number' && expires > nowSeconds) kept[key] = expires;
	}
	return kept;
}

/**
 * The events not seen before within `windowMs`, recording them as seen. Recording happens before the workflow
 * starts: once n8n answers 200 Meta does not redeliver, so an event is started at most once by this trigger.
 */
export function claimNewEvents(ctx: IWebhookFunctions, events: MetaEvent[], windowMs: number, nowMs: number): MetaEvent[] {
	if (events.length === 0) return events;
	const seen = memoryOf(scopeOf(ctx), nowMs);
	const staticData = ctx.getWorkflowStaticData('node');
	const nowSeconds = Math.floor(nowMs / 1000);
	const stored = storedOf(staticData, nowSeconds);
	let storedCount = Object.keys(stored).length;
	const expiresMs = nowMs + windowMs;
	const expiresSeconds = Math.ceil(expiresMs / 1000);
	// Grow-only merge: what this process remembers goes back in, so a concurrent writer's loss is repaired here.
	// Done before this delivery's ids are added, so the loop does not walk over them.
	for (const [key, expires] of seen) {
		if (expires > nowMs && stored[key] === undefined) {
			stored[key] = Math.ceil(expires / 1000);
			storedCount++;
		}
	}
	const fresh: MetaEvent[] = [];
	for (const event of events) {
		const key = keyOf(event.eventId);
		const storedExpiry = stored[key];
		const known = (seen.get(key) ?? 0) > nowMs || (storedExpiry ?? 0) > nowSeconds;
		seen.delete(key);
		seen.set(key, expiresMs);
		if (storedExpiry === undefined) storedCount++;
		stored[key] = expiresSeconds;
		if (!known) fresh.push(event);
	}
	staticData[STATIC_KEY] = storedCount <= STATIC_LIMIT ? stored : newest(stored, STATIC_LIMIT);
	return fresh;
}

/** The `limit` entries that expire last (= were seen last). */
function newest(stored: Record<string, number>, limit: number): Record<string, number> {
	const entries = Object.entries(stored);
	entries.sort((a, b) => b[1] - a[1]);
	return Object.fromEntries(entries.slice(0, limit));
}

/** For tests: forget this process's memory, as a restart or a second webhook processor would. */
export function forgetProcessMemory(): void {
	memory.clear();
}
