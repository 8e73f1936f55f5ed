'use strict';
// The Setup Doctor against every broken Meta setup the sandbox can be seeded into: each reports its failure with the
// table's fix sentence and nothing else fails; a complete setup passes every check that applies.
const { useFixture } = require('../support/fixture');
const { SCENARIOS, applyScenario, instagramLogin, subscribeApp, installApp } = require('../sandbox/scenarios/broken-setups');
const { SETUP_CHECKS } = require('../../dist/nodes/shared/doctor/checks');

const fixture = useFixture();

async function runDoctor(fx, seeded) {
	const credentials = fx.credential(seeded.credential.type, seeded.credential.data);
	const parameters = { authentication: seeded.credential.type, resource: 'token', operation: 'check', ...seeded.parameters };
	if (parameters.checkApp) Object.assign(credentials, fx.credential(seeded.appCredential.type, seeded.appCredential.data));
	const run = await fx.engine.runNode({ type: 'n8n-nodes-meta-business.metaSetupDoctor', parameters, credentials });
	expect(run.error).toBeUndefined();
	return run.items[0];
}

const fixOf = (id) => SETUP_CHECKS.find((c) => c.id === id).fix;
const idsWith = (report, status) => [...new Set(report.checks.filter((c) => c.status === status).map((c) => c.id))];

