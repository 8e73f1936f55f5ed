'use strict';
// The Instagram node's polling schedule (a pure function, dist/nodes/InstagramBusiness/helpers/pollSchedule.js),
// checked over a grid of processing times.
const path = require('path');
const { POLLING_PLANS, nextPollDelayMs, pollTimesMs, estimateFrom } = require(path.resolve(__dirname, '../../dist/nodes/InstagramBusiness/helpers/pollSchedule'));

/** Status calls and overshoot (ms) for a container ready after `readyMs`. */
function outcome(readyMs, plan, estimate) {
	const times = pollTimesMs(plan, readyMs, estimate);
	return { calls: times.length, overshootMs: times[times.length - 1] - readyMs };
}

const GRID = Array.from({ length: 200 }, (_, i) => Math.round(1000 * Math.exp((Math.log(900) * i) / 199)));

test('the first check is immediate and an instant container costs one call', () => {
	for (const plan of Object.values(POLLING_PLANS)) expect(pollTimesMs(plan, 0)).toEqual([0]);
});

test('balanced: overshoot ≤ 0.5 s while the first seconds pass, ≤ a quarter of the processing time after', () => {
	const plan = POLLING_PLANS.balanced;
	for (const readyMs of GRID) {
		const { overshootMs } = outcome(readyMs, plan);
		expect(overshootMs).toBeLessThanOrEqual(Math.max(plan.minGapMs, 0.25 * readyMs + 1));
	}
	for (const readyMs of [100, 700, 1300, 1900]) expect(outcome(readyMs, plan).overshootMs).toBeLessThanOrEqual(500);
});

test('sooner keeps the overshoot at about 10%; fewer calls stays at 12 checks for 5 minutes', () => {
	for (const readyMs of GRID.filter((t) => t >= 5000)) expect(outcome(readyMs, POLLING_PLANS.sooner).overshootMs).toBeLessThanOrEqual(0.1 * readyMs + 1);
	expect(outcome(300_000, POLLING_PLANS.fewerCalls).calls).toBeLessThanOrEqual(12);
});

test('with an estimate from alike earlier media: ≤ 8 checks and ≤ 10% overshoot up to 15 minutes', () => {
	for (const readyMs of GRID.filter((t) => t >= 10_000)) {
		// Earlier samples within ±10% of this one's processing time.
		const estimate = estimateFrom([0.92, 1.05, 1.09].map((f) => f * readyMs));
		const { calls, overshootMs } = outcome(readyMs, POLLING_PLANS.balanced, estimate);
		expect(calls).toBeLessThanOrEqual(8);
		expect(overshootMs).toBeLessThanOrEqual(0.1 * readyMs);
	}
});

test('a wrong estimate costs time, not correctness: past the window the blind back-off takes over', () => {
	const estimate = estimateFrom([60_000]);
	const times = pollTimesMs(POLLING_PLANS.balanced, 600_000, estimate);
	expect(times[1]).toBe(42_000); // the window opens at 60 s − 30%
	const after = times.filter((t) => t > 78_000);
	for (let i = 1; i < after.length; i++) expect(after[i] - after[i - 1]).toBe(nextPollDelayMs(after[i - 1], POLLING_PLANS.balanced, estimate));
	expect(times[times.length - 1]).toBeGreaterThanOrEqual(600_000);
	expect(estimateFrom([])).toBeUndefined();
	expect(estimateFrom([10, 10, 10])).toEqual({ expectedMs: 10, spreadMs: 1 });
});
