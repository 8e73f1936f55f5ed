/**
 * Meta's timestamps come in three units (reference §8.4): unix seconds (change payloads, WhatsApp as strings),
 * milliseconds (messaging payloads). Anything above 10^11 is taken as milliseconds (that is year 5138 in seconds).
 * Returns epoch milliseconds, or undefined when the value is no time.
 */
export function toEpochMs(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(n) || n <= 0) {
		if (typeof value !== 'string') return undefined;
		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return n > 1e11 ? n : n * 1000;
}

/** The last conversion: the events of one delivery mostly share their timestamp, and formatting a Date is slow. */
let lastValue: unknown;
let lastMs = NaN;
let lastIso = '';

export function toIsoTime(value: unknown): string | undefined {
	// The same number or string as last time (primitives only: an object could have changed) needs no parsing.
	if (value === lastValue && (typeof value === 'number' || typeof value === 'string')) return lastIso;
	const ms = toEpochMs(value);
	lastValue = ms === undefined ? undefined : value;
	if (ms === undefined) return undefined;
	if (ms !== lastMs) {
		lastIso = new Date(ms).toISOString();
		lastMs = ms;
	}
	return lastIso;
}
