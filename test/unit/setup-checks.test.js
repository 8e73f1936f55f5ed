'use strict';
// The Setup Doctor's check modules (built, dist/) on hand-made inputs: the warn / fail / skip edges the sandbox
// scenarios do not reach. Every result names a check of the table and carries its fix exactly when it warns or fails.
const { SETUP_CHECKS, checkResult, worstStatus } = require('../../dist/nodes/shared/doctor/checks');
const { tokenChecks } = require('../../dist/nodes/shared/doctor/token');
const { scopeChecks, RETIRED_SCOPE_NAMES } = require('../../dist/nodes/shared/doctor/scopes');
const { whatsappChecks } = require('../../dist/nodes/shared/doctor/whatsapp');
const { adsChecks } = require('../../dist/nodes/shared/doctor/ads');
const { pageChecks } = require('../../dist/nodes/shared/doctor/pages');
const { appChecks } = require('../../dist/nodes/shared/doctor/app');
const { summaryLine, credentialChecks } = require('../../dist/nodes/shared/doctor/runChecks');

const DAY = 86400;
const now = () => Math.floor(Date.now() / 1000);
const report = (extra = {}) => ({ valid: true, platform: 'facebook', tokenType: 'USER', expiresAt: now() + 50 * DAY, dataAccessExpiresAt: now() + 80 * DAY, scopes: ['ads_read', 'instagram_basic'], covered: ['Meta Ads insights'], missing: [], message: '', ...extra });
const listing = (items) => async () => ({ ok: true, body: {}, items });
const input = (extra = {}) => ({ report: report(), warnDays: 14, features: [], expect: {}, read: listing([]), ...extra });
const statusOf = (results, id) => results.filter((r) => r.id === id).map((r) => r.status);

test('the fix sentence is the table’s, and only on a warning or failure', () => {
	for (const definition of SETUP_CHECKS) {
		expect(checkResult(definition.id, 'fail', 'x').fix).toBe(definition.fix);
		expect(checkResult(definition.id, 'warn', 'x').fix).toBe(definition.fix);
		expect(checkResult(definition.id, 'pass', 'x').fix).toBe('');
		expect(checkResult(definition.id, 'skip', 'why').found).toBe('skipped: why');
	}
	expect(() => checkResult('no.such', 'pass', 'x')).toThrow(/Unknown setup check/);
	expect(worstStatus([checkResult('token.valid', 'pass', ''), checkResult('token.type', 'skip', '')])).toBe('pass');
});

test('token: data access ending within the window warns; an app token fails its type; unknown expiry is skipped', () => {
	const soon = tokenChecks(report({ dataAccessExpiresAt: now() + 5 * DAY }), 14);
	expect(statusOf(soon, 'token.dataAccess')).toEqual(['warn']);
	expect(statusOf(tokenChecks(report({ tokenType: 'APP' }), 14), 'token.type')).toEqual(['fail']);
	expect(statusOf(tokenChecks(report({ expiresAt: undefined }), 14), 'token.expiry')).toEqual(['skip']);
	expect(statusOf(tokenChecks(report({ expiresAt: 0, dataAccessExpiresAt: 0 }), 14), 'token.dataAccess')).toEqual(['skip']);
});

test('scopes: a feature the user needs but lacks fails; retired names are mapped to their current names', () => {
	const lacking = report({ covered: ['Meta Ads insights'], missing: [{ feature: 'WhatsApp messaging and templates', grant: ['whatsapp_business_messaging'] }] });
	expect(statusOf(scopeChecks(lacking, []), 'scopes.features')).toEqual(['pass']);
	expect(statusOf(scopeChecks(lacking, ['whatsapp']), 'scopes.features')).toEqual(['fail']);
	expect(RETIRED_SCOPE_NAMES).toMatchObject({ business_basic: 'instagram_business_basic', business_manage_messages: 'instagram_business_manage_messages' });
	const both = report({ platform: 'instagram', scopes: ['business_basic', 'instagram_business_basic'] });
	expect(statusOf(scopeChecks(both, []), 'scopes.currentNames')).toEqual(['pass']);
});

