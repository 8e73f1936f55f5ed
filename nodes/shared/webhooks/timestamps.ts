/**
 * Meta's timestamps come in three units (reference §8.4): unix seconds (change payloads, WhatsApp as strings),
 * milliseconds (messaging payloads). Anything above 10^11 is taken as milliseconds (that is year 5138 in seconds).
 */
export function toIsoTime(value: unknown): string | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(n) || n <= 0) {
		if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
		return undefined;
	}
	const ms = n > 1e11 ? n : n * 1000;
	return new Date(ms).toISOString();
}
