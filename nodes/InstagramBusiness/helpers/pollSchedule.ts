/**
 * When to read a container's status again: a pure function of the time already waited, so the benchmark can replay
 * the node's exact schedule against the sandbox's state machine without running the node.
 *
 * The first check is made at once (images are often FINISHED immediately). After that the gap grows with the time
 * already waited (gap = growth × waited, between a floor and a ceiling): the overshoot past the moment a container
 * became ready then stays a bounded share of the processing time, while a long video needs only a logarithmic number
 * of checks. No schedule that knows nothing about the processing time can keep the overshoot under 10% and still use
 * 8 checks for 5 minutes (that needs gaps growing ×2.3 a step, so overshoots above 100%); the presets pick where to
 * stand between the two.
 *
 * What breaks the deadlock is knowing roughly how long this kind of media took before: with an estimate the schedule
 * checks once at once, jumps to the start of the window the estimate allows, checks densely (a twentieth of the
 * estimate apart) through it, and falls back to the blind back-off if the media is still not ready after it.
 */
export interface PollingPlan {
	/** Gap as a share of the time already waited. */
	growth: number;
	/** Shortest gap between two checks. */
	minGapMs: number;
	/** Longest gap between two checks (Meta suggests once a minute). */
	maxGapMs: number;
}

export type PollingPreset = 'balanced' | 'sooner' | 'fewerCalls';

export const POLLING_PLANS: Record<PollingPreset, PollingPlan> = {
	/** Overshoot at most ~25% of the processing time (≤ 0.5 s for the first seconds); ~28 checks for 5 minutes. */
	balanced: { growth: 0.25, minGapMs: 500, maxGapMs: 60_000 },
	/** Overshoot at most ~10% (≤ 0.5 s early on), for when every second counts; ~60 checks for 5 minutes. */
	sooner: { growth: 0.1, minGapMs: 500, maxGapMs: 30_000 },
	/** Doubling gaps: ≤ 12 checks for 5 minutes, overshoot up to the time already waited (≤ 1 min). */
	fewerCalls: { growth: 1, minGapMs: 1000, maxGapMs: 60_000 },
};

/** How long earlier media of the same kind took to process, and how much that varied. */
export interface ProcessingEstimate {
	expectedMs: number;
	/** Half-width of the window the ready moment is expected in. */
	spreadMs: number;
}

/** Gap to wait after a status check made `waitedMs` after the container was created (or its upload finished). */
export function nextPollDelayMs(waitedMs: number, plan: PollingPlan, estimate?: ProcessingEstimate): number {
	const waited = Math.max(0, waitedMs);
	const blind = Math.max(plan.minGapMs, Math.min(plan.maxGapMs, waited * plan.growth));
	if (!estimate || estimate.expectedMs <= 0) return Math.round(blind);
	const windowStart = estimate.expectedMs - estimate.spreadMs;
	const windowEnd = estimate.expectedMs + estimate.spreadMs;
	if (waited < windowStart) return Math.round(Math.max(plan.minGapMs, windowStart - waited));
	if (waited < windowEnd) return Math.round(Math.max(plan.minGapMs, Math.min(blind, estimate.expectedMs / 20)));
	return Math.round(blind);
}

/**
 * The estimate from earlier processing times (ms) of the same kind: their mean, and a window of two standard
 * deviations (at least a tenth of the mean); with fewer than 3 samples a wide ±30% window.
 */
export function estimateFrom(samplesMs: number[]): ProcessingEstimate | undefined {
	const samples = samplesMs.filter((v) => Number.isFinite(v) && v > 0);
	if (!samples.length) return undefined;
	const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
	if (samples.length < 3) return { expectedMs: mean, spreadMs: 0.3 * mean };
	const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1);
	return { expectedMs: mean, spreadMs: Math.max(0.1 * mean, 2 * Math.sqrt(variance)) };
}

/** Every check time (ms after the start) the plan makes up to and including the first one at or after `untilMs`. */
export function pollTimesMs(plan: PollingPlan, untilMs: number, estimate?: ProcessingEstimate): number[] {
	const times = [0];
	while (times[times.length - 1] < untilMs) {
		const last = times[times.length - 1];
		times.push(last + nextPollDelayMs(last, plan, estimate));
	}
	return times;
}