test('WhatsApp: YELLOW warns, a banned number fails registration, an account without numbers fails', async () => {
	const base = { report: report({ covered: ['WhatsApp messaging and templates'] }), expect: { whatsappAccountIds: ['1'] } };
	const yellow = await whatsappChecks(input({ ...base, read: listing([{ id: '9', status: 'CONNECTED', quality_rating: 'YELLOW', messaging_limit_tier: 'TIER_1K' }]) }));
	expect(statusOf(yellow, 'whatsapp.quality')).toEqual(['warn']);
	const banned = await whatsappChecks(input({ ...base, read: listing([{ id: '9', status: 'BANNED', quality_rating: 'GREEN' }]) }));
	expect(statusOf(banned, 'whatsapp.registration')).toEqual(['fail']);
	const empty = await whatsappChecks(input({ ...base, read: listing([]) }));
	expect(statusOf(empty, 'whatsapp.accounts')).toEqual(['fail']);
	const refused = await whatsappChecks(input({ ...base, read: async () => ({ ok: false, problem: 'Meta said no' }) }));
	expect(refused.find((r) => r.id === 'whatsapp.accounts').found).toBe('Meta refused to read the account: Meta said no');
});

test('WhatsApp messaging limit: read from whatsapp_business_manager_messaging_limit, the deprecated messaging_limit_tier only as a fallback', async () => {
	const base = { report: report({ covered: ['WhatsApp messaging and templates'] }), expect: { whatsappAccountIds: ['1'] } };
	let fields;
	const read = (items) => async (_path, query) => ((fields = query.fields), { ok: true, body: {}, items });
	const found = async (number) => (await whatsappChecks(input({ ...base, read: read([{ id: '9', status: 'CONNECTED', ...number }]) }))).find((r) => r.id === 'whatsapp.messagingLimit').found;
	expect(await found({ whatsapp_business_manager_messaging_limit: 'TIER_2K', messaging_limit_tier: 'TIER_1K' })).toBe('Messaging limit TIER_2K');
	expect(fields.split(',')).toEqual(expect.arrayContaining(['whatsapp_business_manager_messaging_limit', 'messaging_limit_tier']));
	expect(await found({ messaging_limit_tier: 'TIER_1K' })).toBe('Messaging limit TIER_1K');
});

test('Ads: a grace period warns, a closed account fails, no account fails, an unknown status warns', async () => {
	const statuses = async (items) => (await adsChecks(input({ read: listing(items) }))).filter((r) => r.id === 'ads.accountStatus').map((r) => r.status);
	expect(await statuses([{ id: 'act_1', account_status: 9 }, { id: 'act_2', account_status: 101 }, { id: 'act_3', account_status: 55 }])).toEqual(['warn', 'fail', 'warn']);
	expect(statusOf(await adsChecks(input()), 'ads.accounts')).toEqual(['fail']);
});

test('Pages: no Page token fails for the Page the workflows use and only warns for another one', async () => {
	const pages = [
		{ id: 'p1', name: 'Main', tasks: ['MANAGE'], access_token: 'x' },
		{ id: 'p2', name: 'Side', tasks: ['CREATE_CONTENT'] },
	];
	const scoped = report({ scopes: ['pages_show_list'], covered: ['Facebook Pages and webhooks'] });
	const named = await pageChecks(input({ report: scoped, expect: { pageId: 'p1' }, read: listing(pages) }));
	expect(statusOf(named.results, 'pages.pageToken')).toEqual(['pass', 'warn']);
	const unnamed = await pageChecks(input({ report: scoped, read: listing(pages) }));
	expect(statusOf(unnamed.results, 'pages.pageToken')).toEqual(['pass', 'fail']);
	expect(JSON.stringify(named)).not.toContain('access_token');
});

test('Webhooks: an inactive subscription fails; a needed object with no subscription fails both checks', async () => {
	const reads = {
		'1': { ok: true, body: { id: '1', name: 'App', business: { id: 'b' } }, items: [] },
		'1/subscriptions': { ok: true, body: {}, items: [{ object: 'page', callback_url: 'https://x', active: false, fields: [{ name: 'feed' }] }] },
	};
	const app = { appId: '1', read: async (path) => reads[path] };
	const results = await appChecks(input({ app, expect: { webhookFields: ['page:feed', 'instagram:messages'] } }));
	expect(results.filter((r) => r.id === 'webhooks.callbackUrl' || r.id === 'webhooks.fields').map((r) => `${r.subject} ${r.id} ${r.status}`)).toEqual([
		'Webhook object page webhooks.callbackUrl fail',
		'Webhook object page webhooks.fields pass',
		'Webhook object instagram webhooks.callbackUrl fail',
		'Webhook object instagram webhooks.fields fail',
	]);
});

