'use strict';
// No token, app secret or appsecret_proof in any error, description or output item; and the credential reports
// (Setup Doctor node and the testedBy credential test) say what a token can and cannot do.
const { CredentialTestContext } = require('n8n-core');
const { useFixture, proofFor, FAST_RETRY, storedSession } = require('../support/fixture');
const { queryProblems } = require('../support/queryScan');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

function secretsOf() {
	const { app, tokens } = fx.seed;
	const values = [app.secret, app.instagramAppSecret, ...Object.values(tokens)];
	const proofs = Object.values(tokens).flatMap((t) => [proofFor(t, app.secret), proofFor(t, app.instagramAppSecret)]);
	return [...values, ...proofs];
}

function leaks(value, secrets) {
	const text = JSON.stringify(value, (_key, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
	return secrets.filter((s) => text.includes(s));
}

describe('secrets stay secret', () => {
	test('errors and outputs across failure paths carry no token, secret or proof', async () => {
		const { app, tokens } = fx.seed;
		const scenarios = [
			{ fault: { kind: 'expire' } },
			{ fault: { kind: 'error', code: 100, message: `Invalid parameter access_token=${tokens.adaUser} secret ${app.secret}` } },
			{ fault: { kind: 'error', code: 99999, message: `Weird: Bearer ${tokens.adaUser}`, isTransient: false } },
			{ fault: { kind: 'throttle', code: 4 } },
			{ fault: { kind: 'http5xx', code: 1, message: `Oops ${tokens.systemUser}` } },
			{ fault: { kind: 'timeout', ms: 50, times: 0 } },
		];
		const secrets = secretsOf();
		for (const [index, { fault }] of scenarios.entries()) {
			fx.reset();
			const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
			fx.admin.addFault({ match: { path: '/me' }, times: 0, ...fault });
			for (const continueOnFail of [false, true]) {
				const run = await fx.probe(creds, { path: 'me', retry: { ...FAST_RETRY, maxRetries: 1 } }, { continueOnFail });
				expect({ index, continueOnFail, leaks: leaks({ error: run.error, items: run.items, run: run.run }, secrets) }).toEqual({
					index,
					continueOnFail,
					leaks: [],
				});
				if (continueOnFail) expect(run.items[0].error).toBeTruthy();
				else expect(run.error).toBeDefined();
			}
		}
	});

	test('a failed token exchange says why without echoing the token or the secret', async () => {
		const { app, users, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		fx.admin.addFault({ match: { path: '/oauth/access_token' }, kind: 'error', code: 1, message: `Error validating client secret ${app.secret} for ${shortLived}` });
		const creds = fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret });
		const run = await fx.probe(creds, { path: 'me' });
		expect(run.error).toBeDefined();
		expect(run.error.description).toMatch(/Exchanging the Facebook token/);
		expect(leaks(run.run, [...secretsOf(), shortLived])).toEqual([]);
	});
});

describe('credential reports', () => {
	async function doctor(creds, parameters = {}) {
		const type = Object.keys(creds)[0];
		return await fx.engine.runNode({
			type: 'n8n-nodes-meta-business.metaSetupDoctor',
			parameters: { authentication: type, resource: 'token', operation: 'check', ...parameters },
			credentials: creds,
		});
	}

	test('the Setup Doctor reports type, expiry and the features a token’s scopes do not cover; a feature the user needs fails', async () => {
		const { app, users } = fx.seed;
		const token = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: ['pages_show_list', 'instagram_basic', 'instagram_content_publish'], expiresIn: 40 * 86400 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret });
		const run = await doctor(creds);
		expect(run.error).toBeUndefined();
		const report = run.items[0];
		// Uncovered features nobody asked for are listed, not failed.
		expect(report.status).toBe('pass');
		expect(report.token.type).toBe('USER');
		expect(report.summary).toMatch(/^Valid USER token, expires \d{4}-\d{2}-\d{2} \(in (39|40) days\)/);
		expect(report.summary).toMatch(/Can use: Instagram publishing/);
		expect(report.summary).toMatch(/Cannot use: .*WhatsApp messaging and templates \(grant whatsapp_business_messaging, whatsapp_business_management\)/);
		expect(report.checks.find((c) => c.id === 'token.valid').status).toBe('pass');
		expect(report.checks.find((c) => c.id === 'scopes.features').status).toBe('pass');

		const needsAds = (await doctor(creds, { features: ['ads', 'instagramPublish'] })).items[0];
		expect(needsAds.status).toBe('fail');
		expect(needsAds.checks.find((c) => c.id === 'scopes.features')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/grant the missing permissions/) });
		// Ads is now in play: its own checks run (and fail: this token cannot list ad accounts).
		expect(needsAds.checks.find((c) => c.id === 'ads.accounts').status).toBe('fail');
		// WhatsApp was not chosen: skipped, with why.
		expect(needsAds.checks.find((c) => c.id === 'whatsapp.accounts')).toMatchObject({ status: 'skip', found: 'skipped: WhatsApp is not among the features checked' });
	});

	test('a token expiring within the warning window warns, ahead of time', async () => {
		const { app, users, scopes } = fx.seed;
		const token = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 10 * 86400 }).token;
		const run = await doctor(fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret }), { warnDays: 14 });
		const report = run.items[0];
		expect(report.status).toBe('warn');
		expect(report.checks.find((c) => c.id === 'token.expiry')).toMatchObject({ status: 'warn', found: expect.stringMatching(/in (9|10) days/), fix: expect.stringMatching(/^Reconnect the credential before that date/) });
	});

	test('checking a pasted short-lived token first lets the credential exchange and save it, then reports on the token in use', async () => {
		const { app, users, scopes } = fx.seed;
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		const creds = fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret });
		const run = await doctor(creds);
		expect(run.error).toBeUndefined();
		expect(run.items[0].summary).toMatch(/expires .* \(in (59|60) days\)/);
		expect(fx.engine.credentials.stored(creds.metaAccessTokenApi.id).sessionToken).toMatch(/^EAA/);
	});

	test('a healthy system-user token passes every check', async () => {
		const { app, tokens } = fx.seed;
		const run = await doctor(fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser, appId: app.id, appSecret: app.secret }));
		const report = run.items[0];
		expect(report.token.type).toBe('SYSTEM_USER');
		expect(report.token.expiresAt).toBe('never');
		expect(report.checks.find((c) => c.id === 'token.valid').status).toBe('pass');
		expect(report.checks.find((c) => c.id === 'token.expiry').status).toBe('pass');
	});

	test('a revoked token fails the validity check with a fix', async () => {
		const { app, tokens } = fx.seed;
		fx.admin.revokeToken({ token: tokens.adaUser, subcode: 460 });
		const run = await doctor(fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, sessionToken: tokens.adaUser, sessionTokenSuffix: tokens.adaUser.slice(-6), sessionState: 'current', appId: app.id, appSecret: app.secret }));
		const report = run.items[0];
		expect(report.status).toBe('fail');
		expect(report.checks[0]).toMatchObject({ id: 'token.valid', status: 'fail' });
		expect(report.checks[0].fix).toMatch(/Reconnect|paste a new token/);
	});

	test('an Instagram Login token is read on graph.instagram.com', async () => {
		const { tokens, instagram, app } = fx.seed;
		const run = await doctor(fx.credential('metaAccessTokenApi', { accessToken: tokens.instagramLogin, appSecret: app.instagramAppSecret }));
		expect(run.error).toBeUndefined();
		expect(run.items[0].summary).toMatch(new RegExp(`Valid Instagram Login token for ${instagram.username.replace('.', '\\.')}`));
		expect(new Set(fx.calls().map((c) => c.host))).toEqual(new Set(['graph.instagram.com']));
	});

	test('the credential test n8n runs (testedBy) gives the same one-line report, through n8n-core’s CredentialTestContext', async () => {
		const { app, users } = fx.seed;
		const { credentialTypes, nodeTypes } = { credentialTypes: fx.engine.credentialTypes, nodeTypes: fx.engine.nodeTypes };
		expect(credentialTypes.metaAccessTokenApi).toBeDefined();
		const doctorType = nodeTypes['n8n-nodes-meta-business.metaSetupDoctor'].getNodeType(1);
		const testedBy = doctorType.description.credentials.find((c) => c.name === 'metaAccessTokenApi').testedBy;
		const testFn = doctorType.methods.credentialTest[testedBy];
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: ['pages_show_list', 'pages_manage_metadata', 'pages_read_engagement'], expiresIn: 3600 }).token;
		const result = await testFn.call(new CredentialTestContext(), {
			id: '1',
			name: 'test',
			type: 'metaAccessTokenApi',
			data: { accessToken: shortLived, appId: app.id, appSecret: app.secret, baseUrlOverride: fx.url, graphApiVersion: 'v26.0', apiHost: 'auto' },
		});
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/^Valid USER token, expires .* \(in (59|60) days\)/);
		expect(result.message).toMatch(/Cannot use: Instagram publishing \(grant instagram_basic, instagram_content_publish\)/);

		const broken = await testFn.call(new CredentialTestContext(), {
			id: '2',
			name: 'broken',
			type: 'metaAccessTokenApi',
			data: { accessToken: 'EAAgarbagegarbagegarbage', appId: app.id, appSecret: app.secret, baseUrlOverride: fx.url, graphApiVersion: 'v26.0', apiHost: 'auto' },
		});
		expect(broken.status).toBe('Error');
		expect(broken.message).toMatch(/not valid/i);

		// Valid, but good for none of the package's features: the test fails and says what to grant.
		const useless = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: ['public_profile'] }).token;
		const uselessResult = await testFn.call(new CredentialTestContext(), {
			id: '3',
			name: 'useless',
			type: 'metaAccessTokenApi',
			data: { accessToken: useless, appId: app.id, appSecret: app.secret, baseUrlOverride: fx.url, graphApiVersion: 'v26.0', apiHost: 'auto' },
		});
		expect(uselessResult.status).toBe('Error');
		expect(uselessResult.message).toMatch(/Cannot use: Instagram publishing/);

		// Lapsed data access: the test fails with the very words of the Setup Doctor's token.dataAccess check.
		const now = fx.sandbox.state.nowSec();
		const lapsed = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: fx.seed.scopes.facebook, issuedAt: now - 40 * 86400, expiresAt: now + 20 * 86400, dataAccessExpiresAt: now - 2 * 86400 }).token;
		const lapsedData = { accessToken: lapsed, appId: app.id, appSecret: app.secret };
		const lapsedResult = await testFn.call(new CredentialTestContext(), {
			id: '4',
			name: 'lapsed',
			type: 'metaAccessTokenApi',
			data: { ...lapsedData, baseUrlOverride: fx.url, graphApiVersion: 'v26.0', apiHost: 'auto' },
		});
		const doctorRun = await doctor(fx.credential('metaAccessTokenApi', lapsedData));
		const dataAccess = doctorRun.items[0].checks.find((c) => c.id === 'token.dataAccess');
		expect(dataAccess.status).toBe('fail');
		expect(lapsedResult.status).toBe('Error');
		expect(lapsedResult.message).toContain(`${dataAccess.found}.`);
		expect(lapsedResult.message).toMatch(/Data access ended on \d{4}-\d{2}-\d{2}/);
	});
});

