'use strict';
const { startSandbox } = require('./helpers');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

const me = (token = ctx.seed.tokens.adaUser) => ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: token } });
const accounts = () => ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: ctx.seed.tokens.adaUser } });
const addFault = async (spec) => {
	const res = await ctx.api.post('/__admin/faults', spec);
	expect(res.status).toBe(200);
	return res.data;
};

describe('faults', () => {
	test('a fault hits its route `times` times, then the route is healthy again', async () => {
		await addFault({ match: { path: '/me/accounts' }, kind: 'error', code: 100, subcode: 2207023, message: 'Sandbox says no', times: 2 });
		expect((await me()).status).toBe(200);
		const first = await accounts();
		expect(first.status).toBe(400);
		expect(first.data.error).toMatchObject({ code: 100, error_subcode: 2207023, message: '(#100) Sandbox says no' });
		expect((await accounts()).status).toBe(400);
		expect((await accounts()).status).toBe(200);
		const [fault] = (await ctx.api.get('/__admin/faults')).data;
		expect(fault).toMatchObject({ hits: 2, remaining: 0 });
		expect(ctx.sandbox.admin.calls({ path: '/me/accounts' }).map((c) => [c.status, c.fault])).toEqual([
			[400, 'error'],
			[400, 'error'],
			[200, null],
		]);
	});

	test('glob, method and host matching; times 0 = forever until DELETE', async () => {
		await addFault({ match: { method: 'GET', host: 'graph.facebook.com', path: '/*/accounts' }, kind: 'http5xx', times: 0 });
		for (let i = 0; i < 3; i++) {
			const res = await accounts();
			expect(res.status).toBe(500);
			expect(res.data.error).toMatchObject({ code: 1, is_transient: true, message: 'An unknown error has occurred.' });
		}
		expect((await me()).status).toBe(200);
		await ctx.api.delete('/__admin/faults');
		expect((await accounts()).status).toBe(200);
	});

	test('http5xx with code 2', async () => {
		await addFault({ match: { path: '/me' }, kind: 'http5xx', code: 2 });
		const res = await me();
		expect(res.status).toBe(500);
		expect(res.data.error).toMatchObject({ code: 2, is_transient: true, message: 'An unexpected error has occurred. Please retry your request later.' });
	});

	test('expire answers 190/463', async () => {
		await addFault({ match: { path: '/graph.facebook.com/v26.0/me' }, kind: 'expire' });
		const res = await me();
		expect(res.data.error).toMatchObject({ code: 190, error_subcode: 463 });
		expect((await me()).status).toBe(200);
	});

	test('timeout holds the request, then destroys the socket', async () => {
		await addFault({ match: { path: '/me' }, kind: 'timeout', ms: 150 });
		const started = Date.now();
		const err = await ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: ctx.seed.tokens.adaUser } }).catch((e) => e);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(err.code).toBe('ECONNRESET');
		const [call] = ctx.sandbox.admin.calls({ path: '/me' });
		expect(call).toMatchObject({ fault: 'timeout', status: null });
	});

	test('latency delays matching routes only', async () => {
		await ctx.api.post('/__admin/latency', { ms: 200, route: '/me/accounts' });
		let t = Date.now();
		await me();
		expect(Date.now() - t).toBeLessThan(150);
		t = Date.now();
		expect((await accounts()).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(190);
	});
});