test('the one-line summary leads with validity and expiry, then coverage, then every warning and failure', () => {
	const checks = credentialChecks(report({ dataAccessExpiresAt: now() - DAY }));
	expect(summaryLine(checks)).toMatch(/^Valid USER token, expires \d{4}-\d{2}-\d{2} \(in (49|50) days\)\. Can use: Meta Ads insights\. Data access ended on \d{4}-\d{2}-\d{2}\.$/);
});

test('Page subscription: skipped without a named Page or without its Page token; missing fields fail', async () => {
	const app = () => ({
		appId: '1',
		read: async (path) => (path === '1' ? { ok: true, body: { id: '1', business: { id: 'b' } }, items: [] } : { ok: true, body: {}, items: [] }),
	});
	const needs = { webhookFields: ['instagram:messages', 'instagram:comments'] };
	const pages = [{ id: 'p1', name: 'Main', tasks: [], hasPageToken: true }, { id: 'p2', name: 'Side', tasks: [], hasPageToken: false }];
	const installCheck = async (expect, read, reached = pages) => (await appChecks(input({ app: app(), expect: { ...needs, ...expect }, read }), reached)).find((r) => r.id === 'webhooks.accountInstall');
	expect((await installCheck({}, listing([]))).found).toMatch(/^skipped: name the Page/);
	expect((await installCheck({ pageId: 'p2' }, listing([]))).found).toMatch(/^skipped: no Page token/);
	expect((await installCheck({ pageId: 'p9' }, listing([]))).found).toMatch(/^skipped: the Page is not among/);
	expect(await installCheck({ pageId: 'p1' }, listing([]))).toMatchObject({ status: 'fail', found: 'It has not subscribed the app: Meta sends none of its events' });
	expect(await installCheck({ pageId: 'p1' }, listing([{ id: '1', subscribed_fields: ['comments'] }]))).toMatchObject({ status: 'fail', found: 'Subscribed the app without messages (has: comments)' });
	expect(await installCheck({ pageId: 'p1' }, listing([{ id: '1', subscribed_fields: ['comments', 'messages'] }]))).toMatchObject({ status: 'pass' });
});

test('token: lapsed data access is no failure when every granted permission is exempt from it (reference §1.5)', () => {
	const lapsed = { dataAccessExpiresAt: now() - DAY };
	expect(tokenChecks(report({ ...lapsed, scopes: ['pages_show_list', 'ads_read'] }), 14).find((r) => r.id === 'token.dataAccess')).toMatchObject({
		status: 'pass',
		found: expect.stringMatching(/^Data access ended on .*; the granted permissions are not subject to it$/),
	});
	expect(statusOf(tokenChecks(report({ ...lapsed, scopes: ['pages_show_list', 'instagram_basic'] }), 14), 'token.dataAccess')).toEqual(['fail']);
});

