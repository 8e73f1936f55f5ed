'use strict';
const axios = require('axios');
const { startSandbox } = require('./helpers');

let ctx;
const USER = '1100000000000077';
let token;
beforeAll(async () => {
	ctx = await startSandbox({ seed: false });
	// A user with 120 Pages so /me/accounts spans several pages.
	const pages = Array.from({ length: 120 }, (_, i) => ({ id: String(1500000000000000 + i), name: `Page ${i}` }));
	ctx.sandbox.admin.seed({
		apps: [{ id: '1000000000000001', secret: 's', name: 'Paging App' }],
		users: [{ id: USER, name: 'Many Pages' }],
		pages,
		roles: pages.map((p) => ({ userId: USER, pageId: p.id, tasks: ['MANAGE'] })),
	});
	token = ctx.sandbox.admin.createToken({ type: 'USER', appId: '1000000000000001', userId: USER, scopes: ['pages_show_list'] }).token;
});
afterAll(() => ctx.sandbox.stop());

const accounts = (params) => ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: token, fields: 'id,name', ...params } });

/** Follows `next` to the end, returning every page body. */
async function walk(first) {
	let res = first;
	const pages = [];
	for (;;) {
		expect(res.status).toBe(200);
		pages.push(res.data);
		if (!res.data.paging || !res.data.paging.next) return pages;
		res = await axios.get(res.data.paging.next, { validateStatus: () => true });
	}
}

describe('production paging (default): short and empty pages still carry next', () => {
	beforeEach(() => ctx.sandbox.admin.settings({ pagingShortPages: true, pagingSeed: 60, pagingRepeatCursor: false }));

	test('every item comes exactly once, in order, across short and empty pages; only the absence of next ends it', async () => {
		const pages = await walk(await accounts({ limit: 25 }));
		const ids = pages.flatMap((p) => p.data.map((a) => a.id));
		expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => String(1500000000000000 + i)));
		const withNext = pages.filter((p) => p.paging && p.paging.next);
		expect(withNext.some((p) => p.data.length === 0)).toBe(true);
		expect(withNext.some((p) => p.data.length > 0 && p.data.length < 25)).toBe(true);
		expect(pages.length).toBeGreaterThan(5);
	});

	test('the same seed pages alike; another seed pages differently', async () => {
		const lengths = async () => (await walk(await accounts({ limit: 25 }))).map((p) => p.data.length);
		const first = await lengths();
		expect(await lengths()).toEqual(first);
		ctx.sandbox.admin.settings({ pagingSeed: 7 });
		expect(await lengths()).not.toEqual(first);
	});

	test('pagingRepeatCursor: the second page hands back the cursor it was asked with', async () => {
		ctx.sandbox.admin.settings({ pagingRepeatCursor: true, pagingShortPages: false });
		const first = (await accounts({ limit: 10 })).data;
		const after = first.paging.cursors.after;
		const second = (await accounts({ limit: 10, after })).data;
		expect(second.paging.cursors.after).toBe(after);
		expect(new URL(second.paging.next).searchParams.get('after')).toBe(after);
	});
});

describe('cursor pagination (reference §0)', () => {
	// These check exact page sizes, so they ask for kind paging (full pages, next exactly when more rows exist).
	beforeEach(() => ctx.sandbox.admin.settings({ pagingShortPages: false, pagingRepeatCursor: false }));

	test('following `next` walks every item once; `next` is absent on the last page', async () => {
		let res = await accounts({ limit: 50 });
		const seen = [];
		const pages = [];
		for (;;) {
			expect(res.status).toBe(200);
			pages.push(res.data);
			seen.push(...res.data.data.map((p) => p.id));
			if (!res.data.paging.next) break;
			res = await axios.get(res.data.paging.next, { validateStatus: () => true });
		}
		expect(pages.map((p) => p.data.length)).toEqual([50, 50, 20]);
		expect(seen).toHaveLength(120);
		expect(new Set(seen).size).toBe(120);
		expect(pages[2].paging).not.toHaveProperty('next');
		expect(pages[0].paging).not.toHaveProperty('previous');
		expect(pages[1].paging.previous).toMatch(/before=/);
		expect(pages[0].paging.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\.facebook\.com\/v26\.0\/me\/accounts\?/);
	});

	test('cursors are opaque (not plain numbers) and `before` goes back', async () => {
		const first = (await accounts({ limit: 10 })).data;
		const { before, after } = first.paging.cursors;
		for (const c of [before, after]) {
			expect(c).not.toMatch(/^\d+$/);
			expect(c.length).toBeGreaterThan(8);
		}
		expect(before).not.toBe(after);
		const second = (await accounts({ limit: 10, after })).data;
		expect(second.data[0].id).toBe('1500000000000010');
		const back = (await accounts({ limit: 10, before: second.paging.cursors.before })).data;
		expect(back.data.map((p) => p.id)).toEqual(first.data.map((p) => p.id));
	});

	test('limit is capped per edge (default max 100) and defaults to 25', async () => {
		expect((await accounts({})).data.data).toHaveLength(25);
		expect((await accounts({ limit: 1000 })).data.data).toHaveLength(100);
	});

	test('a made-up cursor is rejected', async () => {
		const res = await accounts({ after: '10' });
		expect(res.status).toBe(400);
		expect(res.data.error.code).toBe(100);
	});
});
