'use strict';
// Deauthorize and data deletion callbacks as Meta sends them: form-encoded signed_request, HMAC-SHA256 of the
// base64url payload part with the app secret; and Meta's judgement of the deletion answer.
const crypto = require('crypto');
const { startSandbox, startReceiver } = require('./helpers');
const { judgeDeletionAnswer } = require('../sandbox/products/compliance');

let ctx;
const receivers = [];
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(async () => {
	await Promise.all(receivers.map((r) => r.close()));
	await ctx.sandbox.stop();
});
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

async function receiver(handler) {
	const r = await startReceiver(handler);
	receivers.push(r);
	return r;
}

/** An independent parse of what was received: the form field, the signature check, the payload. */
function parseReceived(entry, secret) {
	const signedRequest = new URLSearchParams(entry.raw.toString('utf8')).get('signed_request');
	const [sig, payloadPart] = signedRequest.split('.');
	const expected = crypto.createHmac('sha256', secret).update(payloadPart).digest('base64url');
	return { signedRequest, validSignature: sig.replace(/=+$/, '') === expected, payload: JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) };
}

const send = (opts) => ctx.sandbox.webhooks.compliance.send(opts);

describe('compliance callbacks', () => {
	test('a deauthorize callback is a form POST with a signed_request over the payload part, no webhook signature headers', async () => {
		const r = await receiver();
		const result = await send({ url: `${r.url}/deauthorize`, callback: 'deauthorize' });
		expect(result.status).toBe(200);
		const [entry] = r.received;
		expect(entry.method).toBe('POST');
		expect(entry.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(entry.headers['x-hub-signature-256']).toBeUndefined();
		const parsed = parseReceived(entry, ctx.seed.app.secret);
		expect(parsed.validSignature).toBe(true);
		expect(parsed.payload).toEqual({ algorithm: 'HMAC-SHA256', issued_at: expect.any(Number), user_id: ctx.seed.users.ada.id });
		expect(Math.abs(parsed.payload.issued_at - Date.now() / 1000)).toBeLessThan(5);
		expect(parsed.signedRequest).toBe(result.signedRequest);
	});

	test('a data deletion callback carries expires one hour after issued_at; the sandbox clock sets issued_at', async () => {
		const r = await receiver();
		ctx.sandbox.admin.advanceClock(-600);
		await send({ url: `${r.url}/del`, callback: 'data_deletion', userId: '1234567890' });
		const { payload, validSignature } = parseReceived(r.received[0], ctx.seed.app.secret);
		expect(validSignature).toBe(true);
		expect(payload.user_id).toBe('1234567890');
		expect(payload.expires - payload.issued_at).toBe(3600);
		expect(Date.now() / 1000 - payload.issued_at).toBeGreaterThan(595);
	});

	test('Instagram Login callbacks are signed with the Instagram app secret and name the Instagram user', async () => {
		const r = await receiver();
		await send({ url: r.url, callback: 'deauthorize', login: 'instagram' });
		const parsed = parseReceived(r.received[0], ctx.seed.app.instagramAppSecret);
		expect(parsed.validSignature).toBe(true);
		expect(parsed.payload.user_id).toBe(ctx.seed.instagram.appScopedId);
	});

	test('forged, tampered, unsigned, wrong-algorithm, aged and padded variants are what they say', async () => {
		const r = await receiver();
		const secret = ctx.seed.app.secret;
		await send({ url: r.url, callback: 'deauthorize', signWith: 'guess' });
		await send({ url: r.url, callback: 'deauthorize', tamper: true });
		await send({ url: r.url, callback: 'deauthorize', unsigned: true });
		await send({ url: r.url, callback: 'deauthorize', algorithm: 'HMAC-SHA1' });
		await send({ url: r.url, callback: 'deauthorize', ageSeconds: 3600 });
		await send({ url: r.url, callback: 'deauthorize', padSignature: true });
		const [forged, tampered, unsigned, algorithm, aged, padded] = r.received.map((e) => parseReceived(e, secret));
		expect(forged.validSignature).toBe(false);
		expect(tampered.validSignature).toBe(false);
		expect(tampered.payload.user_id).toBe('1999999999999999');
		expect(unsigned.signedRequest.startsWith('.')).toBe(true);
		expect(algorithm).toMatchObject({ validSignature: true, payload: { algorithm: 'HMAC-SHA1' } });
		expect(aged.validSignature).toBe(true);
		expect(Date.now() / 1000 - aged.payload.issued_at).toBeGreaterThan(3595);
		expect(padded.signedRequest.split('.')[0].endsWith('=')).toBe(true);
		expect(padded.validSignature).toBe(true);
	});

	test('a captured signed_request can be replayed byte for byte', async () => {
		const r = await receiver();
		const first = await send({ url: r.url, callback: 'data_deletion' });
		await send({ url: r.url, callback: 'data_deletion', signedRequest: first.signedRequest });
		expect(r.received[1].raw.equals(r.received[0].raw)).toBe(true);
	});

	test('the deletion answer is judged as Meta requires: 200 JSON with url and confirmation_code', async () => {
		const good = await receiver(() => ({ status: 200, body: JSON.stringify({ url: 'https://example.com/s?code=abc', confirmation_code: 'abc' }) }));
		expect((await send({ url: good.url, callback: 'data_deletion' })).meta).toEqual({ accepted: true, url: 'https://example.com/s?code=abc', confirmationCode: 'abc' });
		expect(judgeDeletionAnswer(200, '{"url":"https://x.test/"}')).toMatchObject({ accepted: false, reason: 'the answer has no confirmation_code' });
		expect(judgeDeletionAnswer(200, '{"confirmation_code":"a"}')).toMatchObject({ accepted: false, reason: 'the answer has no url' });
		expect(judgeDeletionAnswer(200, 'ok')).toMatchObject({ accepted: false });
		expect(judgeDeletionAnswer(401, '{}')).toMatchObject({ accepted: false, reason: 'answered HTTP 401' });
	});

	test('the admin route sends the same callbacks over HTTP; bad input is a 400', async () => {
		const r = await receiver();
		const res = await ctx.api.post('/__admin/compliance/send', { url: r.url, callback: 'data_deletion', userId: '42' });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ status: 200, payload: { user_id: '42', algorithm: 'HMAC-SHA256' } });
		expect(parseReceived(r.received[0], ctx.seed.app.secret).validSignature).toBe(true);
		expect((await ctx.api.post('/__admin/compliance/send', { url: r.url, callback: 'uninstall' })).status).toBe(400);
		expect((await ctx.api.post('/__admin/compliance/send', { callback: 'deauthorize' })).status).toBe(400);
		expect((await ctx.api.post('/__admin/compliance/explode', {})).status).toBe(400);
	});

	test('a person removing the app: their tokens stop with 190/458 and Meta calls the dashboard URLs', async () => {
		const r = await receiver();
		const ada = ctx.seed.users.ada.id;
		const me = () => ctx.api.get(ctx.fb(`/me?access_token=${ctx.seed.tokens.adaUser}`));
		expect((await me()).status).toBe(200);
		const configured = await ctx.api.post('/__admin/compliance/configure', { deauthorizeUrl: `${r.url}/deauthorize`, dataDeletionUrl: `${r.url}/data-deletion` });
		expect(configured.data).toEqual({ deauthorizeUrl: `${r.url}/deauthorize`, dataDeletionUrl: `${r.url}/data-deletion` });
		const removed = (await ctx.api.post('/__admin/compliance/removeApp', { userId: ada, requestDeletion: true })).data;
		expect(removed.revokedTokens).toBeGreaterThan(0);
		expect(r.received.map((e) => e.url)).toEqual(['/deauthorize', '/data-deletion']);
		expect(r.received.map((e) => parseReceived(e, ctx.seed.app.secret).payload.user_id)).toEqual([ada, ada]);
		const after = await me();
		expect(after.data.error).toMatchObject({ code: 190, error_subcode: 458 });
	});

	test('removing the app without asking for deletion calls only the deauthorize URL; nothing is sent with no URL set', async () => {
		const r = await receiver();
		expect((await ctx.sandbox.webhooks.compliance.removeApp({ userId: ctx.seed.users.ada.id })).deauthorize).toBeNull();
		ctx.sandbox.webhooks.compliance.configure({ deauthorizeUrl: r.url, dataDeletionUrl: r.url });
		const result = await ctx.sandbox.webhooks.compliance.removeApp({ userId: ctx.seed.users.eddie.id });
		expect(result.dataDeletion).toBeNull();
		expect(r.received).toHaveLength(1);
	});
});
