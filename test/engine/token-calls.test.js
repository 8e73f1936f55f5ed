'use strict';
// The credential's own token calls through the real engine. Inspection (debug_token): the inspected token goes inside a
// Graph batch request (reference §1.7, §9.3), in the POST body, never in a URL; Meta's refusal of the inner call is
// reported exactly as a refusal of a direct token call. Instagram Login's exchange and refresh keep the token in the
// query (the only form Meta documents), and that URL reaches no error, item or run data.
const { useFixture, storedSession } = require('../support/fixture');
const { classifyMetaError } = require('../../dist/nodes/shared/errors/metaError');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

function pastedCredential(token) {
	const { app } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret });
}

function shortLivedToken() {
	const { users, scopes } = fx.seed;
	return fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
}

const textOf = (error) => `${error.message} ${error.description ?? ''}`;

test('the inspected token travels in the batch POST body with the app token in the header; nothing secret in any URL', async () => {
	const { tokens } = fx.seed;
	const run = await fx.probe(pastedCredential(tokens.adaUser), { path: 'me' });
	expect(run.error).toBeUndefined();
	const [parent] = fx.calls().filter((c) => c.batch === null && c.method === 'POST' && c.path === '/');
	expect(parent).toMatchObject({ host: 'graph.facebook.com', query: {}, tokenType: 'APP', tokenValid: true, status: 200 });
	expect(parent.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
	expect(JSON.parse(parent.body.batch)).toEqual([{ method: 'GET', relative_url: `debug_token?input_token=${tokens.adaUser}` }]);
	const inspections = fx.calls({ path: '/debug_token' });
	expect(inspections).toHaveLength(1);
	expect(inspections[0]).toMatchObject({ batch: parent.seq, tokenType: 'APP', status: 200, query: { input_token: tokens.adaUser } });
	expect(fx.calls().filter((c) => c.batch === null).flatMap((c) => Object.values(c.query)).join(' ')).not.toContain(tokens.adaUser);
});

test('a refused inspection inside the batch reads as a refused direct token call: same catalog sentence, category and Meta words', async () => {
	const fault = { kind: 'error', code: 190, subcode: 460, message: 'Error validating access token: the session was invalidated because the user changed the password' };
	fx.admin.addFault({ match: { path: '/debug_token' }, times: 0, ...fault });
	const inspected = await fx.probe(pastedCredential(shortLivedToken()), { path: 'me' });
	fx.admin.clearFaults();
	fx.admin.addFault({ match: { path: '/oauth/access_token' }, times: 0, ...fault });
	const exchanged = await fx.probe(pastedCredential(shortLivedToken()), { path: 'me' });

	const classified = classifyMetaError({ code: 190, subcode: 460, message: fault.message, httpStatus: 400 });
	expect(classified.known).toBe(true);
	const afterFailed = (error) => /failed: (.*)$/s.exec(textOf(error).split('\n')[0])?.[1];
	expect(textOf(inspected.error)).toMatch(/Inspecting the token failed: /);
	expect(textOf(exchanged.error)).toMatch(/Exchanging the Facebook token for a long-lived one failed: /);
	expect(afterFailed(inspected.error)).toBe(afterFailed(exchanged.error));
	expect(afterFailed(inspected.error)).toContain(classified.sentence);
	expect(afterFailed(inspected.error)).toContain(fault.message);
	const meta = (error) => { const { code, subcode, category, retryable, title } = error.context.metaError; return { code, subcode, category, retryable, title }; };
	expect(meta(inspected.error)).toEqual(meta(exchanged.error));
	expect(meta(inspected.error)).toMatchObject({ code: 190, subcode: 460, category: classified.category });
	expect(fx.calls({ path: '/me' })).toEqual([]);
});

test('a refused batch and an inspection Meta did not finish are credential problems, nothing sent with the token', async () => {
	const { tokens } = fx.seed;
	fx.admin.addFault({ match: { path: '/', method: 'POST' }, kind: 'throttle', code: 4, times: 1 });
	const throttled = await fx.probe(pastedCredential(tokens.adaUser), { path: 'me' });
	expect(textOf(throttled.error)).toMatch(/Inspecting the token failed: .*Application request limit reached/s);
	expect(textOf(throttled.error)).toContain(classifyMetaError({ code: 4, message: '(#4) Application request limit reached', httpStatus: 400 }).sentence);

	fx.admin.addFault({ match: { path: '/debug_token' }, kind: 'timeout', ms: 50, times: 1 });
	const unfinished = await fx.probe(pastedCredential(tokens.adaUser), { path: 'me' });
	expect(textOf(unfinished.error)).toMatch(/Inspecting the token failed: Meta did not finish the inspection\. Nothing was sent with this credential yet/);
	expect(unfinished.error.context.metaError.title).toBe('Meta credential problem');
	expect(fx.calls({ path: '/me' })).toEqual([]);
});

describe('Instagram Login exchange and refresh: the token and the secret in the URL, as Meta documents, and nowhere else', () => {
	const DAY = 86400;

	function igCalls() {
		return fx.calls({ host: 'graph.instagram.com' }).filter((c) => c.path === '/access_token' || c.path === '/refresh_access_token');
	}

	test('Meta echoing the whole URL in a refusal, and a call without an answer, leave no token or secret in errors, items or the run', async () => {
		const { app, instagram, scopes } = fx.seed;
		const issuedAt = Math.floor(Date.now() / 1000) - 55 * DAY;
		const old = fx.admin.createToken({ type: 'IG_USER', appId: app.id, igUserId: instagram.id, scopes: scopes.instagram, issuedAt, expiresAt: issuedAt + 60 * DAY }).token;
		const shortLived = fx.admin.createToken({ type: 'IG_USER', igUserId: instagram.id, scopes: scopes.instagram, expiresIn: 3600 }).token;
		const secrets = [old, shortLived, app.instagramAppSecret];
		const cases = [
			{
				creds: () => fx.credential('metaAccessTokenApi', storedSession(old, issuedAt, issuedAt + 50 * DAY)),
				fault: { kind: 'error', code: 190, message: `Cannot refresh https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=${old}`, userTitle: `Token ${old}` },
				path: '/refresh_access_token',
			},
			{ creds: () => fx.credential('metaAccessTokenApi', storedSession(old, issuedAt, issuedAt + 50 * DAY)), fault: { kind: 'timeout', ms: 50 }, path: '/refresh_access_token' },
			{
				creds: () => fx.credential('metaAccessTokenApi', { accessToken: shortLived, appSecret: app.instagramAppSecret }),
				fault: { kind: 'error', code: 1, message: `Failed: /access_token?grant_type=ig_exchange_token&client_secret=${app.instagramAppSecret}&access_token=${shortLived}` },
				path: '/access_token',
			},
			{ creds: () => fx.credential('metaAccessTokenApi', { accessToken: shortLived, appSecret: app.instagramAppSecret }), fault: { kind: 'timeout', ms: 50 }, path: '/access_token' },
		];
		for (const [index, { creds, fault, path }] of cases.entries()) {
			for (const continueOnFail of [false, true]) {
				fx.admin.clearFaults();
				fx.admin.clearCalls();
				fx.admin.addFault({ match: { host: 'graph.instagram.com', path }, times: 0, ...fault });
				const run = await fx.probe(creds(), { path: 'me' }, { continueOnFail });
				expect(igCalls().map((c) => c.path)).toContain(path);
				const text = JSON.stringify({ error: run.error, items: run.items, run: run.run }, (_key, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
				expect({ index, continueOnFail, leaks: secrets.filter((s) => text.includes(s)) }).toEqual({ index, continueOnFail, leaks: [] });
				// Meta's words came through, with the secrets cut out.
				if (fault.message) expect(text).toContain(`${fault.message.split(' ')[0]} `);
				if (fault.message) expect(text).toContain('[redacted]');
				if (continueOnFail) expect(run.items[0].error).toBeTruthy();
				else expect(`${run.error.message} ${run.error.description}`).toMatch(/Instagram token/);
			}
		}
	});
});
