'use strict';
// Meta Ads → Insights → Get through real WorkflowExecute: each mode, each level, breakdowns and simplify.
const { useFixture } = require('../support/fixture');
const { runInsights, adsCallLog, locator } = require('../support/ads');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	// Report steps in milliseconds instead of seconds: the same states and stall, a quick run.
	fx.admin.settings({ adsReportTimeScale: 0.002 });
});

const AD_LEVEL = { level: 'ad', fields: ['ad_id', 'impressions', 'spend'] };

describe('modes', () => {
	test('auto: a small request is read directly, every page followed', async () => {
		const run = await runInsights(fx, { ...AD_LEVEL, options: { pageSize: 5 } });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(16);
		expect(new Set(run.items.map((r) => r.ad_id)).size).toBe(16);
		// Meta's pages may be short or empty with `next`: at least the 4 full pages' calls, all of them answered.
		const log = adsCallLog(fx);
		expect(log.length).toBeGreaterThanOrEqual(4);
		expect(new Set(log)).toEqual(new Set(['GET /act_900000000000001/insights 200']));
	});

	test('auto: when Meta says "reduce the amount of data" the same request runs as an async report', async () => {
		const direct = await runInsights(fx, AD_LEVEL);
		fx.admin.clearCalls();
		fx.admin.settings({ adsInsightsSyncMaxRows: 10 });
		const run = await runInsights(fx, AD_LEVEL);
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual(direct.items);
		const log = adsCallLog(fx);
		expect(log[0]).toBe('GET /act_900000000000001/insights 400');
		expect(log[1]).toBe('POST /act_900000000000001/insights 200');
		// Status polls, then the rows (a read right after completion may first answer 2601/1815107 and be retried).
		const rowsAt = log.findIndex((l) => l.startsWith('GET /{run}/insights'));
		expect(rowsAt).toBeGreaterThan(2);
		expect(log.slice(2, rowsAt).every((l) => l === 'GET /{run} 200')).toBe(true);
		expect(log.slice(rowsAt).every((l) => /^GET \/\{run\}\/insights (200|400)$/.test(l))).toBe(true);
		expect(log[log.length - 1]).toBe('GET /{run}/insights 200');
	});

	test('auto: a request known to be large goes straight to an async report', async () => {
		const run = await runInsights(fx, { ...AD_LEVEL, datePreset: 'maximum', timeIncrement: '1', returnAll: false, limit: 30 });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(30);
		const log = adsCallLog(fx);
		expect(log[0]).toBe('POST /act_900000000000001/insights 200');
		expect(log).not.toContain('GET /act_900000000000001/insights 200');
	});

	test('always async: rows are read only after "Job Completed", not at the first 100%', async () => {
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'async' } });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(16);
		const polls = fx.calls().filter((c) => /^\/60\d+$/.test(c.path));
		const created = fx.calls().find((c) => c.method === 'POST');
		const rowsCall = fx.calls().find((c) => /^\/60\d+\/insights$/.test(c.path));
		// The default script: 30 s to reach 100%, 150 s stalled there, then Job Completed (times 0.002 here).
		expect(rowsCall.seq).toBeGreaterThan(polls[polls.length - 1].seq);
		expect(rowsCall.at - created.at).toBeGreaterThanOrEqual(180 * 0.002 * 1000);
	});

	test('sync only: Meta’s refusal ends the run with its plain-words error, no report is started', async () => {
		fx.admin.settings({ adsInsightsSyncMaxRows: 10 });
		const run = await runInsights(fx, { ...AD_LEVEL, options: { mode: 'sync' } });
		expect(run.error.context.metaError).toMatchObject({ code: 100, subcode: 1487534 });
		expect(run.error.description).toMatch(/too much data/);
		expect(run.error.description).toMatch(/Mode to Auto/);
		expect(adsCallLog(fx)).toEqual(['GET /act_900000000000001/insights 400']);
	});
});

