'use strict';
// Synchronous insights: deterministic synthetic rows honouring fields, level, breakdowns, action breakdowns,
// attribution windows, time increments, date presets / ranges, filtering, sort and paging; oversized requests refused.
const { useAdsSandbox } = require('./ads-fixture');

const sandbox = useAdsSandbox();
let ctx;
beforeEach(() => {
	ctx = sandbox();
});

const insights = (id, params = {}) => ctx.api.get(ctx.fb(`/${id}/insights`), { params: { access_token: ctx.seed.tokens.adaUser, ...params } });
const account = () => ctx.seed.adAccount.id;

async function allRows(id, params) {
	const rows = [];
	let res = await insights(id, params);
	for (;;) {
		expect(res.status).toBe(200);
		rows.push(...res.data.data);
		if (!res.data.paging || !res.data.paging.next) return { rows, last: res };
		res = await ctx.api.get(res.data.paging.next.replace(ctx.url, ''));
	}
}

const sum = (rows, field) => rows.reduce((n, r) => n + Number(r[field]), 0);

describe('insights rows', () => {
	test('ad-level daily rows: one per ad per day, numbers as strings, paged to the end with opaque cursors', async () => {
		const { rows } = await allRows(account(), { level: 'ad', fields: 'ad_id,ad_name,impressions,spend,ctr', time_increment: 1, date_preset: 'last_7d', limit: 50 });
		expect(rows).toHaveLength(16 * 7);
		for (const r of rows) {
			expect(r.impressions).toMatch(/^\d+$/);
			expect(r.spend).toMatch(/^\d+(\.\d{1,2})?$/);
			expect(r.ctr).toMatch(/^\d+\.\d{6}$/);
			expect(r.date_start).toBe(r.date_stop);
		}
		expect(new Set(rows.map((r) => r.ad_id)).size).toBe(16);
		expect(new Set(rows.map((r) => r.date_start)).size).toBe(7);
	});

	test('rows are deterministic and levels add up (campaign = sum of its ads)', async () => {
		const { springSale } = ctx.seed.adAccount.campaigns;
		const params = { fields: 'impressions,clicks,spend', date_preset: 'last_30d' };
		const campaignRow = (await insights(springSale, params)).data.data;
		expect(campaignRow).toHaveLength(1);
		expect((await insights(springSale, params)).data.data).toEqual(campaignRow);
		const adRows = (await insights(springSale, { ...params, level: 'ad' })).data.data;
		expect(adRows).toHaveLength(4);
		expect(sum(adRows, 'impressions')).toBe(Number(campaignRow[0].impressions));
		expect(sum(adRows, 'clicks')).toBe(Number(campaignRow[0].clicks));
	});

	test('identity fields follow the level; date_start/date_stop are always there', async () => {
		const [row] = (await insights(account(), { level: 'campaign', fields: 'campaign_id,campaign_name,ad_id,account_name,objective', date_preset: 'yesterday', limit: 1 })).data.data;
		expect(Object.keys(row).sort()).toEqual(['account_name', 'campaign_id', 'campaign_name', 'date_start', 'date_stop', 'objective']);
	});

	test('breakdowns split rows by value; invalid breakdowns and combinations are refused', async () => {
		const res = await insights(account(), { fields: 'impressions', breakdowns: 'age,gender', date_preset: 'last_7d', limit: 100 });
		expect(res.data.data).toHaveLength(18);
		expect(res.data.data[0]).toMatchObject({ age: '18-24', gender: 'female' });
		const hourly = await insights(account(), { fields: 'impressions', breakdowns: 'hourly_stats_aggregated_by_advertiser_time_zone', date_preset: 'yesterday', limit: 100 });
		expect(hourly.data.data).toHaveLength(24);
		expect(hourly.data.data[13].hourly_stats_aggregated_by_advertiser_time_zone).toBe('13:00:00 - 13:59:59');
		for (const breakdowns of ['impression_device', 'age,country', 'nonsense']) {
			const bad = await insights(account(), { breakdowns });
			expect(bad.data.error).toMatchObject({ code: 100 });
		}
	});

	test('actions carry action breakdowns and the requested attribution windows (7d_view is no longer returned)', async () => {
		const [row] = (
			await insights(account(), { fields: 'actions,action_values', action_breakdowns: 'action_type,action_device', action_attribution_windows: '["1d_click","7d_view"]', date_preset: 'last_7d' })
		).data.data;
		const link = row.actions.filter((a) => a.action_type === 'link_click');
		expect(link.map((a) => a.action_device)).toEqual(['desktop', 'iphone', 'android_smartphone', 'ipad']);
		for (const a of link) {
			expect(a.value).toMatch(/^\d+$/);
			expect(a['1d_click']).toMatch(/^\d+$/);
			expect(a).not.toHaveProperty('7d_view');
		}
		expect(row.action_values.some((a) => a.action_type === 'purchase')).toBe(true);
	});

	test('time increments: monthly, N days, all days; time_range; too old and reversed ranges refused', async () => {
		const base = { fields: 'impressions', time_range: JSON.stringify({ since: '2026-01-10', until: '2026-03-05' }) };
		const monthly = (await insights(account(), { ...base, time_increment: 'monthly' })).data.data;
		expect(monthly.map((r) => [r.date_start, r.date_stop])).toEqual([
			['2026-01-10', '2026-01-31'],
			['2026-02-01', '2026-02-28'],
			['2026-03-01', '2026-03-05'],
		]);
		const weekly = (await insights(account(), { ...base, time_increment: 7, limit: 100 })).data.data;
		expect(weekly).toHaveLength(8);
		expect(weekly[7]).toMatchObject({ date_start: '2026-02-28', date_stop: '2026-03-05' });
		const all = (await insights(account(), base)).data.data;
		expect(Number(all[0].impressions)).toBe(sum(monthly, 'impressions'));
		const old = await insights(account(), { time_range: JSON.stringify({ since: '2020-01-01', until: '2020-01-02' }) });
		expect(old.data.error).toMatchObject({ code: 3018 });
		const reversed = await insights(account(), { time_range: JSON.stringify({ since: '2026-02-01', until: '2026-01-01' }) });
		expect(reversed.data.error).toMatchObject({ code: 100 });
		expect((await insights(account(), { time_increment: 91 })).data.error).toMatchObject({ code: 100 });
	});

	test('filtering on objects and on metrics, and sort', async () => {
		const { retargeting } = ctx.seed.adAccount.campaigns;
		const byCampaign = (await insights(account(), { level: 'ad', fields: 'campaign_id', filtering: JSON.stringify([{ field: 'campaign.id', operator: 'IN', value: [retargeting] }]) })).data.data;
		expect(byCampaign).toHaveLength(4);
		const params = { level: 'ad', fields: 'ad_id,impressions', date_preset: 'yesterday', limit: 100 };
		const every = (await insights(account(), params)).data.data;
		const median = every.map((r) => Number(r.impressions)).sort((a, b) => a - b)[8];
		const filtered = (
			await insights(account(), { ...params, sort: 'impressions_descending', filtering: JSON.stringify([{ field: 'ad.impressions', operator: 'GREATER_THAN', value: median }]) })
		).data.data;
		expect(filtered.length).toBe(every.filter((r) => Number(r.impressions) > median).length);
		const values = filtered.map((r) => Number(r.impressions));
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	test('unknown fields are refused the way Meta words it', async () => {
		const res = await insights(account(), { fields: 'impressions,nope' });
		expect(res.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/nope is not valid for fields param/) });
	});

	test('an oversized synchronous request is refused with 100/1487534; rows of huge accounts are generated per page', async () => {
		ctx.sandbox.admin.seed({ adAccounts: [{ id: '900000000000007', userIds: [ctx.seed.users.ada.id], structure: { campaigns: 10, adsetsPerCampaign: 10, adsPerAdset: 10 } }] });
		const big = { level: 'ad', fields: 'ad_id,impressions', time_increment: 1, date_preset: 'maximum' };
		const refused = await insights('act_900000000000007', big);
		expect(refused.data.error).toMatchObject({ code: 100, error_subcode: 1487534, message: expect.stringMatching(/reduce the amount of data/) });
		ctx.sandbox.admin.settings({ adsInsightsSyncMaxRows: 10_000_000 });
		const page = await insights('act_900000000000007', { ...big, limit: 500 });
		expect(page.data.data).toHaveLength(500);
		expect(page.data.paging.next).toBeDefined();
	});
});
