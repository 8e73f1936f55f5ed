/** Retry and pacing policy shared by every node. All waits go through n8n's `sleep`, never `setTimeout`. */
export interface RetryPolicy {
	/** How many times a retryable failure is retried (0 = never). */
	maxRetries: number;
	/** First back-off step; later steps double, with full jitter. */
	baseDelayMs: number;
	/** Longest single wait the node accepts; a longer advised wait fails the call with a quota error instead. */
	maxWaitMs: number;
	/** Usage percentage from which calls are slowed down before Meta starts refusing them. */
	slowDownFromPercent: number;
	/** Pause inserted at 100% usage when Meta advises no wait; scaled down linearly from `slowDownFromPercent`. */
	slowDownMaxDelayMs: number;
	/**
	 * First back-off step for a rate limit (4, 17, 613 …) that comes without an advised wait, when it should differ
	 * from `baseDelayMs` (reference §7.6: those windows are rolling hours, start around a minute). Unset = baseDelayMs.
	 */
	quotaBaseDelayMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 1000,
	maxWaitMs: 5 * 60_000,
	slowDownFromPercent: 75,
	slowDownMaxDelayMs: 10_000,
};

/** Jittered exponential back-off: a random wait in [step/2, step] where step = base * 2^attempt. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const step = policy.baseDelayMs * 2 ** Math.max(0, attempt);
	return Math.round(step / 2 + (random() * step) / 2);
}

/** Back-off before repeating a failed call: rate limits may start from their own, longer step. */
export function retryBackoffMs(attempt: number, policy: RetryPolicy, category: string, random: () => number = Math.random): number {
	const base = category === 'quota' && policy.quotaBaseDelayMs ? policy.quotaBaseDelayMs : policy.baseDelayMs;
	return backoffDelayMs(attempt, { ...policy, baseDelayMs: base }, random);
}

/**
 * How long to pause before the next call, given the last usage figures seen for the same limiter. When Meta says
 * when the usage window resets (`windowResetMs` > 0), the pause never exceeds that.
 */
export function paceDelayMs(maxPercent: number, policy: RetryPolicy, windowResetMs = 0): number {
	if (maxPercent < policy.slowDownFromPercent) return 0;
	const span = Math.max(1, 100 - policy.slowDownFromPercent);
	const fraction = Math.min(1, (maxPercent - policy.slowDownFromPercent) / span);
	const cap = windowResetMs > 0 ? Math.min(policy.slowDownMaxDelayMs, windowResetMs) : policy.slowDownMaxDelayMs;
	return Math.round(fraction * cap);
}
