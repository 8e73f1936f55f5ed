'use strict';
const crypto = require('crypto');
const { startSandbox, startReceiver } = require('./helpers');

let ctx;
const receivers = [];
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(async () => {
	await Promise.all(receivers.map((r) => r.close()));
	await ctx.sandbox.stop();
});

async function receiver(handler) {
	const r = await startReceiver(handler);
	receivers.push(r);
	return r;
}

const hmac = (alg, secret, bytes) => crypto.createHmac(alg, secret).update(bytes).digest('hex');

const PAYLOAD = {
	object: 'instagram',
	entry: [{ id: '17841400000000001', time: 1767225600, changes: [{ field: 'comments', value: { id: '1786', text: 'Café 😀 / ok', from: { id: '42', username: 'zoë' } } }] }],
};

describe('webhook sender (reference §8.2, §8.5)', () => {
	test('escapes non-ASCII as lowercase \\uXXXX and signs the exact bytes', async () => {
		const r = await receiver();
		const result = await ctx.sandbox.webhooks.deliver({ url: `${r.url}/hook`, payload: PAYLOAD });
		expect(result).toMatchObject({ status: 200, body: 'ok', attempts: 1 });
		expect(r.received).toHaveLength(1);
		const { raw, headers, method } = r.received[0];
		const text = raw.toString('utf8');
		expect(method).toBe('POST');
		expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
		expect(text).toContain('Caf\\u00e9 \\ud83d\\ude00 / ok');
		expect(text).toContain('zo\\u00eb');
		expect(text).not.toMatch(/\\u[0-9a-f]*[A-F]/);
		expect(JSON.parse(text)).toEqual(PAYLOAD);
		expect(headers['content-type']).toBe('application/json');
		expect(headers['user-agent']).toBe('facebookexternalua');
		expect(headers['x-hub-signature-256']).toBe(`sha256=${hmac('sha256', ctx.seed.app.secret, raw)}`);
		expect(headers['x-hub-signature']).toBe(`sha1=${hmac('sha1', ctx.seed.app.secret, raw)}`);
		// re-serializing the parsed JSON does NOT give the signed bytes
		expect(hmac('sha256', ctx.seed.app.secret, Buffer.from(JSON.stringify(JSON.parse(text))))).not.toBe(headers['x-hub-signature-256'].slice(7));
	});

	test('object+entries with batchSize splits entries over several POSTs; duplicate sends the same bytes twice', async () => {
		const r = await receiver();
		const entries = [1, 2, 3].map((n) => ({ id: String(n), time: 1767225600, changes: [] }));
		const split = await ctx.sandbox.webhooks.deliver({ url: r.url, object: 'page', entries, batchSize: 2 });
		expect(split.deliveries).toHaveLength(2);
		expect(r.received.map((x) => JSON.parse(x.raw.toString()).entry.map((e) => e.id))).toEqual([['1', '2'], ['3']]);
		await ctx.sandbox.webhooks.deliver({ url: r.url, object: 'page', entries: entries.slice(0, 1), duplicate: true });
		const [a, b] = r.received.slice(2);
		expect(b.raw.equals(a.raw)).toBe(true);
		expect(b.headers['x-hub-signature-256']).toBe(a.headers['x-hub-signature-256']);
	});

	test('retries on non-2xx with a compressed schedule', async () => {
		const r = await receiver((_req, n) => (n < 3 ? { status: 500, body: 'busy' } : { status: 200, body: 'EVENT_RECEIVED' }));
		const result = await ctx.sandbox.webhooks.deliver({ url: r.url, payload: PAYLOAD, retries: 5 });
		expect(result).toMatchObject({ status: 200, body: 'EVENT_RECEIVED', attempts: 3 });
		expect(r.received).toHaveLength(3);
		const gaveUp = await ctx.sandbox.webhooks.deliver({ url: (await receiver(() => ({ status: 503 }))).url, payload: PAYLOAD, retries: 1 });
		expect(gaveUp).toMatchObject({ status: 503, attempts: 2 });
	});

	test('rawBody, signWith and header overrides', async () => {
		const r = await receiver();
		const raw = Buffer.from('{"object":"page","entry":[]}  ');
		await ctx.sandbox.webhooks.deliver({ url: r.url, rawBody: raw, signWith: 'wrong-secret', headers: { 'X-Hub-Signature': null, 'User-Agent': 'Webhooks/1.0 (https://fb.me/webhooks)' } });
		const got = r.received[0];
		expect(got.raw.equals(raw)).toBe(true);
		expect(got.headers['x-hub-signature-256']).toBe(`sha256=${hmac('sha256', 'wrong-secret', raw)}`);
		expect(got.headers['x-hub-signature']).toBeUndefined();
		expect(got.headers['user-agent']).toBe('Webhooks/1.0 (https://fb.me/webhooks)');
	});

	test('admin deliver endpoint (rawBody as base64)', async () => {
		const r = await receiver();
		const raw = Buffer.from('{"x":"\\u00e9"}');
		const res = await ctx.api.post('/__admin/webhooks/deliver', { url: r.url, rawBody: { base64: raw.toString('base64') }, appSecret: 'abc' });
		expect(res.data).toMatchObject({ status: 200, attempts: 1 });
		expect(r.received[0].raw.equals(raw)).toBe(true);
		expect(r.received[0].headers['x-hub-signature-256']).toBe(`sha256=${hmac('sha256', 'abc', raw)}`);
	});
});

describe('verification handshake client (reference §8.1)', () => {
	const echo = (token) => (req) => {
		const q = new URL(req.url, 'http://x').searchParams;
		return q.get('hub.mode') === 'subscribe' && q.get('hub.verify_token') === token ? { status: 200, body: q.get('hub.challenge') } : { status: 403, body: 'no' };
	};

	test('ok only when the body is exactly the challenge', async () => {
		const good = await receiver(echo('s3cret'));
		const result = await ctx.sandbox.webhooks.verifyCallback({ url: `${good.url}/webhook?workflow=1`, verifyToken: 's3cret' });
		expect(result).toMatchObject({ ok: true, status: 200 });
		expect(result.challenge).toMatch(/^\d+$/);
		expect(result.body).toBe(result.challenge);
		const q = new URL(good.received[0].url, 'http://x').searchParams;
		expect(q.get('workflow')).toBe('1');
		expect(q.get('hub.challenge')).toBe(result.challenge);

		expect(await ctx.sandbox.webhooks.verifyCallback({ url: good.url, verifyToken: 'wrong' })).toMatchObject({ ok: false, status: 403 });
		const quoted = await receiver((req) => ({ status: 200, body: JSON.stringify(new URL(req.url, 'http://x').searchParams.get('hub.challenge')) }));
		expect(await ctx.sandbox.webhooks.verifyCallback({ url: quoted.url, verifyToken: 'x' })).toMatchObject({ ok: false, status: 200 });
	});

	test('admin verify endpoint', async () => {
		const good = await receiver(echo('tok'));
		const res = await ctx.api.post('/__admin/webhooks/verify', { url: good.url, verifyToken: 'tok' });
		expect(res.data).toMatchObject({ ok: true, status: 200 });
	});
});