describe('levels and objects', () => {
	test.each([
		['account', 1, 'account_id'],
		['campaign', 4, 'campaign_id'],
		['adset', 8, 'adset_id'],
		['ad', 16, 'ad_id'],
	])('account insights at level %s: %i rows', async (level, count, idField) => {
		const run = await runInsights(fx, { level, fields: [idField, 'impressions'] });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(count);
		expect(new Set(run.items.map((r) => r[idField])).size).toBe(count);
		expect(fx.calls({ path: '/act_900000000000001/insights' })[0].query).toMatchObject({ level, date_preset: 'last_7d', time_increment: 'all_days' });
	});

	test('campaign, ad set and ad are picked by ID; their insights add up to the campaign’s', async () => {
		const { springSale } = fx.seed.adAccount.campaigns;
		const campaign = await runInsights(fx, { insightsOf: 'campaign', campaign: locator(springSale), fields: ['impressions'], simplify: true });
		const perAdSet = await runInsights(fx, { insightsOf: 'campaign', campaign: locator(springSale), level: 'adset', fields: ['adset_id', 'impressions'], simplify: true });
		expect(perAdSet.items).toHaveLength(2);
		expect(perAdSet.items[0].impressions + perAdSet.items[1].impressions).toBe(campaign.items[0].impressions);
		const adSet = await runInsights(fx, { insightsOf: 'adset', adSet: locator(perAdSet.items[0].adset_id), level: 'ad', fields: ['ad_id', 'impressions'] });
		expect(adSet.items).toHaveLength(2);
		const ad = await runInsights(fx, { insightsOf: 'ad', ad: locator(adSet.items[0].ad_id), fields: ['impressions'], timeIncrement: '1' });
		expect(ad.items).toHaveLength(7);
		expect(fx.calls().some((c) => c.path === `/${adSet.items[0].ad_id}/insights`)).toBe(true);
	});

	test('a level above the chosen object, a bad range or a lone Impression Device is refused before any call', async () => {
		const { springSale } = fx.seed.adAccount.campaigns;
		fx.admin.clearCalls();
		const cases = [
			[{ insightsOf: 'campaign', campaign: locator(springSale), level: 'account' }, /above the selected campaign/],
			[{ datePreset: 'custom', since: '2026-03-02', until: '2026-03-01' }, /Since is after Until/],
			[{ breakdowns: ['impression_device'] }, /needs Publisher Platform/],
			[{ adAccount: { __rl: true, mode: 'list', value: 'my account' } }, /not an ad account ID/],
			[{ timeIncrement: 'custom', timeIncrementDays: 2.5 }, /1 to 90/],
		];
		for (const [overrides, message] of cases) {
			const run = await runInsights(fx, overrides);
			expect(run.error.name).toBe('NodeOperationError');
			expect(run.error.message).toMatch(message);
		}
		expect(adsCallLog(fx)).toEqual([]);
	});
});

describe('breakdowns, time increments and simplify', () => {
	test('breakdowns give one item per value combination; custom range, weekly increments', async () => {
		const run = await runInsights(fx, {
			fields: ['impressions'],
			breakdowns: ['age', 'gender'],
			datePreset: 'custom',
			since: '2026-02-01T00:00:00.000Z',
			until: '2026-02-14T00:00:00.000Z',
			timeIncrement: '7',
			simplify: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2 * 18);
		expect(run.items[0]).toMatchObject({ age: '18-24', gender: 'female', date_start: '2026-02-01', date_stop: '2026-02-07' });
		expect(typeof run.items[0].impressions).toBe('number');
		const query = fx.calls({ path: '/act_900000000000001/insights' })[0].query;
		expect(query).toMatchObject({ breakdowns: 'age,gender', time_range: '{"since":"2026-02-01","until":"2026-02-14"}', time_increment: '7' });
	});

	test('simplify: numbers become numbers, IDs and dates stay text, actions become named columns', async () => {
		const raw = await runInsights(fx, { level: 'campaign', fields: ['campaign_id', 'impressions', 'spend', 'ctr', 'actions', 'action_values'], options: { attributionWindows: ['1d_click'] } });
		const simple = await runInsights(fx, { level: 'campaign', fields: ['campaign_id', 'impressions', 'spend', 'ctr', 'actions', 'action_values'], simplify: true, options: { attributionWindows: ['1d_click'] } });
		const [r] = raw.items;
		const [s] = simple.items;
		expect(typeof r.impressions).toBe('string');
		expect(s).toMatchObject({ campaign_id: r.campaign_id, impressions: Number(r.impressions), spend: Number(r.spend), ctr: Number(r.ctr), date_start: r.date_start });
		const link = r.actions.find((a) => a.action_type === 'link_click');
		expect(s.actions_link_click).toBe(Number(link.value));
		expect(s.actions_link_click_1d_click).toBe(Number(link['1d_click']));
		expect(s.action_values_purchase).toBe(Number(r.action_values.find((a) => a.action_type === 'purchase').value));
		expect(s).not.toHaveProperty('actions');
		expect(fx.calls({ path: '/act_900000000000001/insights' })[0].query.action_attribution_windows).toBe('["1d_click"]');
	});

	test('action breakdowns become part of the column name; filters and sort reach Meta', async () => {
		const run = await runInsights(fx, {
			level: 'ad',
			fields: ['ad_id', 'impressions', 'actions'],
			actionBreakdowns: ['action_type', 'action_device'],
			simplify: true,
			options: { sortField: 'impressions', sortDirection: 'descending', filters: { filter: [{ field: 'campaign.name', operator: 'CONTAIN', value: 'Spring' }] } },
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4);
		expect(run.items[0]).toHaveProperty('actions_link_click_iphone');
		const impressions = run.items.map((r) => r.impressions);
		expect(impressions).toEqual([...impressions].sort((a, b) => b - a));
		const query = fx.calls({ path: '/act_900000000000001/insights' })[0].query;
		expect(JSON.parse(query.filtering)).toEqual([{ field: 'campaign.name', operator: 'CONTAIN', value: 'Spring' }]);
		expect(query.sort).toBe('["impressions_descending"]');
	});
});
