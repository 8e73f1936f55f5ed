'use strict';
// Meta Ads through real WorkflowExecute: async report failure and skip, rate-limit waits shown in the call log,
// slowing down before the limit, giving up with how long the account is blocked.
const { useFixture } = require('../support/fixture');
const { runInsights, adsCallLog } = require('../support/ads');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
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
			expect(calls).toHaveLength(4);
			return calls.slice(1).map((c, i) => c.at - calls[i].at);
		};
		// At 95% of the limit the pause is (95-75)/25 of the 1 s until the window resets = 800 ms between pages.
		for (const gap of await gapsAt(95)) expect(gap).toBeGreaterThanOrEqual(750);
		for (const gap of await gapsAt(10)) expect(gap).toBeLessThan(300);
	});
});
