'use strict';
const { startSandbox, form } = require('./helpers');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

function batch(ops, extra = {}) {
	return ctx.api.post('/graph.facebook.com/v26.0/', form({ access_token: ctx.seed.tokens.adaUser, batch: JSON.stringify(ops), ...extra }));
}

describe('batch requests (reference §9.3)', () => {
	test('50 operations are answered in order with JSON-string bodies', async () => {
		const ops = Array.from({ length: 50 }, (_, i) => (i % 2 ? { method: 'GET', relative_url: 'me?fields=id' } : { method: 'GET', relative_url: `v26.0/${ctx.seed.page.id}?fields=name` }));
		const res = await batch(ops);
		expect(res.status).toBe(200);
		expect(res.data).toHaveLength(50);
		expect(res.data[0]).toEqual({ code: 200, headers: expect.any(Array), body: JSON.stringify({ name: "Ada's Shop", id: ctx.seed.page.id }) });
		expect(JSON.parse(res.data[1].body)).toEqual({ id: ctx.seed.users.ada.id });
		expect(res.data[0].headers).toContainEqual({ name: 'Content-Type', value: 'application/json; charset=utf-8' });
		expect(res.data[0].headers.find((h) => h.name === 'X-App-Usage')).toBeDefined();
		const items = ctx.sandbox.admin.calls().filter((c) => c.batch !== null);
		expect(items).toHaveLength(50);
		expect(items.slice(0, 2).map((c) => c.version)).toEqual(['v26.0', null]);
		expect(items[1].path).toBe('/me');
	});

	test('51 operations are refused with code 100', async () => {
		const res = await batch(Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'me' })));
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code: 100, message: '(#100) Too many requests in batch message. Maximum batch size is 50' });
	});

	test('per-item errors are code 400 with the envelope as body; per-item tokens override', async () => {
		const res = await batch([
			{ method: 'GET', relative_url: 'me' },
			{ method: 'GET', relative_url: 'me?access_token=garbage' },
			{ method: 'GET', relative_url: `me?access_token=${ctx.seed.tokens.adaPage}` },
			{ method: 'GET', relative_url: 'me?fields=shoe_size' },
		]);
		expect(res.status).toBe(200);
		expect(res.data.map((r) => r.code)).toEqual([200, 400, 200, 400]);
		expect(JSON.parse(res.data[1].body).error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
		expect(JSON.parse(res.data[2].body)).toEqual({ id: ctx.seed.page.id, name: "Ada's Shop" });
		expect(JSON.parse(res.data[3].body).error.code).toBe(100);
	});

	test('POST items carry form bodies; include_headers=false drops headers', async () => {
		const res = await batch(
			[{ method: 'POST', relative_url: 'oauth/access_token', body: `grant_type=client_credentials&client_id=${ctx.seed.app.id}&client_secret=${ctx.seed.app.secret}` }],
			{ include_headers: 'false' },
		);
		expect(res.data[0]).toEqual({ code: 200, body: JSON.stringify({ access_token: ctx.seed.tokens.app, token_type: 'bearer' }) });
	});

	test('faults apply per batch item', async () => {
		ctx.sandbox.admin.addFault({ kind: 'throttle', match: { path: '/*' }, times: 1 });
		const res = await batch([
			{ method: 'GET', relative_url: 'me/accounts' },
			{ method: 'GET', relative_url: 'me' },
			{ method: 'GET', relative_url: 'me' },
		]);
		expect(res.data.map((r) => r.code)).toEqual([200, 400, 200]);
		expect(JSON.parse(res.data[1].body).error).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
		expect(JSON.parse(res.data[1].headers.find((h) => h.name === 'X-App-Usage').value).call_count).toBe(100);
		expect(ctx.sandbox.admin.calls({ path: '/me' }).map((c) => c.fault)).toEqual(['throttle', null]);
	});

	test('an invalid batch-level token fails the whole batch', async () => {
		const res = await ctx.api.post('/graph.facebook.com/v26.0/', form({ access_token: 'garbage', batch: JSON.stringify([{ method: 'GET', relative_url: 'me' }]) }));
		expect(res.status).toBe(400);
		expect(res.data.error.code).toBe(190);
	});

	test('depends_on with a JSONPath result reference', async () => {
		const res = await batch([
			{ method: 'GET', name: 'pages', relative_url: 'me/accounts?fields=id' },
			{ method: 'GET', depends_on: 'pages', relative_url: '{result=pages:$.data.*.id}?fields=name' },
		]);
		expect(res.data[0]).toBeNull();
		expect(JSON.parse(res.data[1].body)).toEqual({ name: "Ada's Shop", id: ctx.seed.page.id });
	});
});
