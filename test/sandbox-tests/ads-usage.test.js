'use strict';
// Ads usage headers (X-Business-Use-Case-Usage, X-Ad-Account-Usage, x-fb-ads-insights-throttle) and scripted
// throttling with 17, 613, 4 and 80000/80004 carrying estimated_time_to_regain_access.
const { useAdsSandbox } = require('./ads-fixture');

const sandbox = useAdsSandbox();
let ctx;
beforeEach(() => {
	ctx = sandbox();
});

const act = () => ctx.seed.adAccount.id;
const get = (...args) => ctx.get(...args);
const json = (res, name) => JSON.parse(res.headers[name.toLowerCase()]);

describe('ads usage headers', () => {
	test('insights calls report BUC (ads_insights), ad-account and insights-throttle usage: as configured plus this call', async () => {
		ctx.sandbox.admin.setUsage({ scope: act(), call_count: 42, acc_id_util_pct: 61.5, reset_time_duration: 120, app_id_util_pct: 12, insights_acc_id_util_pct: 70 });
		const res = await get(`/${act()}/insights`);
		expect(res.status).toBe(200);
		expect(json(res, 'X-Business-Use-Case-Usage')[act()][0]).toMatchObject({ type: 'ads_insights', call_count: 42, estimated_time_to_regain_access: 0 });
		const account = json(res, 'X-Ad-Account-Usage');
		expect(account).toMatchObject({ reset_time_duration: 120, ads_api_access_tier: 'standard_access' });
		expect(account.acc_id_util_pct).toBeGreaterThan(61.5);
		expect(account.acc_id_util_pct).toBeLessThan(61.6);
		expect(json(res, 'x-fb-ads-insights-throttle')).toEqual({ app_id_util_pct: 12, acc_id_util_pct: 70, ads_api_access_tier: 'standard_access' });
	});

	test('management calls count as ads_management and carry no insights throttle header', async () => {
		const res = await get(`/${act()}/campaigns`);
		expect(json(res, 'X-Business-Use-Case-Usage')[act()][0].type).toBe('ads_management');
		expect(res.headers['x-ad-account-usage']).toBeDefined();
		expect(res.headers['x-fb-ads-insights-throttle']).toBeUndefined();
	});

	test.each([
		[80000, 2446079],
		[17, 2446079],
		[613, undefined],
		[4, undefined],
	])('a throttle %s on insights says how long the account is blocked', async (code, subcode) => {
		ctx.sandbox.admin.addFault({ match: { path: `/${act()}/insights` }, kind: 'throttle', code, regainAfterMinutes: 7 });
		const res = await get(`/${act()}/insights`);
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code, is_transient: true });
		expect(res.data.error.error_subcode).toBe(subcode);
		expect(json(res, 'X-Business-Use-Case-Usage')[act()][0]).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 7 });
		expect(json(res, 'X-Ad-Account-Usage')).toMatchObject({ acc_id_util_pct: 100, reset_time_duration: 420 });
		expect(json(res, 'x-fb-ads-insights-throttle')).toMatchObject({ acc_id_util_pct: 100 });
		expect((await get(`/${act()}/insights`)).status).toBe(200);
	});

	test('a throttle without a code picks the use case of the call (80000 insights, 80004 management)', async () => {
		ctx.sandbox.admin.addFault({ match: { path: '/**' }, kind: 'throttle', times: 2 });
		expect((await get(`/${act()}/insights`)).data.error.code).toBe(80000);
		expect((await get(`/${act()}/campaigns`)).data.error.code).toBe(80004);
	});
});

describe('usage that moves with the calls made (issue 13)', () => {
	test('each call raises its own counter: per ad account and use case, and X-App-Usage per app', async () => {
		ctx.sandbox.admin.settings({ usageBudgets: { ads_insights: 20, ads_management: 40 }, usageAppCallsPerWindow: 50 });
		const seen = [];
		for (let i = 0; i < 4; i++) {
			const res = await get(`/${act()}/insights`);
			seen.push([json(res, 'X-Business-Use-Case-Usage')[act()][0].call_count, json(res, 'X-Ad-Account-Usage').acc_id_util_pct, json(res, 'X-App-Usage').call_count]);
		}
		expect(seen).toEqual([
			[5, 5, 2],
			[10, 10, 4],
			[15, 15, 6],
			[20, 20, 8],
		]);
		const management = await get(`/${act()}/campaigns`);
		expect(json(management, 'X-Business-Use-Case-Usage')[act()][0]).toMatchObject({ type: 'ads_management', call_count: 2 });
		expect(json(management, 'X-App-Usage').call_count).toBe(10);
	});

	test('a full budget refuses the next call by itself (80000/2446079) with the wait, and frees up as the window rolls', async () => {
		ctx.sandbox.admin.settings({ usageBudgets: { ads_insights: 3 }, usageWindowSeconds: 600 });
		for (let i = 0; i < 3; i++) expect((await get(`/${act()}/insights`)).status).toBe(200);
		const refused = await get(`/${act()}/insights`);
		expect(refused.status).toBe(400);
		expect(refused.data.error).toMatchObject({ code: 80000, error_subcode: 2446079, is_transient: true });
		const entry = json(refused, 'X-Business-Use-Case-Usage')[act()][0];
		expect(entry).toMatchObject({ type: 'ads_insights', call_count: 100 });
		expect(entry.estimated_time_to_regain_access).toBe(10);
		expect(json(refused, 'X-Ad-Account-Usage')).toMatchObject({ acc_id_util_pct: 100, reset_time_duration: 600 });
		// Management calls have their own budget; the insights one frees up when the window has rolled on.
		expect((await get(`/${act()}/campaigns`)).status).toBe(200);
		ctx.sandbox.admin.advanceClock(601);
		expect((await get(`/${act()}/insights`)).status).toBe(200);
	});

	test('budgets follow Meta’s ads formula by default (600 + 400 × active ads per hour for insights)', async () => {
		const res = await get(`/${act()}/insights`);
		const percent = json(res, 'X-Ad-Account-Usage').acc_id_util_pct;
		expect(percent).toBeGreaterThan(0);
		expect(percent).toBeLessThan(1);
	});

	test('an app whose budget ran out gets code 4 on user-token calls', async () => {
		ctx.sandbox.admin.settings({ usageAppCallsPerWindow: 2 });
		expect((await get('/me')).status).toBe(200);
		expect((await get('/me')).status).toBe(200);
		const refused = await get('/me');
		expect(refused.data.error).toMatchObject({ code: 4, is_transient: true });
		expect(JSON.parse(refused.headers['x-app-usage']).call_count).toBe(100);
	});
});
