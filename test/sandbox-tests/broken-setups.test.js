'use strict';
// The sandbox seams the broken-setup scenarios use, checked over HTTP the way Meta answers: a personal Instagram
// account is no `instagram_business_account`, an account linked elsewhere leaves its old Page, the App node reports
// its business portfolio, and every scenario seeds without error.
const { useSandbox } = require('./helpers');
const { SCENARIOS, applyScenario, WEBHOOK_URL } = require('../sandbox/scenarios/broken-setups');

const sandboxContext = useSandbox();
let ctx;
beforeEach(() => {
	ctx = sandboxContext();
});

const get = (path, params = {}, token = ctx.seed.tokens.adaUser) => ctx.api.get(ctx.fb(path), { params: { access_token: token, ...params } });
const PAGE_FIELDS = 'instagram_business_account{id,username},connected_instagram_account';

test('a personal Instagram account linked to a Page is only its connected_instagram_account', async () => {
	const { page, personalInstagram } = ctx.seed;
	ctx.sandbox.admin.seed({ instagramAccounts: [{ id: personalInstagram.id, pageId: page.id }] });
	const res = await get(`/${page.id}`, { fields: PAGE_FIELDS });
	expect(res.status).toBe(200);
	expect(res.data).toEqual({ id: page.id, connected_instagram_account: { id: personalInstagram.id } });
});

test('a professional account is both, with its username', async () => {
	const { page, instagram } = ctx.seed;
	const res = await get(`/${page.id}`, { fields: PAGE_FIELDS });
	expect(res.data).toEqual({ id: page.id, instagram_business_account: { id: instagram.id, username: instagram.username }, connected_instagram_account: { id: instagram.id } });
});

test('linking an Instagram account to another Page unlinks it from the Page it was on', async () => {
	const { page, instagram, users } = ctx.seed;
	const other = { id: '1200000000000009', name: 'Other Page' };
	ctx.sandbox.admin.seed({ pages: [other], roles: [{ userId: users.ada.id, pageId: other.id }], instagramAccounts: [{ id: instagram.id, pageId: other.id }] });
	const res = await get('/me/accounts', { fields: `id,${PAGE_FIELDS}` });
	const byId = Object.fromEntries(res.data.data.map((p) => [p.id, p]));
	expect(byId[page.id].instagram_business_account).toBeUndefined();
	expect(byId[other.id].instagram_business_account).toEqual({ id: instagram.id, username: instagram.username });
});

test('the App node answers its business portfolio to the app token; app_mode (not documented by Meta) and unknown fields are refused', async () => {
	const { app, business, tokens } = ctx.seed;
	const ok = await get(`/${app.id}`, { fields: 'id,name,business' }, tokens.app);
	expect(ok.data).toEqual({ id: app.id, name: app.name, business: { id: business.id, name: business.name } });
	expect((await get(`/${app.id}`, {}, tokens.app)).data).toEqual({ id: app.id, name: app.name });
	ctx.sandbox.admin.seed({ apps: [{ id: app.id, businessId: '' }] });
	expect((await get(`/${app.id}`, { fields: 'id,business' }, tokens.app)).data).toEqual({ id: app.id });
	for (const field of ['app_mode', 'is_nonsense']) {
		const refused = await get(`/${app.id}`, { fields: `id,${field}` }, tokens.app);
		expect(refused.status).toBe(400);
		expect(refused.data.error.code).toBe(100);
	}
});

test('every scenario seeds on top of the default seed and the complete setup subscribes the app’s Instagram webhook', async () => {
	for (const name of Object.keys(SCENARIOS)) {
		ctx.sandbox.admin.reset();
		ctx.sandbox.admin.seed('default');
		const seeded = applyScenario(ctx.sandbox, name);
		expect(seeded.credential.type).toBe('metaAccessTokenApi');
		expect(Array.isArray(seeded.fails)).toBe(true);
	}
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	applyScenario(ctx.sandbox, 'healthy');
	const subs = await get(`/${ctx.seed.app.id}/subscriptions`, {}, ctx.seed.tokens.app);
	expect(subs.data.data).toEqual([{ object: 'instagram', callback_url: WEBHOOK_URL, active: true, fields: [{ name: 'messages', version: 'v26.0' }, { name: 'comments', version: 'v26.0' }] }]);
	expect(() => applyScenario(ctx.sandbox, 'nope')).toThrow(/unknown broken-setup scenario nope/);
});
