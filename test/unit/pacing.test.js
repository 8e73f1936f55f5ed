'use strict';
// nodes/shared/pacing: rate never exceeded, per-key order, refusals retried (rate: slower; key: pause), final
// failures never retried, stop on failure.
const { PacedRunner, runPaced } = require('../../dist/nodes/shared/pacing');

const refusal = (kind) => Object.assign(new Error(kind), { kind });
const classify = (error) => error.kind || 'final';

test('starts never exceed the rate in any second, and every job runs once', async () => {
	const starts = [];
	const jobs = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, run: async () => (starts.push(Date.now()), i) }));
	const { results } = await runPaced(jobs, { ratePerSecond: 20, classify, keyPauseMs: 10 });
	expect(results.map((r) => r.value)).toEqual(jobs.map((_, i) => i));
	for (let i = 20; i < starts.length; i++) expect(starts[i] - starts[i - 20]).toBeGreaterThanOrEqual(950);
});

test('jobs of one key run one after another in order, other keys go ahead meanwhile', async () => {
	const log = [];
	let active = 0;
	const job = (key, n, ms) => ({
		key,
		run: async () => {
			active += 1;
			if (key === 'a') expect(active).toBeLessThanOrEqual(2);
			log.push(`${key}${n}`);
			await new Promise((r) => setTimeout(r, ms));
			active -= 1;
			return `${key}${n}`;
		},
	});
	const { results } = await runPaced([job('a', 1, 50), job('a', 2, 5), job('b', 1, 5), job('a', 3, 5)], { ratePerSecond: 1000, classify, keyPauseMs: 5 });
	expect(results.map((r) => r.value)).toEqual(['a1', 'a2', 'b1', 'a3']);
	expect(log.indexOf('b1')).toBeLessThan(log.indexOf('a2'));
	expect(log.filter((x) => x.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
});

test('refusals are retried (rate refusals slow down, key refusals pause the key); final failures are not', async () => {
	const attempts = { rate: 0, key: 0, final: 0 };
	const failing = (kind, times) => ({
		key: kind,
		run: async () => {
			attempts[kind] += 1;
			if (attempts[kind] <= times) throw refusal(kind === 'final' ? undefined : kind);
			return kind;
		},
	});
	const runner = new PacedRunner({ ratePerSecond: 40, classify, keyPauseMs: 20 });
	const [rate, key, final] = await Promise.all([runner.add(failing('rate', 4)), runner.add(failing('key', 2)), runner.add(failing('final', 1))]);
	expect(rate).toMatchObject({ ok: true, value: 'rate', refusals: 4 });
	expect(key).toMatchObject({ ok: true, value: 'key', refusals: 2 });
	expect(final).toMatchObject({ ok: false, refusals: 0 });
	expect(attempts).toEqual({ rate: 5, key: 3, final: 1 });
	expect(runner.report).toMatchObject({ rateRefusals: 4, keyRefusals: 2 });
	expect(runner.report.lowestRate).toBeLessThan(40);
});

test('with stopOnFailure nothing starts after a final failure', async () => {
	const ran = [];
	const jobs = [0, 1, 2, 3].map((i) => ({ key: 'same', run: async () => { ran.push(i); if (i === 1) throw new Error('boom'); return i; } }));
	const { results } = await runPaced(jobs, { ratePerSecond: 1000, classify, keyPauseMs: 1, stopOnFailure: true });
	expect(ran).toEqual([0, 1]);
	expect(results.map((r) => (r.ok ? 'ok' : r.skipped ? 'skipped' : 'failed'))).toEqual(['ok', 'failed', 'skipped', 'skipped']);
});

// Schedules on jest's fake clock: timers fire exactly when due unless a test moves the clock past them (a busy
// event loop), so the start times below are the pacer's schedule itself, not the machine's timing.
describe('schedule (fake clock)', () => {
	const T0 = 1_000_000;
	beforeEach(() => jest.useFakeTimers({ now: T0 }));
	afterEach(() => jest.useRealTimers());

	/** Jobs that record their start time; `fail(attempt)` may throw a refusal. */
	function recorder() {
		const starts = [];
		const job = (key, fail = () => undefined) => {
			let attempt = 0;
			return { key, run: async () => (starts.push({ key, at: Date.now() - T0 }), fail(attempt++), key) };
		};
		return { starts, job };
	}
	const maxInWindow = (times, windowMs) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

	test('from the first start on, starts are evenly spaced with 1% room per second: no catch-up burst after idling', async () => {
		const { starts, job } = recorder();
		const done = runPaced(Array.from({ length: 30 }, (_, i) => job(`k${i}`)), { ratePerSecond: 10, classify, keyPauseMs: 1 });
		await jest.runAllTimersAsync();
		await done;
		const times = starts.map((s) => s.at);
		expect(times[0]).toBe(0);
		times.slice(1).forEach((t, i) => expect(t - times[i]).toBeGreaterThanOrEqual(100));
		for (let i = 10; i < times.length; i++) expect(times[i] - times[i - 10]).toBeGreaterThanOrEqual(1010);
	});

	test('after a stall (busy event loop) the pacer catches up at most to the rolling-second count, never closer than half an interval', async () => {
		const { starts, job } = recorder();
		const done = runPaced(Array.from({ length: 40 }, (_, i) => job(`k${i}`)), { ratePerSecond: 20, classify, keyPauseMs: 1 });
		await jest.advanceTimersByTimeAsync(500);
		jest.setSystemTime(Date.now() + 400); // the thread was busy for 400 ms: timers fire late
		await jest.runAllTimersAsync();
		await done;
		const times = starts.map((s) => s.at);
		expect(times).toHaveLength(40);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		expect(gaps.some((g) => g < 50)).toBe(true); // it did catch up...
		gaps.forEach((g) => expect(g).toBeGreaterThanOrEqual(25)); // ...at no more than twice the rate
		expect(maxInWindow(times, 1010)).toBeLessThanOrEqual(20); // and never beyond the rate in any second (+ room)
	});

	test('a job refused as too fast takes the next slot, ahead of the jobs queued behind it', async () => {
		const { starts, job } = recorder();
		const tooFast = (attempt) => {
			if (attempt === 0) throw refusal('rate');
		};
		const done = runPaced([job('a', tooFast), job('b'), job('c'), job('d')], { ratePerSecond: 10, classify, keyPauseMs: 1 });
		await jest.runAllTimersAsync();
		const { results } = await done;
		expect(starts.map((s) => s.key)).toEqual(['a', 'a', 'b', 'c', 'd']);
		expect(results.map((r) => r.refusals)).toEqual([1, 0, 0, 0]);
	});

	test('refusals of starts sent before a slow-down do not slow down again: one cut for one burst of refusals', async () => {
		// Every job's first attempt is answered "too fast" 100 ms later (the round trip), so the answers for all ten
		// first attempts arrive after the third has already cut the rate.
		const runner = new PacedRunner({ ratePerSecond: 100, classify, keyPauseMs: 1 });
		const attempts = new Map();
		const slowRefusal = (key) => ({
			key,
			run: async () => {
				const n = attempts.get(key) || 0;
				attempts.set(key, n + 1);
				await new Promise((resolve) => setTimeout(resolve, 100));
				if (n === 0) throw refusal('rate');
				return key;
			},
		});
		const done = Promise.all(Array.from({ length: 10 }, (_, i) => runner.add(slowRefusal(`k${i}`))));
		await jest.runAllTimersAsync();
		const results = await done;
		expect(results.every((r) => r.ok && r.refusals === 1)).toBe(true);
		expect(runner.report.rateRefusals).toBe(10);
		expect(runner.report.lowestRate).toBeCloseTo(90, 5); // 100 × 0.9 once, not 100 × 0.9³
	});

	test('at 80 per second three refusals within a second are jitter (no slow-down); one start in twenty refused is a lower limit', async () => {
		const refusedFirst = (count) => {
			const runner = new PacedRunner({ ratePerSecond: 80, classify, keyPauseMs: 1 });
			const { job } = recorder();
			const tooFast = (attempt) => {
				if (attempt === 0) throw refusal('rate');
			};
			const done = Promise.all(Array.from({ length: 40 }, (_, i) => runner.add(job(`k${i}`, i < count ? tooFast : undefined))));
			return { runner, done };
		};
		const jitter = refusedFirst(3);
		await jest.runAllTimersAsync();
		await jitter.done;
		expect(jitter.runner.report).toMatchObject({ rateRefusals: 3, lowestRate: 80 });
		const lower = refusedFirst(4);
		await jest.runAllTimersAsync();
		await lower.done;
		expect(lower.runner.report.rateRefusals).toBe(4);
		expect(lower.runner.report.lowestRate).toBeCloseTo(72, 5);
	});

	test('a producer waiting for room stays just ahead of the slots: never more than the limit queued', async () => {
		const { starts, job } = recorder();
		const runner = new PacedRunner({ ratePerSecond: 10, classify, keyPauseMs: 1 });
		let added = 0;
		let mostAhead = 0;
		const produce = (async () => {
			const pending = [];
			for (let i = 0; i < 12; i++) {
				await runner.room(3);
				mostAhead = Math.max(mostAhead, added - starts.length);
				pending.push(runner.add(job(`k${i}`)));
				added += 1;
			}
			return await Promise.all(pending);
		})();
		await jest.runAllTimersAsync();
		const results = await produce;
		expect(results.map((r) => r.value)).toEqual(Array.from({ length: 12 }, (_, i) => `k${i}`));
		expect(mostAhead).toBeLessThanOrEqual(3);
		expect(starts.map((s) => s.key)).toEqual(results.map((r) => r.value));
	});
});
