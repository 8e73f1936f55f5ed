'use strict';
// Cursor pagination, Graph batch requests and appsecret_proof, through the real engine against the sandbox.
const { useFixture, seedManyPages, proofFor } = require('../support/fixture');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

function adaCredential(extra = {}) {
	const { app, tokens } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, ...extra });
}

describe('pagination', () => {
	test('return all follows the cursors to the last page, and never the token-bearing next URL', async () => {
		seedManyPages(fx, 120);
		const creds = adaCredential();
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { operation: 'paginate', path: 'me/accounts', qs: { fields: 'id,name' }, returnAll: true, pageSize: 25 });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(121);
		expect(new Set(run.items.map((p) => p.id)).size).toBe(121);
		const pages = fx.calls({ path: '/me/accounts' });
		// Production paging: short and empty pages with `next`, so more than the 5 full pages.
		expect(pages.length).toBeGreaterThan(5);
		expect(pages[0].query.after).toBeUndefined();
		for (const call of pages.slice(1)) expect(call.query.after).toBeTruthy();
		for (const call of pages) expect(call.query.access_token).toBeUndefined();
	});

	test('a limit stops early, with exactly that many items', async () => {
		seedManyPages(fx, 120);
		const creds = adaCredential();
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { operation: 'paginate', path: 'me/accounts', returnAll: false, limit: 30, pageSize: 25 });
		expect(run.items).toHaveLength(30);
		const all = await fx.probe(creds, { operation: 'paginate', path: 'me/accounts', returnAll: true, pageSize: 25 });
		expect(run.items.map((p) => p.id)).toEqual(all.items.slice(0, 30).map((p) => p.id));
	});

	test('kind paging (pagingShortPages off): five full pages, no extra call', async () => {
		// Checks the page count of full pages, which only kind paging guarantees.
		fx.admin.settings({ pagingShortPages: false });
		seedManyPages(fx, 120);
		fx.admin.clearCalls();
		const run = await fx.probe(adaCredential(), { operation: 'paginate', path: 'me/accounts', returnAll: true, pageSize: 25 });
		expect(run.items).toHaveLength(121);
		expect(fx.calls({ path: '/me/accounts' })).toHaveLength(5);
	});

	test('a repeated cursor stops the run with an error naming the list, instead of looping forever', async () => {
		fx.admin.settings({ pagingRepeatCursor: true });
		seedManyPages(fx, 120);
		fx.admin.clearCalls();
		const run = await fx.probe(adaCredential(), { operation: 'paginate', path: 'me/accounts', returnAll: true, pageSize: 25 });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.description).toMatch(/already given while listing me\/accounts .*narrow the request/);
		expect(run.error.context.metaError).toMatchObject({ category: 'retry_later' });
		expect(fx.calls({ path: '/me/accounts' }).length).toBeLessThanOrEqual(4);
	});
});

describe('batch requests', () => {
	test('60 operations go out as two batches of at most 50, with per-item results and errors in order', async () => {
		const ids = seedManyPages(fx, 59);
		const creds = adaCredential();
		fx.admin.clearCalls();
		const operations = [...ids, '1299999999999999'].map((id) => ({ method: 'GET', relativeUrl: `${id}?fields=id,name` }));
		const run = await fx.probe(creds, { operation: 'batch', batch: operations });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(60);
		expect(run.items.map((r) => r.index)).toEqual([...Array(60).keys()]);
		expect(run.items.slice(0, 59).every((r) => r.ok && r.body.id === ids[r.index])).toBe(true);
		const bad = run.items[59];
		expect(bad.ok).toBe(false);
		expect(bad.category).toBe('fix_configuration');
		expect(bad.sentence).toMatch(/check the ID/);
		// (The credential's own first-use inspection is a one-item batch of its own.)
		const batchCalls = fx.calls().filter((c) => c.batch === null && c.method === 'POST' && !c.body.batch.includes('debug_token'));
		expect(batchCalls).toHaveLength(2);
		expect(JSON.parse(batchCalls[0].body.batch)).toHaveLength(50);
		expect(JSON.parse(batchCalls[1].body.batch)).toHaveLength(10);
	});
});

