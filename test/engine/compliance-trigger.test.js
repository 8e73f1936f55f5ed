'use strict';
// Meta App Compliance Trigger through the webhook harness: real HTTP, callbacks signed by the sandbox as Meta signs
// them. Valid callbacks start one execution each; anything unsigned, forged, tampered, malformed, of another
// algorithm or stale is refused with 4xx and starts nothing.
const crypto = require('crypto');
const { useTriggerFixture } = require('../support/fixture');
const { signRequest } = require('../sandbox/products/compliance');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

const STATUS_URL = 'https://n8n.example.com/webhook/deletion-status?code={code}';
const CODE = /^[A-Za-z0-9_-]{22}$/;

async function compliance(parameters = {}, credentialOverrides = {}) {
	const { app } = fx.seed;
	const credentials = fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken: 'verify-me', ...credentialOverrides });
	return await triggers.start('metaComplianceTrigger', { statusUrl: STATUS_URL, ...parameters }, credentials);
}

const deletionUrl = (hook) => hook.url('data-deletion');
const deauthorizeUrl = (hook) => hook.url('deauthorize');
const send = (hook, callback, opts = {}) =>
	fx.sandbox.webhooks.compliance.send({ url: callback === 'data_deletion' ? deletionUrl(hook) : deauthorizeUrl(hook), callback, ...opts });

