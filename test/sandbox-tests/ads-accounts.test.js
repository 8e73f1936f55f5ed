'use strict';
// Ad accounts: /me/adaccounts (paged) and /act_{id} with Meta's fields, seedable statuses and ads scope checks.
const { useAdsSandbox } = require('./ads-fixture');

const sandbox = useAdsSandbox();
let ctx;
beforeEach(() => {
	ctx = sandbox();
	// These check list contents, filters and cursors page by page; production paging is tested in paging.test.js.
	ctx.sandbox.admin.settings({ pagingShortPages: false });
});

const get = (...args) => ctx.get(...args);
const FIELDS = 'id,account_id,name,account_status,disable_reason,currency,timezone_name,business';

describe('ad accounts', () => {
	test('/me/adaccounts lists the accounts the user is assigned to, id and account_id by default', async () => {
		const res = await get('/me/adaccounts');
		expect(res.status).toBe(200);
		expect(res.data.data).toEqual([{ account_id: '900000000000001', id: 'act_900000000000001' }]);
	});

	test('/act_{id} returns the requested fields as Meta spells them', async () => {
		const res = await get(`/${ctx.seed.adAccount.id}`, { fields: FIELDS });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			id: 'act_900000000000001',
			account_id: '900000000000001',
			name: "Ada's Shop Ads",
			account_status: 1,
			disable_reason: 0,
			currency: 'EUR',
			timezone_name: 'Europe/Berlin',
			business: { id: ctx.seed.business.id, name: ctx.seed.business.name },
		});
	});

	test('status, disable reason and business are seedable per account; lists page with opaque cursors', async () => {
		const { ada } = ctx.seed.users;
		ctx.sandbox.admin.seed({
			adAccounts: [
				{ id: '900000000000002', name: 'Disabled', account_status: 2, disable_reason: 1, userIds: [ada.id], businessId: null },
				{ id: 'act_900000000000003', name: 'Unsettled', account_status: 3, currency: 'USD', userIds: [ada.id] },
			],
		});
		const first = await get('/me/adaccounts', { fields: 'name,account_status,disable_reason,business', limit: 2 });
		expect(first.data.data).toEqual([
			{ name: "Ada's Shop Ads", account_status: 1, disable_reason: 0, business: { id: ctx.seed.business.id, name: ctx.seed.business.name }, id: 'act_900000000000001' },
			{ name: 'Disabled', account_status: 2, disable_reason: 1, id: 'act_900000000000002' },
		]);
		expect(first.data.paging.cursors.after).not.toMatch(/^\d+$/);
		const next = await ctx.api.get(first.data.paging.next.replace(ctx.url, ''));
		expect(next.data.data).toEqual([{ name: 'Unsettled', account_status: 3, disable_reason: 0, id: 'act_900000000000003' }]);
		expect(next.data.paging.next).toBeUndefined();
	});

	test('the system user sees its assigned account; someone else’s account looks missing (100/33)', async () => {
		const mine = await get('/me/adaccounts', {}, ctx.seed.tokens.systemUser);
		expect(mine.data.data.map((a) => a.id)).toEqual(['act_900000000000001']);
		ctx.sandbox.admin.seed({ adAccounts: [{ id: '900000000000009', name: 'Not Ada’s', userIds: [] }] });
		const res = await get('/act_900000000000009');
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code: 100, error_subcode: 33 });
	});

	test('without ads_read or ads_management the call is refused with 200', async () => {
		const { token } = ctx.sandbox.admin.createToken({ type: 'USER', userId: ctx.seed.users.ada.id, scopes: ['pages_show_list'] });
		for (const path of ['/me/adaccounts', `/${ctx.seed.adAccount.id}`]) {
			const res = await get(path, {}, token);
			expect(res.status).toBe(400);
			expect(res.data.error).toMatchObject({ code: 200, message: expect.stringMatching(/ads_management or ads_read/) });
		}
		const managed = ctx.sandbox.admin.createToken({ type: 'USER', userId: ctx.seed.users.ada.id, scopes: ['ads_management'] }).token;
		expect((await get(`/${ctx.seed.adAccount.id}`, {}, managed)).status).toBe(200);
	});

	test('a Page token cannot list ad accounts; an unknown field is refused', async () => {
		const page = await get('/me/adaccounts', {}, ctx.seed.tokens.adaPage);
		expect(page.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/nonexisting field \(adaccounts\)/) });
		const bad = await get(`/${ctx.seed.adAccount.id}`, { fields: 'id,nope' });
		expect(bad.data.error).toMatchObject({ code: 100, message: '(#100) Tried accessing nonexisting field (nope) on node type (AdAccount)' });
	});
});
