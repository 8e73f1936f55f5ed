/**
 * When to read a container's status again: a pure function of the time already waited, so the benchmark can replay
 * the node's exact schedule against the sandbox's state machine without running the node.
 *
 * The first check is made at once (images are often FINISHED immediately). After that the gap grows with the time
 * already waited (gap = growth × waited, between a floor and a ceiling): the overshoot past the moment a container
 * became ready then stays a bounded share of the processing time, while a long video needs only a logarithmic number
 * of checks. No schedule that knows nothing about the processing time can keep the overshoot under 10% and still use
 * 8 checks for 5 minutes; the presets pick where to stand between the two.
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

/** Gap to wait after a status check made `waitedMs` after the container was created (or its upload finished). */
export function nextPollDelayMs(waitedMs: number, plan: PollingPlan): number {
	const gap = Math.max(plan.minGapMs, Math.min(plan.maxGapMs, Math.max(0, waitedMs) * plan.growth));
	return Math.round(gap);
}

/** Every check time (ms after the start) the plan makes up to and including the first one at or after `untilMs`. */
export function pollTimesMs(plan: PollingPlan, untilMs: number): number[] {
	const times = [0];
	while (times[times.length - 1] < untilMs) {
		const last = times[times.length - 1];
		times.push(last + nextPollDelayMs(last, plan));
	}
	return times;
}
