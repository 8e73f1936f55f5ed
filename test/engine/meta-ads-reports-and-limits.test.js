'use strict';
// Meta Ads through real WorkflowExecute: async report failure and skip, rate-limit waits shown in the call log,
// slowing down before the limit, giving up with how long the account is blocked.
const { useFixture } = require('../support/fixture');
const { runInsights, adsCallLog, adsCredential } = require('../support/ads');
const { FAST_RETRY } = require('../support/fixture');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	// Report steps in milliseconds instead of seconds: the same states and stall, a quick run.
	fx.admin.settings({ adsReportTimeScale: 0.002 });
});

const INSIGHTS = '/act_900000000000001/insights';
const AD_LEVEL = { level: 'ad', fields: ['ad_id', 'impressions'] };

describe('async reports that do not complete', () => {
	test('Job Failed ends the run with Meta’s reason', async () => {
		fx.admin.settings({ adsReportScript: [{ status: 'Job Running', percent: 60 }, { status: 'Job Failed', percent: 60, error_message: 'Aggregation backend unavailable' }] });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.context.metaError).toMatchObject({ code: -2, subcode: 2490547, category: 'retry_later' });
		expect(run.error.description).toMatch(/Meta said: Aggregation backend unavailable/);
		expect(run.error.description).toMatch(/failed at 60%/);
		expect(adsCallLog(fx).filter((l) => l.includes('{run}/insights'))).toEqual([]);
	});

	test('Job Skipped ends the run saying to run it again', async () => {
		fx.admin.settings({ adsReportScript: [{ status: 'Job Not Started', percent: 0 }, { status: 'Job Skipped', percent: 0 }] });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error.context.metaError).toMatchObject({ category: 'retry_later' });
		expect(run.error.description).toMatch(/skipped background report \d+ .*run the workflow again/);
	});

	test('a report that never finishes stops at Max Report Wait with its ID', async () => {
		fx.admin.settings({ adsReportScript: [{ status: 'Job Running', percent: 100 }] });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async', maxReportWaitMinutes: 0.002 } });
		expect(run.error.description).toMatch(/Background report \d+ was still "Job Running" \(100%\)/);
	});

	test('a report too large for Meta fails with -3/1504045 and the advice to split it', async () => {
		fx.admin.settings({ adsInsightsAsyncMaxRows: 5 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error.context.metaError).toMatchObject({ code: -3, subcode: 1504045, category: 'fix_configuration' });
		expect(run.error.description).toMatch(/split it/);
	});

	test('with continue on fail the error becomes an item', async () => {
		fx.admin.settings({ adsReportScript: [{ status: 'Job Skipped', percent: 0 }] });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } }, { continueOnFail: true });
		expect(run.items).toHaveLength(1);
		expect(run.items[0].details).toMatchObject({ category: 'retry_later' });
	});
});

