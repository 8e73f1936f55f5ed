'use strict';
const { startSandbox } = require('./helpers');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => ctx.sandbox.admin.clearCalls());

describe('host routing and versions', () => {
	test('the vNN.0 prefix is optional and recorded in the call log', async () => {
		const { api, seed } = ctx;
		const versioned = await api.get('/graph.facebook.com/v25.0/me', { params: { access_token: seed.tokens.adaUser } });
		const bare = await api.get('/graph.facebook.com/me', { params: { access_token: seed.tokens.adaUser } });
		expect(versioned.status).toBe(200);
		expect(bare.status).toBe(200);
		expect(versioned.data).toEqual({ id: seed.users.ada.id, name: 'Ada Admin' });
		expect(bare.data).toEqual(versioned.data);
		expect(versioned.headers['facebook-api-version']).toBe('v25.0');
		const calls = ctx.sandbox.admin.calls({ path: '/me' });
		expect(calls.map((c) => c.version)).toEqual(['v25.0', null]);
		expect(calls[0]).toMatchObject({ method: 'GET', host: 'graph.facebook.com', path: '/me', tokenType: 'USER', status: 200, fault: null });
		expect(typeof calls[0].latencyMs).toBe('number');
	});

	test('unknown hosts are not served as Graph', async () => {
		const res = await ctx.api.get('/graph.example.com/v26.0/me');
		expect(res.status).toBe(404);
		expect(ctx.sandbox.admin.calls()).toHaveLength(0);
	});

	test('the call log records body, token type and appsecret_proof, filterable over HTTP', async () => {
		const { api, seed } = ctx;
		await api.post('/graph.facebook.com/v26.0/debug_token', `input_token=x&access_token=${seed.tokens.adaUser}&appsecret_proof=abc`);
		const res = await api.get('/__admin/calls', { params: { path: '/graph.facebook.com/debug_token' } });
		expect(res.data).toHaveLength(1);
		expect(res.data[0]).toMatchObject({ method: 'POST', body: { input_token: 'x', appsecret_proof: 'abc' }, tokenType: 'USER', appsecretProof: 'abc' });
	});
});

describe('error envelope (reference §9.1)', () => {
	test('(#code) prefix, OAuthException type, fbtrace_id, HTTP 400', async () => {
		const { api, seed } = ctx;
		const a = await api.get('/graph.facebook.com/v26.0/me', { params: { access_token: seed.tokens.adaUser, fields: 'id,shoe_size' } });
		const b = await api.get('/graph.facebook.com/v26.0/me', { params: { access_token: seed.tokens.adaUser, fields: 'id,shoe_size' } });
		expect(a.status).toBe(400);
		expect(Object.keys(a.data)).toEqual(['error']);
		expect(a.data.error).toEqual({
			message: '(#100) Tried accessing nonexisting field (shoe_size) on node type (User)',
			type: 'OAuthException',
			code: 100,
			fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{10,}$/),
		});
		expect(a.data.error.fbtrace_id).not.toBe(b.data.error.fbtrace_id);
	});

	test('token errors keep Meta wording without the prefix and carry WWW-Authenticate', async () => {
		const res = await ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: 'not-a-token' } });
		expect(res.status).toBe(400);
		expect(res.data.error).toMatchObject({ message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 });
		expect(res.data.error.error_subcode).toBeUndefined();
		expect(res.headers['www-authenticate']).toMatch(/^OAuth "Facebook Platform" "invalid_token"/);
	});

	test('unknown objects: 100/33; unknown edges: nonexisting field; aliases: 803; no token: 104', async () => {
		const { api, seed } = ctx;
		const token = { access_token: seed.tokens.adaUser };
		const missing = await api.get('/graph.facebook.com/v26.0/123456789', { params: token });
		expect(missing.data.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
		expect(missing.data.error.message).toMatch(/^Unsupported get request\. Object with ID '123456789' does not exist/);
		const edge = await api.get(`/graph.facebook.com/v26.0/${seed.page.id}/nothing_here`, { params: token });
		expect(edge.data.error.message).toBe('(#100) Tried accessing nonexisting field (nothing_here) on node type (Page)');
		const alias = await api.get('/graph.facebook.com/v26.0/somebody', { params: token });
		expect(alias.data.error).toMatchObject({ code: 803, message: '(#803) Some of the aliases you requested do not exist: somebody' });
		const none = await api.get('/graph.facebook.com/v26.0/123456789');
		expect(none.data.error).toMatchObject({ code: 104, message: 'An access token is required to request this resource.' });
	});

	test('an injected code 1 comes back as HTTP 500', async () => {
		ctx.sandbox.admin.addFault({ kind: 'error', code: 1, message: 'An unknown error has occurred.', prefix: false, match: { path: '/me' } });
		const res = await ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: ctx.seed.tokens.adaUser } });
		expect(res.status).toBe(500);
		expect(res.data.error).toMatchObject({ code: 1, message: 'An unknown error has occurred.' });
	});
});

describe('token transport', () => {
	test.each([
		['query', (t) => ({ params: { access_token: t } })],
		['bearer header', (t) => ({ headers: { Authorization: `Bearer ${t}` } })],
		['OAuth header', (t) => ({ headers: { Authorization: `OAuth ${t}` } })],
	])('%s', async (_name, opts) => {
		const res = await ctx.api.get('/graph.facebook.com/v26.0/me', opts(ctx.seed.tokens.adaUser));
		expect(res.status).toBe(200);
		expect(res.data.id).toBe(ctx.seed.users.ada.id);
	});

	test('form body and JSON body', async () => {
		const { api, seed } = ctx;
		const batch = JSON.stringify([{ method: 'GET', relative_url: 'me' }]);
		const viaForm = await api.post('/graph.facebook.com/v26.0/', `access_token=${seed.tokens.adaUser}&batch=${encodeURIComponent(batch)}`);
		const viaJson = await api.post('/graph.facebook.com/v26.0/', { access_token: seed.tokens.systemUser, batch });
		expect(JSON.parse(viaForm.data[0].body)).toEqual({ id: seed.users.ada.id, name: 'Ada Admin' });
		expect(JSON.parse(viaJson.data[0].body)).toEqual({ id: seed.systemUser.id, name: seed.systemUser.name });
		const roots = ctx.sandbox.admin.calls({ path: '/' });
		expect(roots.map((c) => c.tokenType)).toEqual(['USER', 'SYSTEM_USER']);
	});
});
