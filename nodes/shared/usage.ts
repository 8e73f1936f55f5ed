/**
 * Reads Meta's rate-limit headers (reference §7.2–7.4) into one snapshot: the highest usage percentage seen and the
 * longest wait Meta advises. Header values are JSON; a malformed header is ignored rather than failing the call.
 */
export interface UsageSnapshot {
	/** Highest percentage (0–100+) across X-App-Usage, X-Business-Use-Case-Usage, X-Ad-Account-Usage and the insights throttle. */
	maxPercent: number;
	/** Milliseconds Meta says to wait before calling again (0 when not throttled). */
	regainAfterMs: number;
	/** Which header and object the figures came from, for messages and logs. */
	source: string;
	/**
	 * Milliseconds until the usage window resets (X-Ad-Account-Usage `reset_time_duration`), 0 when unknown. Pausing
	 * longer than this to slow down gains nothing: the figures start over by then.
	 */
	windowResetMs: number;
}

export const EMPTY_USAGE: UsageSnapshot = { maxPercent: 0, regainAfterMs: 0, source: '', windowResetMs: 0 };

type HeaderBag = Record<string, unknown>;

function headerValue(headers: HeaderBag, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

function parseJsonHeader(raw: string | undefined): unknown {
	if (!raw) return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

function numberOf(value: unknown): number {
	const n = typeof value === 'number' ? value : parseFloat(String(value ?? ''));
	return Number.isFinite(n) ? n : 0;
}

function consider(snapshot: UsageSnapshot, percent: number, regainMs: number, source: string): UsageSnapshot {
	const next = { ...snapshot };
	if (percent > next.maxPercent || (percent === next.maxPercent && !next.source)) {
		next.maxPercent = percent;
		next.source = source;
	}
	if (regainMs > next.regainAfterMs) {
		next.regainAfterMs = regainMs;
		next.source = source;
	}
	return next;
}

export function readUsageHeaders(headers: HeaderBag | undefined): UsageSnapshot {
	let snapshot = { ...EMPTY_USAGE };
	if (!headers) return snapshot;

	const app = parseJsonHeader(headerValue(headers, 'x-app-usage')) as Record<string, unknown> | undefined;
	if (app && typeof app === 'object') {
		const pct = Math.max(numberOf(app.call_count), numberOf(app.total_time), numberOf(app.total_cputime));
		snapshot = consider(snapshot, pct, 0, 'X-App-Usage');
	}

	const buc = parseJsonHeader(headerValue(headers, 'x-business-use-case-usage'));
	if (buc && typeof buc === 'object') {
		for (const [objectId, entries] of Object.entries(buc as Record<string, unknown>)) {
			for (const entry of Array.isArray(entries) ? entries : []) {
				const e = entry as Record<string, unknown>;
				const pct = Math.max(numberOf(e.call_count), numberOf(e.total_time), numberOf(e.total_cputime));
				const regainMs = numberOf(e.estimated_time_to_regain_access) * 60_000;
				snapshot = consider(snapshot, pct, regainMs, `X-Business-Use-Case-Usage ${String(e.type ?? '')} ${objectId}`.trim());
			}
		}
	}

	const adAccount = parseJsonHeader(headerValue(headers, 'x-ad-account-usage')) as Record<string, unknown> | undefined;
	if (adAccount && typeof adAccount === 'object') {
		snapshot.windowResetMs = numberOf(adAccount.reset_time_duration) * 1000;
		snapshot = consider(
			snapshot,
			numberOf(adAccount.acc_id_util_pct),
			numberOf(adAccount.reset_time_duration) * 1000,
			'X-Ad-Account-Usage',
		);
	}

	const insights = parseJsonHeader(headerValue(headers, 'x-fb-ads-insights-throttle')) as
		| Record<string, unknown>
		| undefined;
	if (insights && typeof insights === 'object') {
		const pct = Math.max(numberOf(insights.app_id_util_pct), numberOf(insights.acc_id_util_pct));
		snapshot = consider(snapshot, pct, 0, 'X-FB-Ads-Insights-Throttle');
	}
	return snapshot;
}
