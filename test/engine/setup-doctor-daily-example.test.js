'use strict';
// The "Daily Meta token check" example (docs/examples/daily-meta-token-check.json): its Setup Doctor node, run with
// the example's own parameters, passes on a healthy setup and warns ahead of a token's expiry, naming the fix.
const fs = require('fs');
const path = require('path');
const { useFixture } = require('../support/fixture');
const { installApp } = require('../sandbox/scenarios/broken-setups');

const fixture = useFixture();
const example = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/examples/daily-meta-token-check.json'), 'utf8'));
const doctorNode = example.nodes.find((n) => n.type === 'n8n-nodes-meta-business.metaSetupDoctor');

async function runExampleDoctor(fx, token) {
	const { app } = fx.seed;
	const credentials = {
		...fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret }),
		...fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'sandbox-verify' }),
	};
	const run = await fx.engine.runNode({ type: doctorNode.type, parameters: doctorNode.parameters, credentials });
	expect(run.error).toBeUndefined();
	return run.items[0];
}

test('the example checks the whole setup (app and webhooks included) and uses both credentials by name', () => {
	expect(doctorNode.parameters).toMatchObject({ resource: 'token', operation: 'check', checkApp: true, warnDays: 14 });
	expect(Object.keys(doctorNode.credentials).sort()).toEqual(['metaAccessTokenApi', 'metaAppApi']);
	const alert = example.nodes.find((n) => n.type === 'n8n-nodes-base.stopAndError');
	expect(alert.parameters.errorMessage).toMatch(/check\.status === 'fail' \|\| check\.status === 'warn'/);
});

test('a healthy system-user setup passes, app and webhooks included', async () => {
	const fx = fixture();
	// Healthy includes the WhatsApp accounts subscribed to the app (what activating the WhatsApp trigger does).
	for (const waba of [fx.seed.waba, fx.seed.secondWaba]) installApp(fx.sandbox.state, waba.id);
	const report = await runExampleDoctor(fx, fx.seed.tokens.systemUser);
	expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
	expect(report.status).toBe('pass');
	expect(report.checks.find((c) => c.id === 'app.business').status).toBe('pass');
});

test('a token that expires in 10 days warns today, with the fix, before anything breaks', async () => {
	const fx = fixture();
	const { systemUser, scopes } = fx.seed;
	const expiring = fx.admin.createToken({ type: 'SYSTEM_USER', userId: systemUser.id, scopes: scopes.facebook, expiresIn: 10 * 86400 }).token;
	for (const waba of [fx.seed.waba, fx.seed.secondWaba]) installApp(fx.sandbox.state, waba.id);
	const report = await runExampleDoctor(fx, expiring);
	expect(report.status).toBe('warn');
	const expiry = report.checks.find((c) => c.id === 'token.expiry');
	expect(expiry).toMatchObject({ status: 'warn', fix: expect.stringMatching(/^Reconnect the credential before that date/) });
	expect(report.summary).toMatch(/expires \d{4}-\d{2}-\d{2} \(in (9|10) days\)/);
	// Eleven days later it has expired: the same run fails.
	fx.sandbox.state.advanceClock(11 * 86400);
	const later = await runExampleDoctor(fx, expiring);
	expect(later.status).toBe('fail');
	expect(later.checks[0]).toMatchObject({ id: 'token.valid', status: 'fail' });
});