test('a complete setup passes every check that applies, and every area is checked', async () => {
	const fx = fixture();
	const report = await runDoctor(fx, applyScenario(fx.sandbox, 'healthy'));
	expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
	expect(report.status).toBe('pass');
	expect(idsWith(report, 'pass').sort()).toEqual(
		[
			'token.valid', 'token.type', 'token.expiry', 'token.dataAccess', 'scopes.features',
			'pages.reachable', 'pages.pageToken', 'instagram.linked', 'instagram.accountType', 'instagram.expectedPage',
			'whatsapp.accounts', 'whatsapp.appInstalled', 'whatsapp.registration', 'whatsapp.quality', 'whatsapp.messagingLimit',
			'ads.accounts', 'ads.accountStatus', 'app.business', 'webhooks.callbackUrl', 'webhooks.accountInstall', 'webhooks.https', 'webhooks.fields',
		].sort(),
	);
	// Meta's API does not report the app mode: the check names where to look instead.
	expect(report.checks.find((c) => c.id === 'app.mode')).toMatchObject({ status: 'skip', found: expect.stringMatching(/App Dashboard \(top bar "App Mode: Development \/ Live" switch/) });
	// The one check that does not apply to a Facebook Login token says why.
	expect(report.checks.find((c) => c.id === 'scopes.currentNames')).toMatchObject({ status: 'skip', found: expect.stringMatching(/^skipped: /), fix: '' });
	expect(report.checks.every((c) => c.status !== 'pass' || c.fix === '')).toBe(true);
});

const broken = Object.keys(SCENARIOS).filter((name) => name !== 'healthy');

test.each(broken)('%s: the doctor reports that failure, with its fix, and no other', async (name) => {
	const fx = fixture();
	const seeded = applyScenario(fx.sandbox, name);
	const report = await runDoctor(fx, seeded);
	expect(report.status).toBe('fail');
	expect(idsWith(report, 'fail')).toEqual(seeded.fails);
	for (const check of report.checks.filter((c) => c.status === 'fail')) {
		expect(check.fix).toBe(fixOf(check.id));
		expect(check.found.length).toBeGreaterThan(10);
	}
	expect(report.summary).toContain(report.checks.find((c) => c.status === 'fail').found);
});

test('the report carries no token or secret, though the doctor read Page tokens and used the app token', async () => {
	const fx = fixture();
	const seeded = applyScenario(fx.sandbox, 'healthy');
	const report = await runDoctor(fx, seeded);
	const pageTokens = fx.admin.tokens().filter((t) => t.type === 'PAGE').map((t) => t.token);
	expect(pageTokens.length).toBeGreaterThan(0);
	const { app } = fx.seed;
	const secrets = [seeded.credential.data.accessToken, app.secret, `${app.id}|${app.secret}`, ...pageTokens];
	const text = JSON.stringify(report);
	expect(secrets.filter((s) => text.includes(s))).toEqual([]);
});

describe('Instagram Login', () => {
	function instagramLoginCase(fx, { accountType = 'BUSINESS', expectations = {} } = {}) {
		const { instagram, scopes } = fx.seed;
		fx.admin.seed({ instagramAccounts: [{ id: instagram.id, accountType }] });
		const token = fx.admin.createToken({ type: 'IG_USER', igUserId: instagram.id, scopes: scopes.instagram }).token;
		return { credential: instagramLogin(token), parameters: { expectations } };
	}

	test('a creator account passes; Page, WhatsApp, Ads and app checks say why they are skipped', async () => {
		const fx = fixture();
		const report = await runDoctor(fx, instagramLoginCase(fx, { accountType: 'MEDIA_CREATOR' }));
		expect(report.status).toBe('pass');
		expect(report.checks.find((c) => c.id === 'instagram.accountType')).toMatchObject({ status: 'pass', found: `@${fx.seed.instagram.username} is a Creator account` });
		// A token pasted from the dashboard carries no permission list Meta reports on graph.instagram.com.
		expect(report.checks.find((c) => c.id === 'scopes.currentNames')).toMatchObject({ status: 'skip', found: 'skipped: the permissions could not be read' });
		expect(report.checks.find((c) => c.id === 'pages.reachable').found).toBe('skipped: an Instagram Login token needs no Facebook Page');
		expect(report.checks.find((c) => c.id === 'whatsapp.accounts').status).toBe('skip');
		expect(report.checks.find((c) => c.id === 'app.mode').found).toMatch(/^skipped: Meta does not report the app mode through its API/);
		expect(report.checks.find((c) => c.id === 'app.business').found).toMatch(/^skipped: add a Meta App credential/);
		expect(new Set(fx.calls().map((c) => c.host))).toEqual(new Set(['graph.instagram.com']));
	});

	test('a token for another account than the one the workflows expect fails instagram.expectedPage', async () => {
		const fx = fixture();
		const report = await runDoctor(fx, instagramLoginCase(fx, { expectations: { instagramAccount: '@someone.else' } }));
		expect(idsWith(report, 'fail')).toEqual(['instagram.expectedPage']);
		expect(report.checks.find((c) => c.id === 'instagram.expectedPage').found).toBe(`The token is for @${fx.seed.instagram.username}, not for @someone.else`);
	});
});

describe('WhatsApp webhooks', () => {
	const TRIGGER_URL = 'https://n8n.example.test/webhook/whatsapp';

	function whatsappCase(fx, overrideUrl) {
		const seeded = applyScenario(fx.sandbox, 'healthy');
		// The app's callback serves another workflow; the WhatsApp trigger points its account at its own URL.
		subscribeApp(fx.sandbox.state, { object: 'whatsapp_business_account', callbackUrl: 'https://n8n.example.test/webhook/other', fields: ['messages'] });
		installApp(fx.sandbox.state, fx.seed.waba.id, { overrideUrl });
		seeded.parameters.expectations = { webhookUrl: TRIGGER_URL, webhookFields: ['whatsapp_business_account:messages'] };
		return seeded;
	}

	test('a WhatsApp account whose callback override is the trigger URL passes, though the app calls another URL', async () => {
		const fx = fixture();
		const report = await runDoctor(fx, whatsappCase(fx, TRIGGER_URL));
		const url = report.checks.find((c) => c.id === 'webhooks.callbackUrl' && c.subject === 'Webhook object whatsapp_business_account');
		expect(url).toMatchObject({ status: 'pass', found: `WhatsApp Business Account ${fx.seed.waba.id} sends to ${TRIGGER_URL} (callback override)` });
		// Only the objects of the named events are held to the trigger's URL: the Instagram webhook serves another workflow.
		expect(report.status).toBe('pass');
		expect(report.checks.some((c) => c.subject === 'Webhook object instagram')).toBe(false);
	});

	test('without the override the WhatsApp object fails its callback check', async () => {
		const fx = fixture();
		const report = await runDoctor(fx, whatsappCase(fx, undefined));
		const url = report.checks.find((c) => c.id === 'webhooks.callbackUrl' && c.subject === 'Webhook object whatsapp_business_account');
		expect(url).toMatchObject({ status: 'fail', found: `Meta calls https://n8n.example.test/webhook/other, not ${TRIGGER_URL}` });
	});
});

test('Check App and Webhooks without a Meta App credential says which credential to select, before any app call', async () => {
	const fx = fixture();
	const seeded = applyScenario(fx.sandbox, 'healthy');
	const credentials = fx.credential(seeded.credential.type, seeded.credential.data);
	const parameters = { authentication: seeded.credential.type, resource: 'token', operation: 'check', ...seeded.parameters, checkApp: true };
	fx.admin.clearCalls();
	const run = await fx.engine.runNode({ type: 'n8n-nodes-meta-business.metaSetupDoctor', parameters, credentials });
	expect(run.error.message).toMatch(/no Meta App credential is selected/);
	expect(run.error.description).toMatch(/Select a Meta App credential/);
	expect(fx.calls({ path: `/${fx.seed.app.id}/subscriptions` })).toHaveLength(0);
});

describe('assets not shared at login', () => {
	test('the Page the workflows use was not ticked: the Page and Instagram checks say so, with the fix', async () => {
		const fx = fixture();
		const report = await runDoctor(fx, applyScenario(fx.sandbox, 'pageNotSharedAtLogin'));
		expect(report.checks.find((c) => c.id === 'pages.reachable')).toMatchObject({
			status: 'fail',
			found: 'No Facebook Page is shared with this token: a Page was not shared at login: reconnect and tick it (or add it to the system user)',
			fix: fixOf('pages.reachable'),
		});
		expect(report.checks.find((c) => c.id === 'instagram.linked').found).toBe('No Instagram account is shared with this token: an account was not shared at login: reconnect and tick it (or add it to the system user)');
		expect(fixOf('pages.reachable')).toMatch(/^A Page that was not shared at login: reconnect and tick it \(or add it to the system user\)/);
	});
});