describe('throttle faults carry usage headers (reference §7)', () => {
	test('user token → code 4 with X-App-Usage at 100%', async () => {
		await addFault({ match: { path: '/me' }, kind: 'throttle' });
		const res = await me();
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ code: 4, is_transient: true, message: '(#4) Application request limit reached', type: 'OAuthException' });
		expect(JSON.parse(res.headers['x-app-usage'])).toEqual({ call_count: 100, total_time: 100, total_cputime: 100 });
	});

	test.each([
		[17, '(#17) User request limit reached'],
		[613, '(#613) Calls to this api have exceeded the rate limit.'],
	])('explicit code %i', async (code, message) => {
		await addFault({ match: { path: '/me' }, kind: 'throttle', code });
		const res = await me();
		expect(res.data.error).toMatchObject({ code, message });
		expect(JSON.parse(res.headers['x-app-usage']).call_count).toBe(100);
	});

	test('code 32 also reports X-Page-Usage with the regain time', async () => {
		await addFault({ match: { path: '/me' }, kind: 'throttle', code: 32, regainAfterMinutes: 12 });
		const res = await me();
		expect(res.data.error.message).toBe('(#32) Page request limit reached');
		expect(JSON.parse(res.headers['x-page-usage'])).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 12 });
	});

	test('page token → BUC 80001 with X-Business-Use-Case-Usage keyed by the Page', async () => {
		await addFault({ match: { path: '/me' }, kind: 'throttle', regainAfterMinutes: 7 });
		const res = await me(ctx.seed.tokens.adaPage);
		expect(res.data.error).toMatchObject({ code: 80001, is_transient: true });
		expect(res.data.error.message).toMatch(/^\(#80001\) There have been too many calls to this Page account/);
		expect(JSON.parse(res.headers['x-business-use-case-usage'])).toEqual({
			[ctx.seed.page.id]: [{ type: 'pages', call_count: 100, total_cputime: 100, total_time: 100, estimated_time_to_regain_access: 7 }],
		});
	});

	test('IG-Login token → 80002 keyed by the IG account; ads codes carry subcode 2446079', async () => {
		await addFault({ match: { host: 'graph.instagram.com', path: '/**' }, kind: 'throttle' });
		const res = await ctx.api.get('/graph.instagram.com/v26.0/me', { params: { access_token: ctx.seed.tokens.instagramLogin } });
		expect(res.data.error.code).toBe(80002);
		const buc = JSON.parse(res.headers['x-business-use-case-usage']);
		expect(buc[ctx.seed.instagram.id][0]).toMatchObject({ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 5 });

		await addFault({ match: { path: '/me' }, kind: 'throttle', code: 80000, businessId: 'act_123' });
		const ads = await me(ctx.seed.tokens.systemUser);
		expect(ads.data.error).toMatchObject({ code: 80000, error_subcode: 2446079 });
		expect(JSON.parse(ads.headers['x-business-use-case-usage']).act_123[0].type).toBe('ads_insights');
	});
});

describe('usage headers', () => {
	test('X-App-Usage for user/app tokens reflects admin percentages', async () => {
		await ctx.api.post('/__admin/usage', { scope: 'app', call_count: 42, total_time: 7, total_cputime: 3 });
		const res = await me();
		expect(JSON.parse(res.headers['x-app-usage'])).toEqual({ call_count: 42, total_time: 7, total_cputime: 3 });
		expect(res.headers['x-business-use-case-usage']).toBeUndefined();
	});

	test('X-Business-Use-Case-Usage for page and system-user tokens', async () => {
		await ctx.api.post('/__admin/usage', { scope: ctx.seed.page.id, call_count: 91, total_time: 20, total_cputime: 10, estimated_time_to_regain_access: 0 });
		const page = await me(ctx.seed.tokens.adaPage);
		expect(page.headers['x-app-usage']).toBeUndefined();
		expect(JSON.parse(page.headers['x-business-use-case-usage'])).toEqual({
			[ctx.seed.page.id]: [{ type: 'pages', call_count: 91, total_cputime: 10, total_time: 20, estimated_time_to_regain_access: 0 }],
		});
		const su = await ctx.api.get(`/graph.facebook.com/v26.0/${ctx.seed.page.id}`, { params: { access_token: ctx.seed.tokens.systemUser } });
		expect(Object.keys(JSON.parse(su.headers['x-business-use-case-usage']))).toEqual([ctx.seed.page.id]);
	});
});
