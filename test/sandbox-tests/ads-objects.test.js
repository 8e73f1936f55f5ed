'use strict';
// Campaign / ad set / ad lists: effective_status and filtering, opaque cursors, object reads.
const { useAdsSandbox } = require('./ads-fixture');

const sandbox = useAdsSandbox();
let ctx;
beforeEach(() => {
	ctx = sandbox();
	// These check list contents, filters and cursors page by page; production paging is tested in paging.test.js.
	ctx.sandbox.admin.settings({ pagingShortPages: false });
});

const get = (...args) => ctx.get(...args);
const account = () => ctx.seed.adAccount.id;
const names = (res) => res.data.data.map((o) => o.name);

describe('campaigns, ad sets and ads', () => {
	test('lists leave archived and deleted objects out unless effective_status asks for them', async () => {
		expect(names(await get(`/${account()}/campaigns`, { fields: 'name' }))).toEqual(['Spring Sale', 'Brand Awareness', 'Retargeting']);
		const archived = await get(`/${account()}/campaigns`, { fields: 'name,effective_status', effective_status: '["ARCHIVED"]' });
		expect(archived.data.data).toEqual([{ name: 'Old Promo', effective_status: 'ARCHIVED', id: ctx.seed.adAccount.campaigns.oldPromo }]);
	});

	test('children of a paused campaign are CAMPAIGN_PAUSED; status filters work on every edge', async () => {
		const { brandAwareness } = ctx.seed.adAccount.campaigns;
		const adsets = await get(`/${brandAwareness}/adsets`, { fields: 'name,status,effective_status,campaign_id' });
		expect(adsets.data.data).toHaveLength(2);
		for (const s of adsets.data.data) expect(s).toMatchObject({ status: 'ACTIVE', effective_status: 'CAMPAIGN_PAUSED', campaign_id: brandAwareness });
		const paused = await get(`/${account()}/ads`, { fields: 'name', effective_status: '["CAMPAIGN_PAUSED"]' });
		expect(names(paused)).toEqual(['Brand Awareness · Ad Set 1 · Ad 1', 'Brand Awareness · Ad Set 1 · Ad 2', 'Brand Awareness · Ad Set 2 · Ad 1', 'Brand Awareness · Ad Set 2 · Ad 2']);
	});

	test('filtering by name and by parent; lists page with opaque cursors', async () => {
		const filtered = await get(`/${account()}/adsets`, { fields: 'name', filtering: JSON.stringify([{ field: 'campaign.name', operator: 'CONTAIN', value: 'retarget' }]) });
		expect(names(filtered)).toEqual(['Retargeting · Ad Set 1', 'Retargeting · Ad Set 2']);
		const first = await get(`/${account()}/ads`, { fields: 'name', limit: 5 });
		expect(first.data.data).toHaveLength(5);
		expect(first.data.paging.cursors.after).not.toMatch(/^\d+$/);
		const second = await get(`/${account()}/ads`, { fields: 'name', limit: 5, after: first.data.paging.cursors.after });
		expect(second.data.data[0].name).toBe('Brand Awareness · Ad Set 1 · Ad 2');
	});

	test('bad effective_status and filtering are refused with (#100)', async () => {
		const bad = await get(`/${account()}/campaigns`, { effective_status: '["RUNNING"]' });
		expect(bad.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/effective_status\[0\] must be one of/) });
		const badFilter = await get(`/${account()}/campaigns`, { filtering: '{"field":"name"}' });
		expect(badFilter.data.error).toMatchObject({ code: 100 });
	});

	test('an object reads with its fields; edges it does not have fall through to Graph errors', async () => {
		const { springSale } = ctx.seed.adAccount.campaigns;
		const res = await get(`/${springSale}`, { fields: 'name,objective,effective_status,account_id' });
		expect(res.data).toEqual({ name: 'Spring Sale', objective: 'OUTCOME_SALES', effective_status: 'ACTIVE', account_id: '900000000000001', id: springSale });
		const ads = await get(`/${springSale}/ads`, { fields: 'id' });
		const adId = ads.data.data[0].id;
		const none = await get(`/${adId}/campaigns`);
		expect(none.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/nonexisting field \(campaigns\) on node type \(Ad\)/) });
	});

	test('large generated structures are seedable', async () => {
		ctx.sandbox.admin.seed({ adAccounts: [{ id: '900000000000005', userIds: [ctx.seed.users.ada.id], structure: { campaigns: 3, adsetsPerCampaign: 4, adsPerAdset: 5 } }] });
		let total = 0;
		let after;
		do {
			const page = await get('/act_900000000000005/ads', { limit: 25, ...(after ? { after } : {}) });
			total += page.data.data.length;
			after = page.data.paging && page.data.paging.next ? page.data.paging.cursors.after : undefined;
		} while (after);
		expect(total).toBe(60);
	});
});