describe('reading a finished report', () => {
	test('2601/1815107 "Error accessing adreport job" right after Job Completed is waited out and retried (call log shows it)', async () => {
		fx.admin.settings({ adsReportRowsErrorShare: 1, adsReportRowsErrorTimes: 4 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(16);
		const log = adsCallLog(fx);
		const rowsAt = log.findIndex((l) => l.startsWith('GET /{run}/insights'));
		expect(log.slice(rowsAt, rowsAt + 5)).toEqual([...Array(4).fill('GET /{run}/insights 400'), 'GET /{run}/insights 200']);
		const reads = fx.calls().filter((c) => /^\/60\d+\/insights$/.test(c.path));
		// Growing pauses between the tries (back-off from the shared layer), not a tight loop.
		for (let i = 1; i < 5; i++) expect(reads[i].at - reads[i - 1].at).toBeGreaterThanOrEqual(400);
	}, 60_000);

	test('polling does not move a report: the node keeps asking through the stall at 100% and reads rows only after it', async () => {
		// 1.8 s of report time: long enough for several polls at the test's fast poll interval.
		fx.admin.settings({ adsReportRowsErrorShare: 0, adsReportTimeScale: 0.01 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error).toBeUndefined();
		const polls = fx.calls().filter((c) => /^\/60\d+$/.test(c.path));
		// Five scripted states; a sandbox that stepped once per poll would have completed by the fifth poll.
		expect(polls.length).toBeGreaterThan(5);
	});
});

describe('rate limits', () => {
	test.each([80000, 17, 613, 4])('throttle %i: the node waits the advised time, then carries on (call log shows the wait)', async (code) => {
		fx.admin.addFault({ match: { path: INSIGHTS }, kind: 'throttle', code, regainAfterMinutes: 0.01 });
		const run = await runInsights(fx, AD_LEVEL);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(16);
		const calls = fx.calls({ path: INSIGHTS });
		expect(calls.map((c) => c.status)).toEqual([400, 200]);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(600);
	});

	test('a throttle without an advised wait backs off from a minute, never longer than Max Rate Limit Wait', async () => {
		fx.admin.addFault({ match: { path: INSIGHTS }, kind: 'throttle', code: 613, regainAfterMinutes: 0 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { maxRateLimitWaitMinutes: 0.01 } });
		expect(run.error).toBeUndefined();
		const calls = fx.calls({ path: INSIGHTS });
		expect(calls.map((c) => c.status)).toEqual([400, 200]);
		// The one-minute back-off is cut to the 600 ms the node may wait (a 1 s default step could be 500 ms).
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(600);
	});

	test('when the account is blocked longer than the node may wait, it stops at once and says for how long', async () => {
		fx.admin.addFault({ match: { path: INSIGHTS }, kind: 'throttle', code: 80000, regainAfterMinutes: 30, times: 0 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { maxRateLimitWaitMinutes: 5 } });
		expect(run.error.context.metaError).toMatchObject({ code: 80000, category: 'quota' });
		expect(run.error.description).toMatch(/blocked for about 30 minute/);
		expect(run.error.failure).toMatchObject({ cause: 'rate-limited', retryAfterMs: 30 * 60_000 });
		expect(fx.calls({ path: INSIGHTS })).toHaveLength(1);
	});

	test('an outage on an account with a long usage window is retried after a short back-off, not reported as blocked', async () => {
		fx.admin.setUsage({ scope: 'act_900000000000001', acc_id_util_pct: 5, reset_time_duration: 3600 });
		fx.admin.addFault({ match: { path: INSIGHTS }, kind: 'http5xx', times: 1 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { maxRateLimitWaitMinutes: 5 } });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(16);
		const calls = fx.calls({ path: INSIGHTS });
		expect(calls.map((c) => c.status)).toEqual([500, 200]);
		expect(calls[1].at - calls[0].at).toBeLessThan(30_000);
	});

	test('calls slow down as the ad account nears its limit, before Meta refuses anything', async () => {
		const gapsAt = async (percent) => {
			fx.admin.setUsage({ scope: 'act_900000000000001', acc_id_util_pct: percent, reset_time_duration: 1 });
			fx.admin.clearCalls();
			const run = await runInsights(fx, { ...AD_LEVEL, options: { pageSize: 5 } });
			expect(run.items).toHaveLength(16);
			const calls = fx.calls({ path: INSIGHTS });
			expect(calls.length).toBeGreaterThanOrEqual(4);
			return calls.slice(1).map((c, i) => c.at - calls[i].at);
		};
		// At 95% of the limit the pause is (95-75)/25 of the 1 s until the window resets = 800 ms between pages.
		for (const gap of await gapsAt(95)) expect(gap).toBeGreaterThanOrEqual(750);
		for (const gap of await gapsAt(10)) expect(gap).toBeLessThan(300);
	});

	describe('budgets that run out under load (the sandbox throttles by itself)', () => {
		// A 4-second window with room for 12 insights calls, so a run of 16+ page reads fills it.
		const TIGHT = { usageWindowSeconds: 4, usageBudgets: { ads_insights: 12 } };

		test('without slowing down, the sandbox refuses with 80000 and the advised wait; the layer waits it and carries on', async () => {
			fx.admin.settings(TIGHT);
			const qs = { level: 'ad', fields: 'ad_id', date_preset: 'last_7d' };
			// Pacing off (slow-down threshold above 100%) to show the refusal that load alone causes.
			const run = await fx.probe(adsCredential(fx), { operation: 'paginate', path: 'act_900000000000001/insights', qs, returnAll: true, pageSize: 1, retry: { ...FAST_RETRY, slowDownFromPercent: 1000 } });
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(16);
			const calls = fx.calls({ path: INSIGHTS });
			const refused = calls.findIndex((c) => c.status === 400);
			expect(refused).toBeGreaterThanOrEqual(12);
			expect(calls[refused + 1].status).toBe(200);
			expect(calls[refused + 1].at - calls[refused].at).toBeGreaterThanOrEqual(500);
		});

		test('the Meta Ads node slows down as the usage headers climb, and gets every row', async () => {
			fx.admin.settings(TIGHT);
			const run = await runInsights(fx, { ...AD_LEVEL, options: { pageSize: 1 } });
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(16);
			const calls = fx.calls({ path: INSIGHTS });
			const gaps = calls.slice(1).map((c, i) => c.at - calls[i].at);
			// Below 75% of the budget (the first 9 calls) no pause; above it, pauses that let the window roll on.
			for (const gap of gaps.slice(0, 8)) expect(gap).toBeLessThan(400);
			expect(Math.max(...gaps.slice(8))).toBeGreaterThanOrEqual(500);
			expect(calls.filter((c) => c.status === 400).length).toBeLessThanOrEqual(1);
		}, 60_000);
	});
});