describe('appsecret_proof', () => {
	test('an app that requires appsecret_proof accepts our calls when the secret is known', async () => {
		const { app, tokens } = fx.seed;
		fx.admin.seed({ apps: [{ id: app.id, requireAppsecretProof: true }] });
		const creds = adaCredential();
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeUndefined();
		const me = fx.calls({ path: '/me' });
		expect(me[0].appsecretProof).toBe(proofFor(tokens.adaUser, app.secret));
	});

	test('without the secret, the error says the setup needs fixing and repeats Meta’s reason', async () => {
		const { app, tokens } = fx.seed;
		fx.admin.seed({ apps: [{ id: app.id, requireAppsecretProof: true }] });
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error.context.metaError.category).toBe('fix_configuration');
		expect(run.error.description).toMatch(/appsecret_proof/);
		expect(fx.calls({ path: '/me' })[0].appsecretProof).toBeNull();
	});

	test('a wrong secret is refused by Meta and reported, not retried', async () => {
		const { app, tokens } = fx.seed;
		fx.admin.seed({ apps: [{ id: app.id, requireAppsecretProof: true }] });
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appSecret: 'not-the-secret' });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error.description).toMatch(/Invalid appsecret_proof/);
		expect(fx.calls({ path: '/me' })).toHaveLength(1);
	});
});

describe('Page tokens derived by the shared layer', () => {
	test('a Page-scoped call uses the Page token obtained with the user token', async () => {
		const { page, app } = fx.seed;
		const creds = adaCredential();
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { path: 'me', asPage: page.id });
		expect(run.error).toBeUndefined();
		expect(run.items[0].body.id).toBe(page.id);
		// (The credential's own first-use inspection, a batch holding /debug_token, is not part of this.)
		const [lookup, me] = fx.calls().filter((c) => c.path !== '/debug_token' && c.path !== '/');
		expect(lookup).toMatchObject({ path: `/${page.id}`, tokenType: 'USER' });
		expect(lookup.query.fields).toBe('access_token');
		expect(me).toMatchObject({ path: '/me', tokenType: 'PAGE', tokenValid: true });
		expect(me.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
		expect(me.appsecretProof).not.toBe(lookup.appsecretProof);
		expect(JSON.stringify(run.items)).not.toContain(app.secret);
	});

	test('a user whose Page role gives no Page token gets a clear error before the call', async () => {
		const { page, app, tokens } = fx.seed;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.eddieUser, appId: app.id, appSecret: app.secret });
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { path: 'me', asPage: page.id });
		expect(run.error.context.metaError.category).toBe('fix_configuration');
		expect(run.error.description).toMatch(/no Page access token .*admin role/);
		expect(fx.calls().map((c) => c.path).filter((p) => p !== '/debug_token' && p !== '/')).toEqual([`/${page.id}`]);
	});

	test('OAuth2 credentials derive Page tokens too, and sign them with appsecret_proof', async () => {
		const { page, app, tokens } = fx.seed;
		const creds = fx.credential('metaOAuth2Api', {
			clientId: app.id,
			clientSecret: app.secret,
			oauthTokenData: { access_token: tokens.adaUser, token_type: 'bearer', expires_in: 5183944 },
		});
		fx.admin.clearCalls();
		const run = await fx.probe(creds, { path: 'me', asPage: page.id });
		expect(run.error).toBeUndefined();
		const me = fx.calls().find((c) => c.path === '/me');
		expect(me).toMatchObject({ tokenType: 'PAGE', tokenValid: true });
		expect(me.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('credential reads', () => {
	// n8n 2.41 resolves a credential's expressions on every read (the Meta Access Token's session state is one).
	const readsOf = (creds) => fx.engine.credentials.reads.filter((read) => read.id === Object.values(creds)[0].id).length;

	test('a node run reads its credential once, and n8n signs every request with it', async () => {
		seedManyPages(fx, 120);
		const creds = adaCredential();
		await fx.probe(creds, { path: 'me' }); // settles the credential session first
		fx.admin.clearCalls();
		fx.engine.credentials.reads.length = 0;
		const run = await fx.probe(creds, { operation: 'paginate', path: 'me/accounts', returnAll: true, pageSize: 25 });
		expect(run.items).toHaveLength(121);
		const pages = fx.calls({ path: '/me/accounts' }).length;
		expect(pages).toBeGreaterThan(5);
		expect(readsOf(creds)).toBe(1);
		// Signed as before: the proof of the user token on every page.
		for (const call of fx.calls({ path: '/me/accounts' })) expect(call.appsecretProof).toBe(proofFor(fx.seed.tokens.adaUser, fx.seed.app.secret));
	});

	test('after a failed call, the next request of the run reads the credential again', async () => {
		const creds = adaCredential();
		await fx.probe(creds, { path: 'me' });
		fx.engine.credentials.reads.length = 0;
		fx.admin.addFault({ match: { path: '/me' }, kind: 'error', code: 100, message: 'Unsupported get request.', times: 1 });
		const run = await fx.probe(creds, { path: 'me', retry: { maxRetries: 0 } }, { items: [{}, {}, {}], continueOnFail: true });
		expect(run.items.map((item) => item.metaError?.code ?? item.body?.id !== undefined)).toEqual([100, true, true]);
		// Once for the run, and again after the failure.
		expect(readsOf(creds)).toBe(2);
	});
});
