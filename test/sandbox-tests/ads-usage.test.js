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
	test('insights calls report BUC (ads_insights), ad-account and insights-throttle usage, as configured', async () => {
		ctx.sandbox.admin.setUsage({ scope: act(), call_count: 42, acc_id_util_pct: 61.5, reset_time_duration: 120, app_id_util_pct: 12, insights_acc_id_util_pct: 70 });
		const res = await get(`/${act()}/insights`);
		expect(res.status).toBe(200);
		expect(json(res, 'X-Business-Use-Case-Usage')[act()][0]).toMatchObject({ type: 'ads_insights', call_count: 42, estimated_time_to_regain_access: 0 });
		expect(json(res, 'X-Ad-Account-Usage')).toEqual({ acc_id_util_pct: 61.5, reset_time_duration: 120, ads_api_access_tier: 'standard_access' });
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
