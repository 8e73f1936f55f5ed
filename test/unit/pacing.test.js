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
	const runner = new PacedRunner({ ratePerSecond: 200, classify, keyPauseMs: 20 });
	const [rate, key, final] = await Promise.all([runner.add(failing('rate', 4)), runner.add(failing('key', 2)), runner.add(failing('final', 1))]);
	expect(rate).toMatchObject({ ok: true, value: 'rate', refusals: 4 });
	expect(key).toMatchObject({ ok: true, value: 'key', refusals: 2 });
	expect(final).toMatchObject({ ok: false, refusals: 0 });
	expect(attempts).toEqual({ rate: 5, key: 3, final: 1 });
	expect(runner.report).toMatchObject({ rateRefusals: 4, keyRefusals: 2 });
	expect(runner.report.lowestRate).toBeLessThan(200);
});

test('with stopOnFailure nothing starts after a final failure', async () => {
	const ran = [];
	const jobs = [0, 1, 2, 3].map((i) => ({ key: 'same', run: async () => { ran.push(i); if (i === 1) throw new Error('boom'); return i; } }));
	const { results } = await runPaced(jobs, { ratePerSecond: 1000, classify, keyPauseMs: 1, stopOnFailure: true });
	expect(ran).toEqual([0, 1]);
	expect(results.map((r) => (r.ok ? 'ok' : r.skipped ? 'skipped' : 'failed'))).toEqual(['ok', 'failed', 'skipped', 'skipped']);
});
