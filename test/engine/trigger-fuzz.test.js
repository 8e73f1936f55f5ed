'use strict';
// Fuzz: 10,000 forged, tampered, truncated, re-signed-with-the-wrong-secret, oversized and non-JSON requests start
// zero executions and each gets 401 or 403; every correctly signed delivery of new events in between starts once
// (its replay is acknowledged and starts nothing).
const crypto = require('crypto');
const http = require('http');
const { useFixture } = require('../support/fixture');
const { WebhookHarness } = require('../harness/webhooks');
const events = require('../sandbox/products/events');

// 10,000 HTTP requests: about 45 s on a busy 2-core machine (the whole suite running beside it), so more than jest's 60 s.
jest.setTimeout(240000);

const fixture = useFixture();
let fx;
let hook;
beforeEach(async () => {
	fx = fixture();
	const { app } = fx.seed;
	const credentials = fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'v' });
	hook = await new WebhookHarness(fx.engine, {
		type: 'n8n-nodes-meta-business.instagramBusinessTrigger',
		parameters: { loginType: 'facebook', events: ['message', 'comment'] },
		credentials,
	}).start();
});
afterEach(async () => hook.stop());

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
afterAll(() => agent.destroy());

function post(url, body, headers) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const sign = (secret, bytes) => `sha256=${crypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test('10,000 bad requests are all refused with 401/403 and start nothing; valid ones interleaved all start', async () => {
	const secret = fx.seed.app.secret;
	const random = rng(20261123);
	const base = Buffer.from(JSON.stringify(events.envelope.instagram(events.instagram.comment('héllo wörld 😀'), events.instagram.message('dm'))));
	const validSignature = sign(secret, base);
	const mutations = [
		// forged: a signature made up from nothing
		() => ({ body: base, sig: `sha256=${crypto.randomBytes(32).toString('hex')}` }),
		// tampered: one byte changed after signing
		() => {
			const body = Buffer.from(base);
			const at = Math.floor(random() * body.length);
			body[at] = body[at] ^ (1 + Math.floor(random() * 254));
			return { body, sig: validSignature };
		},
		// truncated after signing
		() => ({ body: base.subarray(0, Math.floor(random() * (base.length - 1))), sig: validSignature }),
		// re-signed with the wrong secret
		() => ({ body: base, sig: sign(`${secret}x${Math.floor(random() * 1000)}`, base) }),
		// oversized junk with a forged signature
		() => ({ body: Buffer.alloc(256 * 1024 + Math.floor(random() * 1024), 0x61), sig: validSignature }),
		// non-JSON, correctly signed: not a Meta envelope
		() => {
			const body = Buffer.from(`not json ${random()}`);
			return { body, sig: sign(secret, body) };
		},
		// JSON that is not an envelope, correctly signed
		() => {
			const body = Buffer.from(JSON.stringify({ object: 'instagram', entry: 'nope', n: random() }));
			return { body, sig: sign(secret, body) };
		},
		// missing or malformed header
		() => ({ body: base, sig: undefined }),
		() => ({ body: base, sig: `sha256=${validSignature.slice(7, 40)}` }),
		() => ({ body: base, sig: validSignature.toUpperCase().replace('SHA256', 'sha1') }),
	];

	const statuses = new Map();
	let validSent = 0;
	const TOTAL = 10_000;
	const CONCURRENCY = 16;
	let next = 0;
	async function worker() {
		while (next < TOTAL) {
			const i = next++;
			if (i % 1000 === 0) {
				// A correctly signed delivery of new events now and then must still get through; its replay starts nothing.
				const fresh = Buffer.from(JSON.stringify(events.envelope.instagram(events.instagram.comment(`fresh ${i}`), events.instagram.message(`dm ${i}`))));
				const status = await post(hook.url(), fresh, { 'x-hub-signature-256': sign(secret, fresh) });
				expect(status).toBe(200);
				validSent++;
				expect(await post(hook.url(), fresh, { 'x-hub-signature-256': sign(secret, fresh) })).toBe(200);
			}
			const { body, sig } = mutations[i % mutations.length]();
			const status = await post(hook.url(), body, sig === undefined ? {} : { 'x-hub-signature-256': sig });
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));

	const refused = (statuses.get(401) ?? 0) + (statuses.get(403) ?? 0);
	// Only refusals: no 200 (accepted), 413 or 500 among the bad requests.
	expect([...statuses.keys()].every((status) => status === 401 || status === 403)).toBe(true);
	expect(refused).toBe(TOTAL);
	expect(hook.executions).toHaveLength(validSent);
	expect(hook.executions.every((e) => e.outputs[0].length === 2)).toBe(true);
});