describe('secrets in every field of Meta’s error and in every URL', () => {
	const { actionNodeFields, validParameters } = require('../support/parameterFields');

	/** Meta's error with a secret in each of its fields: title, user message, type, message (proof as JSON). */
	function secretLadenError(code) {
		const { app, tokens } = fx.seed;
		const proof = proofFor(tokens.adaUser, app.secret);
		return {
			kind: 'error',
			code,
			isTransient: false,
			times: 0,
			message: `Bad signature {"appsecret_proof":"${proof}"}`,
			userTitle: `Token ${tokens.adaUser} was rejected`,
			userMsg: `appsecret_proof: ${proof}`,
			type: `OAuthException ${app.secret}`,
		};
	}

	test.each([
		['a catalogued code', 100],
		['an unknown code', 99999],
	])('%s: a token in error_user_title, the app secret in error.type and proofs as key: value and JSON are redacted, also in Continue On Fail items', async (_what, code) => {
		const { app, tokens } = fx.seed;
		fx.admin.addFault({ match: { path: '/me' }, ...secretLadenError(code) });
		fx.admin.addFault({ match: { path: '/17800000000000001' }, ...secretLadenError(code) });
		const creds = fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
		const secrets = secretsOf();
		for (const continueOnFail of [false, true]) {
			const probe = await fx.probe(creds, { path: 'me' }, { continueOnFail });
			// A real node, whose failed items go through the shared router under Continue On Fail.
			const node = await fx.engine.runNode({
				type: 'n8n-nodes-meta-business.instagramBusiness',
				parameters: { authentication: 'metaAccessTokenApi', resource: 'comment', operation: 'get', commentId: { __rl: true, mode: 'id', value: '17800000000000001' } },
				credentials: creds,
				continueOnFail,
			});
			for (const run of [probe, node]) {
				expect({ continueOnFail, leaks: leaks({ error: run.error, items: run.items, run: run.run }, secrets) }).toEqual({ continueOnFail, leaks: [] });
				if (continueOnFail) expect(run.items[0].error).toBeTruthy();
				else expect(run.error).toBeDefined();
			}
			// Meta's words are kept around the redacted secrets.
			if (!continueOnFail) expect(node.error.description).toMatch(/appsecret_proof: \[redacted\]/);
		}
	});

	test('the query scan fails on a token, a secret or a proof in a URL, and on input_token outside a batch', () => {
		const { app, tokens, instagram } = fx.seed;
		const call = (path, query, extra = {}) => ({ method: 'GET', host: 'graph.facebook.com', path, query, batch: null, ...extra });
		const planted = [
			call('/debug_token', { input_token: tokens.adaUser }),
			call('/me', { fields: 'id', access_token: tokens.adaUser }),
			call('/me', { appsecret_proof: `${app.id}|${app.secret}` }),
			call('/oauth/access_token', { client_secret: app.secret }, { method: 'POST' }),
			call('/me', { q: `x ${tokens.systemUser}` }),
			call('/debug_token', { input_token: 'x', access_token: tokens.app }, { batch: 7 }),
			call(`/${instagram.id}`, { access_token: tokens.instagramLogin }, { host: 'graph.instagram.com' }),
		];
		expect(queryProblems(planted, [app.secret])).toHaveLength(planted.length);
		const allowed = [
			call('/debug_token', { input_token: tokens.adaUser }, { batch: 7 }),
			call('/me', { fields: 'id', appsecret_proof: proofFor(tokens.adaUser, app.secret) }),
			call('/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: tokens.instagramLogin }, { host: 'graph.instagram.com' }),
		];
		expect(queryProblems(allowed, [app.secret])).toEqual([]);
	});

	test('no token or secret in any URL query string across a run of every action node operation, Page-token calls, token inspections and exchanges', async () => {
		const { app, tokens, users, scopes, page, instagram } = fx.seed;
		const credentialFor = (node) =>
			node === 'whatsAppCloud'
				? fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser, appId: app.id, appSecret: app.secret })
				: fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
		const seen = new Set();
		let runs = 0;
		for (const field of actionNodeFields()) {
			const key = `${field.node}.${field.resource}.${field.operation}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const parameters = { ...validParameters(fx.seed, field), options: { retryWaitSeconds: 0.02, timeoutMinutes: 0.05 } };
			await fx.engine.runNode({ type: `n8n-nodes-meta-business.${field.node}`, parameters, credentials: credentialFor(field.node), continueOnFail: true });
			runs++;
		}
		// A call made with a Page token the shared layer derived (asPage).
		const pageRun = await fx.probe(credentialFor('probe'), { path: page.id, qs: { fields: 'id,name' }, asPage: page.id });
		expect(pageRun.error).toBeUndefined();
		// A pasted short-lived token, exchanged by the credential.
		const shortLived = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
		const exchanged = await fx.probe(fx.credential('metaAccessTokenApi', { accessToken: shortLived, appId: app.id, appSecret: app.secret }), { path: 'me' });
		expect(exchanged.error).toBeUndefined();
		// Token inspections: the Setup Doctor and the credential test n8n runs (testedBy).
		const doctorRun = await fx.engine.runNode({
			type: 'n8n-nodes-meta-business.metaSetupDoctor',
			parameters: { authentication: 'metaAccessTokenApi', resource: 'token', operation: 'check' },
			credentials: credentialFor('doctor'),
		});
		expect(doctorRun.items[0].checks.find((c) => c.id === 'token.valid').status).toBe('pass');
		const doctorType = fx.engine.nodeTypes['n8n-nodes-meta-business.metaSetupDoctor'].getNodeType(1);
		const testedBy = doctorType.description.credentials.find((c) => c.name === 'metaAccessTokenApi').testedBy;
		const tested = await doctorType.methods.credentialTest[testedBy].call(new CredentialTestContext(), {
			id: 'scan',
			name: 'scan',
			type: 'metaAccessTokenApi',
			data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride: fx.url, graphApiVersion: 'v26.0', apiHost: 'auto' },
		});
		expect(tested.message).toMatch(/^Valid USER token/);
		// Instagram Login: a short-lived token exchanged, and an old long-lived one refreshed (query only, as Meta documents).
		const igShortLived = fx.admin.createToken({ type: 'IG_USER', igUserId: instagram.id, scopes: scopes.instagram, expiresIn: 3600 }).token;
		const igExchanged = await fx.probe(fx.credential('metaAccessTokenApi', { accessToken: igShortLived, appSecret: app.instagramAppSecret }), { path: 'me' });
		expect(igExchanged.error).toBeUndefined();
		const igIssuedAt = Math.floor(Date.now() / 1000) - 55 * 86400;
		const igOld = fx.admin.createToken({ type: 'IG_USER', appId: app.id, igUserId: instagram.id, scopes: scopes.instagram, issuedAt: igIssuedAt, expiresAt: igIssuedAt + 60 * 86400 }).token;
		const igRefreshed = await fx.probe(fx.credential('metaAccessTokenApi', storedSession(igOld, igIssuedAt, igIssuedAt + 50 * 86400)), { path: 'me' });
		expect(igRefreshed.error).toBeUndefined();

		const calls = fx.calls();
		expect(runs).toBeGreaterThan(40);
		expect(calls.length).toBeGreaterThan(100);
		expect(calls.some((c) => c.path === `/${page.id}` && c.tokenType === 'PAGE')).toBe(true);
		expect(calls.some((c) => c.path === '/oauth/access_token')).toBe(true);
		const inspections = calls.filter((c) => c.path === '/debug_token');
		expect(inspections.length).toBeGreaterThan(2);
		expect(calls.some((c) => c.host === 'graph.instagram.com' && c.path === '/access_token')).toBe(true);
		expect(calls.some((c) => c.host === 'graph.instagram.com' && c.path === '/refresh_access_token')).toBe(true);
		expect(queryProblems(calls, [...secretsOf(), shortLived, igShortLived, igOld])).toEqual([]);
	}, 300_000);

	test('the Meta App credential test sends the app token in the header, not the URL', () => {
		const request = fx.engine.credentialTypes.metaAppApi.test.request;
		expect(JSON.stringify(request.qs ?? {})).not.toMatch(/appSecret|access_token/);
		expect(request.headers.Authorization).toBe('=Bearer {{$credentials.appId}}|{{$credentials.appSecret}}');
	});
});