describe('valid callbacks', () => {
	test('a data deletion request is answered at once with {url, confirmation_code} and starts one execution on the first output', async () => {
		const hook = await compliance();
		const result = await send(hook, 'data_deletion', { userId: '1100000000000077' });
		expect(result.status).toBe(200);
		const answer = JSON.parse(result.body);
		expect(Object.keys(answer).sort()).toEqual(['confirmation_code', 'url']);
		expect(answer.confirmation_code).toMatch(CODE);
		expect(answer.url).toBe(`https://n8n.example.com/webhook/deletion-status?code=${answer.confirmation_code}`);
		expect(result.meta.accepted).toBe(true);

		expect(hook.executions).toHaveLength(1);
		const [deletions, deauthorizations] = hook.executions[0].outputs;
		expect(deauthorizations ?? []).toHaveLength(0);
		expect(deletions).toHaveLength(1);
		expect(deletions[0]).toEqual({
			kind: 'data_deletion_request',
			userId: '1100000000000077',
			confirmationCode: answer.confirmation_code,
			statusUrl: answer.url,
			requestedAt: new Date(result.payload.issued_at * 1000).toISOString(),
			login: 'facebook',
			requestId: expect.stringMatching(CODE),
		});
	});

	test('a deauthorization answers 200 and starts one execution on the second output', async () => {
		const hook = await compliance();
		const result = await send(hook, 'deauthorize');
		expect(result.status).toBe(200);
		expect(hook.executions).toHaveLength(1);
		const [deletions, deauthorizations] = hook.executions[0].outputs;
		expect(deletions ?? []).toHaveLength(0);
		expect(deauthorizations).toEqual([
			{ kind: 'deauthorized', userId: fx.seed.users.ada.id, deauthorizedAt: new Date(result.payload.issued_at * 1000).toISOString(), login: 'facebook', requestId: expect.stringMatching(CODE) },
		]);
	});

	test('every deletion request gets its own confirmation code', async () => {
		const hook = await compliance();
		const codes = [];
		for (let i = 0; i < 5; i++) codes.push(JSON.parse((await send(hook, 'data_deletion')).body).confirmation_code);
		expect(new Set(codes).size).toBe(5);
		expect(hook.executions).toHaveLength(5);
	});

	test('without {code} the code is added to the status URL query; the signed payload on request', async () => {
		const hook = await compliance({ statusUrl: 'https://example.com/privacy/status?lang=en', options: { includePayload: true } });
		const result = await send(hook, 'data_deletion');
		const answer = JSON.parse(result.body);
		expect(answer.url).toBe(`https://example.com/privacy/status?lang=en&code=${answer.confirmation_code}`);
		expect(hook.executions[0].outputs[0][0].payload).toEqual(result.payload);
	});

	test('Instagram Login apps: signed with the Instagram app secret, the item says so; without that secret it is refused', async () => {
		const hook = await compliance();
		await send(hook, 'deauthorize', { login: 'instagram' });
		expect(hook.executions[0].outputs[1][0]).toMatchObject({ login: 'instagram', userId: fx.seed.instagram.appScopedId });
		const facebookOnly = await compliance({}, { instagramAppSecret: '' });
		expect((await send(facebookOnly, 'deauthorize', { login: 'instagram' })).status).toBe(401);
		expect(facebookOnly.executions).toHaveLength(0);
	});

	test('a signature with = padding and a form body n8n did not parse are accepted', async () => {
		const hook = await compliance();
		expect((await send(hook, 'deauthorize', { padSignature: true })).status).toBe(200);
		expect((await send(hook, 'deauthorize', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(200);
		expect(hook.executions).toHaveLength(2);
	});

	test('the same signed request sent again keeps its requestId (to recognise it) but gets a new confirmation code', async () => {
		const hook = await compliance();
		const first = await send(hook, 'data_deletion');
		const again = await send(hook, 'data_deletion', { signedRequest: first.signedRequest });
		const [a, b] = hook.executions.map((e) => e.outputs[0][0]);
		expect(b.requestId).toBe(a.requestId);
		expect(b.confirmationCode).not.toBe(a.confirmationCode);
		expect(JSON.parse(again.body).confirmation_code).toBe(b.confirmationCode);
		const other = await send(hook, 'data_deletion', { userId: '1100000000000099' });
		expect(other.status).toBe(200);
		expect(hook.executions[2].outputs[0][0].requestId).not.toBe(a.requestId);
	});

	test('the example workflow: its trigger links Meta to the status page of its own Webhook node', async () => {
		const example = require('../../docs/examples/meta-data-deletion-requests.json');
		const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-meta-business.metaComplianceTrigger');
		const statusPage = example.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
		const hook = await compliance(trigger.parameters);
		const answer = JSON.parse((await send(hook, 'data_deletion')).body);
		const url = new URL(answer.url);
		expect(url.pathname).toBe(`/webhook/${statusPage.parameters.path}`);
		expect(url.searchParams.get('code')).toBe(answer.confirmation_code);
		expect(example.connections[trigger.name].main).toHaveLength(2);
	});

	test('Max Age is an option: a 30-minute-old request passes with 60 minutes allowed', async () => {
		const strict = await compliance();
		const lenient = await compliance({ options: { maxAgeMinutes: 60 } });
		expect((await send(strict, 'deauthorize', { ageSeconds: 1800 })).status).toBe(403);
		expect((await send(lenient, 'deauthorize', { ageSeconds: 1800 })).status).toBe(200);
		expect(strict.executions).toHaveLength(0);
		expect(lenient.executions).toHaveLength(1);
		// A Max Age that is not a number (a broken expression) falls back to 10 minutes instead of allowing any age.
		const broken = await compliance({ options: { maxAgeMinutes: 'soon' } });
		expect((await send(broken, 'deauthorize', { ageSeconds: 660 })).status).toBe(403);
		expect((await send(broken, 'deauthorize', { ageSeconds: 540 })).status).toBe(200);
	});
});

describe('refusals: 4xx and no execution', () => {
	const CASES = [
		['forged (another secret)', { signWith: 'not-the-app-secret' }, 401, /does not match the app secret/],
		['tampered payload', { tamper: true }, 401, /does not match/],
		['unsigned', { unsigned: true }, 401, /no signature/],
		['wrong algorithm', { algorithm: 'HMAC-SHA1' }, 400, /algorithm other than HMAC-SHA256/],
		['stale (11 minutes old)', { ageSeconds: 660 }, 403, /seconds ago/],
		['far future', { ageSeconds: -3600 }, 403, /in the future/],
		['expired', { payload: { expires: 1000 } }, 403, /expired/],
		['no user id', { payload: { user_id: null } }, 400, /user_id/],
		['no issued_at', { payload: { issued_at: null } }, 400, /issued_at/],
		['no signed_request field', { rawBody: 'foo=bar' }, 400, /signed_request is missing/],
		['empty body', { rawBody: '' }, 400, /signed_request is missing/],
		['not <sig>.<payload>', { rawBody: 'signed_request=abc' }, 400, /not of the form/],
		['three parts', { rawBody: 'signed_request=a.b.c' }, 400, /not of the form/],
		['not base64url', { rawBody: 'signed_request=%2A%2A.%2A%2A' }, 400, /not base64url/],
		['short signature', { rawBody: 'signed_request=YWJj.eyJ9' }, 401, /not an HMAC-SHA256/],
	];

	test.each(CASES.map(([name, opts, status, reason]) => ({ name, opts, status, reason })))('$name → $status', async ({ opts, status, reason }) => {
		const hook = await compliance();
		for (const callback of ['data_deletion', 'deauthorize']) {
			const result = await send(hook, callback, opts);
			expect(result.status).toBe(status);
			expect(JSON.parse(result.body).error).toMatch(reason);
		}
		expect(hook.executions).toHaveLength(0);
	});

	test('a signed payload that is not JSON is refused', async () => {
		const hook = await compliance();
		const payloadPart = Buffer.from('not json').toString('base64url');
		const signedRequest = `${crypto.createHmac('sha256', fx.seed.app.secret).update(payloadPart).digest('base64url')}.${payloadPart}`;
		const result = await send(hook, 'data_deletion', { signedRequest });
		expect(result.status).toBe(400);
		expect(hook.executions).toHaveLength(0);
	});

	test('a replayed old callback is refused though its signature is genuine', async () => {
		const hook = await compliance();
		// Meta signed this one an hour ago (the sandbox clock); an attacker who captured it sends it again now.
		fx.admin.advanceClock(-3600);
		const captured = await send(hook, 'data_deletion');
		fx.admin.advanceClock(3600);
		expect(captured.status).toBe(403);
		const replay = await send(hook, 'data_deletion', { signedRequest: captured.signedRequest });
		expect(replay.status).toBe(403);
		expect(hook.executions).toHaveLength(0);
	});

	test('a GET is not a callback', async () => {
		const hook = await compliance();
		const signedRequest = signRequest({ algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), user_id: '1100000000000001' }, fx.seed.app.secret);
		for (const url of [deletionUrl(hook), deauthorizeUrl(hook)]) {
			const res = await fetch(`${url}?signed_request=${encodeURIComponent(signedRequest)}`);
			expect(res.status).toBe(404);
		}
		expect(hook.executions).toHaveLength(0);
	});

	test('a status URL that is not an absolute http(s) URL fails activation and answers 500 without an execution', async () => {
		const hook = await compliance({ statusUrl: 'deletion-status?code={code}' });
		await expect(hook.runWebhookMethod('create')).rejects.toThrow(/Status Page URL must be an absolute http\(s\) URL/);
		const result = await send(hook, 'data_deletion');
		expect(result.status).toBe(500);
		expect(hook.executions).toHaveLength(0);
		const good = await compliance();
		expect(await good.runWebhookMethod('create')).toBe(true);
	});
});

test('secrets never appear in answers, items or refusals', async () => {
	const hook = await compliance({ options: { includePayload: true } });
	const results = [
		await send(hook, 'data_deletion'),
		await send(hook, 'deauthorize'),
		await send(hook, 'deauthorize', { login: 'instagram' }),
		await send(hook, 'data_deletion', { signWith: 'wrong' }),
		await send(hook, 'data_deletion', { algorithm: 'none' }),
	];
	const seen = JSON.stringify({ bodies: results.map((r) => r.body), executions: hook.executions.map((e) => e.outputs) });
	expect(hook.executions).toHaveLength(3);
	for (const secret of [fx.seed.app.secret, fx.seed.app.instagramAppSecret, 'verify-me']) expect(seen).not.toContain(secret);
});
