'use strict';
const path = require('path');
const { spawn } = require('child_process');
const { startSandbox } = require('./helpers');
const { seedResult, defaultSeed } = require('../sandbox/seed');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox({
		products: [
			{
				name: 'echo',
				register: ({ routers }) => routers['graph.facebook.com'].get('/sandbox_echo', (req, res) => res.json({ path: req.sandbox.path, version: req.sandbox.version })),
			},
		],
	});
});
afterAll(() => ctx.sandbox.stop());

describe('admin API', () => {
	test('reset empties everything; seed {scenario:"default"} restores the healthy setup', async () => {
		await ctx.api.post('/__admin/clock', { advanceSeconds: 100 });
		await ctx.api.post('/__admin/reset');
		const empty = (await ctx.api.get('/__admin/state')).data;
		expect(empty.apps).toEqual([]);
		expect(empty.tokens).toEqual([]);
		expect(empty.clock.offsetSeconds).toBe(0);
		expect((await ctx.api.get('/graph.facebook.com/v26.0/me', { params: { access_token: seedResult.tokens.adaUser } })).data.error.code).toBe(190);

		const seeded = (await ctx.api.post('/__admin/seed', { scenario: 'default' })).data;
		expect(seeded.seedResult).toEqual(JSON.parse(JSON.stringify(seedResult)));
		const state = (await ctx.api.get('/__admin/state')).data;
		expect(state.apps).toHaveLength(1);
		expect(state.apps[0]).toMatchObject({ id: '1000000000000001', secret: 'sandbox-app-secret', name: 'Sandbox Business App', mode: 'live' });
		expect(state.tokens.map((t) => t.type).sort()).toEqual(['IG_USER', 'PAGE', 'SYSTEM_USER', 'USER', 'USER']);
		expect(state.instagramAccounts.find((a) => a.username === 'adas.shop').pageId).toBe(seedResult.page.id);
	});

	test('explicit entities and tokens', async () => {
		const res = await ctx.api.post('/__admin/seed', {
			users: [{ id: '1100000000000050', name: 'New Person' }],
			pages: [{ id: '1200000000000050', name: 'New Page' }],
			roles: [{ userId: '1100000000000050', pageId: '1200000000000050', tasks: ['MODERATE'], pageTokenAllowed: true }],
		});
		expect(res.status).toBe(200);
		const { token } = (await ctx.api.post('/__admin/tokens', { type: 'USER', appId: seedResult.app.id, userId: '1100000000000050', scopes: ['pages_show_list'], token: 'EAAexplicit' })).data;
		expect(token).toBe('EAAexplicit');
		const accounts = await ctx.api.get('/graph.facebook.com/v26.0/me/accounts', { params: { access_token: token, fields: 'name,tasks' } });
		expect(accounts.data.data).toEqual([{ name: 'New Page', tasks: ['MODERATE'], id: '1200000000000050' }]);
	});

	test('bad admin input is a 400 with a message', async () => {
		expect((await ctx.api.post('/__admin/faults', { kind: 'explode' })).status).toBe(400);
		const settings = await ctx.api.post('/__admin/settings', { noSuchSetting: true });
		expect(settings.status).toBe(400);
		expect(settings.data.error).toMatch(/noSuchSetting/);
		expect((await ctx.api.post('/__admin/tokens', { type: 'ROBOT' })).status).toBe(400);
	});

	test('a product registered through createSandbox options is routed with the version stripped', async () => {
		const res = await ctx.api.get('/graph.facebook.com/v24.0/sandbox_echo');
		expect(res.data).toEqual({ path: '/sandbox_echo', version: 'v24.0' });
	});

	test('defaultSeed() describes the scenario seedResult names', () => {
		const spec = defaultSeed();
		expect(spec.apps[0].id).toBe(seedResult.app.id);
		expect(spec.tokens.map((t) => t.token)).toEqual(
			expect.arrayContaining([seedResult.tokens.adaUser, seedResult.tokens.eddieUser, seedResult.tokens.adaPage, seedResult.tokens.systemUser, seedResult.tokens.instagramLogin]),
		);
		expect(spec.roles.find((r) => r.userId === seedResult.users.eddie.id).pageTokenAllowed).toBe(false);
	});
});

describe('cli', () => {
	test('prints the URL and seeded tokens, serves, and stops on SIGINT', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, '../sandbox/cli.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		const url = await new Promise((resolve, reject) => {
			child.stdout.on('data', (d) => {
				out += d;
				const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
				if (m && out.includes('Ctrl-C')) resolve(m[1]);
			});
			child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
		});
		expect(out).toContain(seedResult.tokens.adaUser);
		expect(out).toContain(seedResult.tokens.instagramLogin);
		expect(out).toContain(seedResult.app.id);
		const res = await ctx.api.get(`${url}/graph.facebook.com/v26.0/me`, { params: { access_token: seedResult.tokens.adaUser } });
		expect(res.data.name).toBe('Ada Admin');
		const exitCode = await new Promise((resolve) => {
			child.removeAllListeners('exit');
			child.on('exit', resolve);
			child.kill('SIGINT');
		});
		expect(exitCode).toBe(0);
	});
});

describe('the App node', () => {
	test('GET /{app-id} answers id and name to the app token only', async () => {
		const { createSandbox } = require('../sandbox');
		const axios = require('axios');
		const sb = createSandbox();
		const { url } = await sb.start();
		try {
			const { app } = sb.seedResult;
			const ok = await axios.get(`${url}/graph.facebook.com/v26.0/${app.id}`, { params: { access_token: `${app.id}|${app.secret}`, fields: 'id,name' } });
			expect(ok.data).toEqual({ id: app.id, name: app.name });
			const userToken = await axios.get(`${url}/graph.facebook.com/v26.0/${app.id}`, { params: { access_token: sb.seedResult.tokens.adaUser }, validateStatus: () => true });
			expect(userToken.status).toBe(400);
			expect(userToken.data.error.message).toMatch(/app access_token/);
		} finally {
			await sb.stop();
		}
	});
});
