'use strict';
// Pure helpers of the Meta Ads node and the pacing extension of the shared layer (built files in dist/).
const path = require('path');
const dist = (p) => require(path.resolve(__dirname, '../../dist/nodes', p));
const { simplifyRow } = dist('MetaAds/helpers/simplify');
const { normaliseAdAccountId } = dist('MetaAds/helpers/accountIds');
const { paceDelayMs, retryBackoffMs, DEFAULT_RETRY_POLICY } = dist('shared/backoff');
const { readUsageHeaders } = dist('shared/usage');

describe('simplifyRow', () => {
	test('the same action type in two fields, row after row, keeps each field\'s own columns (column names are remembered per field)', () => {
		const row = () => ({
			actions: [{ action_type: 'purchase', value: '2', '7d_click': '1' }],
			action_values: [{ action_type: 'purchase', value: '19.90' }],
			cost_per_action_type: [{ action_type: 'purchase', action_destination: 'web shop', value: '4.5' }],
		});
		for (let i = 0; i < 3; i++) {
			expect(simplifyRow(row(), [])).toEqual({
				actions_purchase: 2,
				actions_purchase_7d_click: 1,
				action_values_purchase: 19.9,
				cost_per_action_type_purchase_web_shop: 4.5,
			});
		}
	});

	test('numbers become numbers; IDs, dates and breakdown values stay text; action lists become columns', () => {
		const row = {
			account_id: '123',
			campaign_id: '120200000000010001',
			impressions: '361324',
			spend: '5339.5',
			ctr: '1.140250',
			frequency_value: '2',
			date_start: '2026-08-01',
			actions: [
				{ action_type: 'link_click', value: '3982', '1d_click': '2100' },
				{ action_type: 'offsite_conversion.fb_pixel_purchase', action_device: 'iphone', value: '41' },
			],
			purchase_roas: [{ action_type: 'omni_purchase', value: '3.25' }],
		};
		expect(simplifyRow(row, ['frequency_value'])).toEqual({
			account_id: '123',
			campaign_id: '120200000000010001',
			impressions: 361324,
			spend: 5339.5,
			ctr: 1.14025,
			frequency_value: '2',
			date_start: '2026-08-01',
			actions_link_click: 3982,
			actions_link_click_1d_click: 2100,
			actions_offsite_conversion_fb_pixel_purchase_iphone: 41,
			purchase_roas_omni_purchase: 3.25,
		});
	});

	test('only plain decimals become numbers: signs, fractions and leading zeros yes; exponents, spaces, bare dots and empty text stay text', () => {
		const values = { a: '-3.25', b: '007', c: '12', d: '1e5', e: ' 12', f: '1.', g: '.5', h: '-', i: '', j: '1.2.3', k: '١٢', l: 'Infinity' };
		expect(simplifyRow(values, [])).toEqual({ a: -3.25, b: 7, c: 12, d: '1e5', e: ' 12', f: '1.', g: '.5', h: '-', i: '', j: '1.2.3', k: '١٢', l: 'Infinity' });
	});
});

describe('normaliseAdAccountId', () => {
	test.each([
		['act_123', 'act_123'],
		['123', 'act_123'],
		[' act_42 ', 'act_42'],
		['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=987&nav=x', 'act_987'],
		['my account', undefined],
		['act_12a', undefined],
	])('%s → %s', (input, expected) => {
		expect(normaliseAdAccountId(input)).toBe(expected);
	});
});

describe('pacing within the ad-account usage window', () => {
	test('the slow-down pause never exceeds the time until the usage window resets', () => {
		expect(paceDelayMs(100, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.slowDownMaxDelayMs);
		expect(paceDelayMs(100, DEFAULT_RETRY_POLICY, 2000)).toBe(2000);
		expect(paceDelayMs(87.5, DEFAULT_RETRY_POLICY, 2000)).toBe(1000);
		expect(paceDelayMs(50, DEFAULT_RETRY_POLICY, 2000)).toBe(0);
	});

	test('rate limits may back off from their own longer first step; other failures keep the base step', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, quotaBaseDelayMs: 60_000 };
		expect(retryBackoffMs(0, policy, 'quota', () => 1)).toBe(60_000);
		expect(retryBackoffMs(1, policy, 'quota', () => 0)).toBe(60_000);
		expect(retryBackoffMs(0, policy, 'retry_later', () => 1)).toBe(1000);
		expect(retryBackoffMs(0, DEFAULT_RETRY_POLICY, 'quota', () => 1)).toBe(1000);
	});

	test('X-Ad-Account-Usage gives the window reset; the three ads headers give the highest percentage', () => {
		const usage = readUsageHeaders({
			'x-business-use-case-usage': JSON.stringify({ act_1: [{ type: 'ads_insights', call_count: 40, total_time: 10, total_cputime: 5, estimated_time_to_regain_access: 0 }] }),
			'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 55, reset_time_duration: 30 }),
			'x-fb-ads-insights-throttle': JSON.stringify({ app_id_util_pct: 80, acc_id_util_pct: 10 }),
		});
		expect(usage).toMatchObject({ maxPercent: 80, windowResetMs: 30_000, source: 'X-FB-Ads-Insights-Throttle' });
	});
});