test('app: app.mode is always skipped with the dashboard path to check by hand; the app is read without app_mode', async () => {
	const asked = [];
	const read = async (path, qs) => {
		asked.push(`${path}?${qs.fields ?? ''}`);
		if (path !== '7') return { ok: true, body: {}, items: [] };
		return { ok: true, body: { id: '7', name: 'Shop App', business: { id: 'b1', name: 'Shop Ltd' } }, items: [] };
	};
	const results = await appChecks(input({ app: { appId: '7', read } }));
	expect(asked[0]).toBe('7?id,name,business');
	expect(asked.join(' ')).not.toContain('app_mode');
	const mode = results.find((r) => r.id === 'app.mode');
	expect(mode).toMatchObject({ status: 'skip', subject: 'App Shop App (7)' });
	expect(mode.found).toMatch(/^skipped: Meta does not report the app mode through its API: check it in the App Dashboard \(top bar "App Mode: Development \/ Live" switch/);
	expect(results.find((r) => r.id === 'app.business')).toMatchObject({ status: 'pass', found: 'Owned by Shop Ltd (b1)' });
	// Without a Meta App credential the check still says where to look.
	expect((await appChecks(input())).find((r) => r.id === 'app.mode').found).toMatch(/App Mode: Development \/ Live/);
});

test('webhooks.https: a plain-http callback (named or subscribed) fails with what to do; https passes; none named skips', async () => {
	const noApp = await appChecks(input({ expect: { webhookUrl: 'http://localhost:5678/webhook/abc/webhook' } }));
	const plain = noApp.find((r) => r.id === 'webhooks.https');
	expect(plain).toMatchObject({ status: 'fail', found: 'http://localhost:5678/webhook/abc/webhook is not HTTPS: Meta refuses to call a plain-http callback, so no event would arrive' });
	expect(plain.fix).toMatch(/tunnel .*or a reverse proxy with a certificate, set WEBHOOK_URL to that https:\/\/ address/);
	expect((await appChecks(input({ expect: { webhookUrl: 'https://n8n.example.com/webhook/abc' } }))).find((r) => r.id === 'webhooks.https')).toMatchObject({ status: 'pass' });
	expect((await appChecks(input())).find((r) => r.id === 'webhooks.https').status).toBe('skip');
	const reads = {
		'1': { ok: true, body: { id: '1', business: { id: 'b' } }, items: [] },
		'1/subscriptions': { ok: true, body: {}, items: [{ object: 'instagram', callback_url: 'http://10.0.0.5/hook', active: true, fields: [] }] },
	};
	const subscribed = await appChecks(input({ app: { appId: '1', read: async (path) => reads[path] } }));
	expect(subscribed.find((r) => r.id === 'webhooks.https')).toMatchObject({ status: 'fail', found: expect.stringMatching(/^http:\/\/10\.0\.0\.5\/hook is not HTTPS/) });
});

test('whatsapp.appInstalled: the account must list this app among its subscribed apps', async () => {
	const numbers = [{ id: 'n1', display_phone_number: '+1 555', status: 'CONNECTED', quality_rating: 'GREEN' }];
	const withInstalls = (installs) => async (path) => (path.endsWith('/subscribed_apps') ? { ok: true, body: {}, items: installs } : { ok: true, body: {}, items: numbers });
	const wa = (installs, extra = {}) =>
		whatsappChecks(input({ report: report({ scopes: ['whatsapp_business_management'], covered: ['WhatsApp messaging and templates'], appId: 'app1', ...extra }), expect: { whatsappAccountIds: ['w1'] }, read: withInstalls(installs) }));
	// Sending needs no subscription: without WhatsApp webhooks in the check it only warns.
	expect((await wa([])).find((r) => r.id === 'whatsapp.appInstalled')).toMatchObject({ status: 'warn', subject: 'WhatsApp Business Account w1', found: expect.stringMatching(/^App app1 is not subscribed to the account: .*, which the WhatsApp trigger needs$/) });
	const webhooks = await whatsappChecks(input({ report: report({ scopes: ['whatsapp_business_management'], covered: ['WhatsApp messaging and templates'], appId: 'app1' }), expect: { whatsappAccountIds: ['w1'], webhookFields: ['whatsapp_business_account:messages'] }, read: withInstalls([{ whatsapp_business_api_data: { id: 'other' } }]) }));
	expect(webhooks.find((r) => r.id === 'whatsapp.appInstalled')).toMatchObject({ status: 'fail', found: 'App app1 is not subscribed to the account: Meta sends none of its webhooks (messages, statuses) to the app' });
	expect((await wa([{ whatsapp_business_api_data: { id: 'app1', name: 'Shop' } }])).find((r) => r.id === 'whatsapp.appInstalled').status).toBe('pass');
	expect((await wa([], { appId: undefined })).find((r) => r.id === 'whatsapp.appInstalled').status).toBe('skip');
});

test('assets not shared at login: the Page, WhatsApp and ad account checks say so, comparing granular target ids', async () => {
	const granular = [
		{ scope: 'pages_show_list', target_ids: ['p1'] },
		{ scope: 'whatsapp_business_management' },
		{ scope: 'ads_read' },
	];
	const shared = report({ scopes: ['pages_show_list', 'whatsapp_business_management', 'ads_read'], covered: ['Facebook Pages and webhooks', 'WhatsApp messaging and templates', 'Meta Ads insights'], granularScopes: granular });
	const pages = await pageChecks(input({ report: shared, expect: { pageId: 'p2' }, read: listing([{ id: 'p1', name: 'Main', tasks: ['MANAGE'], access_token: 'x' }]) }));
	expect(pages.results.find((r) => r.id === 'pages.reachable')).toMatchObject({ status: 'fail', found: 'Page p2 was not shared at login: reconnect and tick it (or add it to the system user); the token reaches Main (p1)' });
	const none = await pageChecks(input({ report: { ...shared, granularScopes: [{ scope: 'pages_show_list' }] }, expect: { pageId: 'p2' }, read: listing([]) }));
	expect(none.results.find((r) => r.id === 'pages.reachable').found).toBe('No Facebook Page is shared with this token: a Page was not shared at login: reconnect and tick it (or add it to the system user)');
	const wa = await whatsappChecks(input({ report: shared, features: ['whatsapp'] }));
	expect(wa.find((r) => r.id === 'whatsapp.accounts')).toMatchObject({ status: 'fail', found: expect.stringContaining('was not shared at login: reconnect and tick it') });
	const named = await whatsappChecks(input({ report: { ...shared, granularScopes: [{ scope: 'whatsapp_business_management', target_ids: ['w1'] }] }, expect: { whatsappAccountIds: ['w9'] }, read: listing([]) }));
	expect(named.find((r) => r.subject === 'WhatsApp Business Account w9')).toMatchObject({ status: 'fail', found: 'The account was not shared at login: reconnect and tick it (or add it to the system user)' });
	const ads = await adsChecks(input({ report: shared, read: listing([]) }));
	expect(ads.find((r) => r.id === 'ads.accounts').found).toMatch(/^No ad account is shared with this token: an ad account was not shared at login/);
});

test('a Facebook Login (OAuth2) connection says when it expires and that reconnecting renews it; warned at least 10 days ahead', () => {
	const oauth = (days, warnDays) => tokenChecks(report({ reconnectToRenew: true, expiresAt: now() + days * DAY + 3600 }), warnDays).find((r) => r.id === 'token.expiry');
	expect(oauth(40, 14)).toMatchObject({ status: 'pass', found: expect.stringMatching(/^the Facebook Login connection expires \d{4}-\d{2}-\d{2} \(in 40 days\); reconnect the credential \(Connect\) before then to renew it$/) });
	expect(oauth(9, 3).status).toBe('warn');
	expect(oauth(11, 3).status).toBe('pass');
	const ended = tokenChecks(report({ reconnectToRenew: true, expiresAt: now() - DAY }), 14).find((r) => r.id === 'token.expiry');
	expect(ended).toMatchObject({ status: 'fail', found: expect.stringMatching(/expired on .*; reconnect the credential \(Connect\) to renew it$/) });
});

test('refused deliveries: a warning per trigger listing each refusal with its fix, a pass without, a skip with no trigger', () => {
	const { refusalChecks } = require('../../dist/nodes/shared/doctor/refusedDeliveries');
	const { REFUSAL_FIX } = require('../../dist/nodes/shared/webhooks/refusals');
	const refusal = { at: '2026-12-01T10:00:00.000Z', status: 401, cause: 'signature', reason: 'Signature check failed.', fix: REFUSAL_FIX.signature };
	const results = refusalChecks([
		{ workflowId: 'w1', workflowName: 'Comments', node: 'Instagram Business Trigger', refusals: [refusal, { ...refusal, status: 403, cause: 'expired', fix: REFUSAL_FIX.expired }] },
		{ workflowId: 'w2', workflowName: 'Orders', node: 'WhatsApp Trigger', refusals: [] },
	]);
	expect(results.map((r) => [r.subject, r.status])).toEqual([
		['workflow "Comments" (w1), Instagram Business Trigger', 'warn'],
		['workflow "Orders" (w2), WhatsApp Trigger', 'pass'],
	]);
	expect(results[0].found).toMatch(/^2 refused deliveries/);
	expect(results[0].found).toContain(`refused with 401 (Signature check failed.) — ${REFUSAL_FIX.signature}`);
	expect(results[0].found).toContain(REFUSAL_FIX.expired);
	expect(results[0].fix).toBe(SETUP_CHECKS.find((c) => c.id === 'webhooks.refusals').fix);
	expect(refusalChecks([]).map((r) => r.status)).toEqual(['skip']);
});
