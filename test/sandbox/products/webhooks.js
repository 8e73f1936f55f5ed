'use strict';
// Webhook sender (reference §8): serializes like Meta (non-ASCII as lowercase \uXXXX), signs the exact
// bytes (X-Hub-Signature-256 / X-Hub-Signature), POSTs, retries on non-2xx; plus the GET verification
// handshake client. Usable from JS (sandbox.webhooks) and from POST /__admin/webhooks/*.
const http = require('http');
const https = require('https');
const crypto = require('crypto');

/** JSON with every code unit above 0x7f escaped as \uxxxx (surrogate pairs → two escapes). */
function metaJson(value, { escapeSlashes = false } = {}) {
	let text = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
	if (escapeSlashes) text = text.replace(/\//g, '\\/');
	return text;
}

function signatures(bytes, secret) {
	return {
		'X-Hub-Signature-256': 'sha256=' + crypto.createHmac('sha256', String(secret)).update(bytes).digest('hex'),
		'X-Hub-Signature': 'sha1=' + crypto.createHmac('sha1', String(secret)).update(bytes).digest('hex'),
	};
}

/** One HTTP request with exact bytes; resolves {status, body} or {status:0, error}. */
function send(urlString, { method, headers, body, timeoutMs }) {
	return new Promise((resolve) => {
		let url;
		try {
			url = new URL(urlString);
		} catch {
			resolve({ status: 0, body: '', error: `invalid url: ${urlString}` });
			return;
		}
		const lib = url.protocol === 'https:' ? https : http;
		const req = lib.request(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
		if (body) req.write(body);
		req.end();
	});
}

function chunk(list, size) {
	if (!size || size <= 0) return [list];
	const out = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/**
 * @param {any} state
 * @param {ReturnType<import('../core/timers').createTimers>} timers
 */
function createWebhookSender(state, timers) {
	/** POST exact bytes with retries; one entry per attempt goes to state.webhookDeliveries. */
	async function postBytes(url, bytes, headers, retries) {
		let attempt = 0;
		let result;
		for (;;) {
			attempt += 1;
			result = await send(url, { method: 'POST', headers, body: bytes, timeoutMs: state.settings.webhookTimeoutMs });
			state.webhookDeliveries.push({ at: state.nowMs(), url, attempt, status: result.status, bytes: bytes.length, error: result.error || null });
			const ok = result.status >= 200 && result.status < 300;
			if (ok || attempt > retries) break;
			// Meta retries over hours; compressed here to milliseconds with exponential spacing.
			await timers.sleep(state.settings.webhookRetryDelayMs * 2 ** (attempt - 1));
		}
		return { status: result.status, body: result.body, attempts: attempt, ...(result.error ? { error: result.error } : {}) };
	}

	/**
	 * @param {Object} opts
	 * @param {string} opts.url
	 * @param {any} [opts.payload]           full body object ({object, entry:[...]})
	 * @param {string} [opts.object]         with `entries`: builds {object, entry}
	 * @param {any[]} [opts.entries]
	 * @param {string} [opts.appSecret]      default: the seeded (first) app's secret
	 * @param {string} [opts.signWith]       sign with this secret instead (e.g. a wrong one)
	 * @param {number} [opts.batchSize]      split entry[] into several POSTs
	 * @param {boolean} [opts.duplicate]     send the same bytes twice
	 * @param {number} [opts.retries]        re-deliver on non-2xx up to n times
	 * @param {Record<string,string|null>} [opts.headers] overrides; null removes a header
	 * @param {Buffer|string} [opts.rawBody] send exactly these bytes
	 * @param {boolean} [opts.escapeSlashes]
	 * @returns {Promise<{status:number, body:string, attempts:number, deliveries:any[]}>}
	 */
	async function deliver(opts) {
		if (!opts || !opts.url) throw new Error('deliver: url is required');
		const app = state.defaultApp();
		const secret = opts.signWith ?? opts.appSecret ?? (app && app.secret);
		if (!secret) throw new Error('deliver: no appSecret given and no app seeded');
		const escapeSlashes = opts.escapeSlashes ?? state.settings.webhookEscapeSlashes;
		/** @type {Buffer[]} */
		let bodies;
		if (opts.rawBody !== undefined) bodies = [Buffer.isBuffer(opts.rawBody) ? opts.rawBody : Buffer.from(String(opts.rawBody), 'utf8')];
		else {
			const payload = opts.payload || { object: opts.object, entry: opts.entries || [] };
			const parts = opts.batchSize && Array.isArray(payload.entry) ? chunk(payload.entry, Number(opts.batchSize)).map((entry) => ({ ...payload, entry })) : [payload];
			bodies = parts.map((p) => Buffer.from(metaJson(p, { escapeSlashes }), 'utf8'));
		}
		const deliveries = [];
		for (const bytes of bodies) {
			/** @type {Record<string,string>} */
			const headers = {
				'Content-Type': 'application/json',
				'User-Agent': state.settings.webhookUserAgent,
				'Content-Length': String(bytes.length),
				...signatures(bytes, secret),
			};
			for (const [k, v] of Object.entries(opts.headers || {})) {
				const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
				if (existing) delete headers[existing];
				if (v !== null && v !== undefined) headers[k] = String(v);
			}
			const times = opts.duplicate ? 2 : 1;
			for (let i = 0; i < times; i++) deliveries.push({ ...(await postBytes(opts.url, bytes, headers, Number(opts.retries || 0))), sentBody: bytes.toString('utf8') });
		}
		const last = deliveries[deliveries.length - 1];
		return { status: last.status, body: last.body, attempts: last.attempts, deliveries };
	}

	/**
	 * GET handshake as Meta performs it: hub.mode=subscribe, random numeric hub.challenge, hub.verify_token.
	 * ok only when the answer is 200 and the body is exactly the challenge.
	 */
	async function verifyCallback({ url, verifyToken, mode = 'subscribe', challenge }) {
		if (!url) throw new Error('verifyCallback: url is required');
		const hubChallenge = String(challenge ?? crypto.randomInt(100000000, 2147483647));
		const target = new URL(url);
		target.searchParams.set('hub.mode', mode);
		target.searchParams.set('hub.challenge', hubChallenge);
		target.searchParams.set('hub.verify_token', String(verifyToken ?? ''));
		const result = await send(target.toString(), { method: 'GET', headers: { 'User-Agent': state.settings.webhookUserAgent }, timeoutMs: state.settings.webhookTimeoutMs });
		return { ok: result.status === 200 && result.body === hubChallenge, status: result.status, body: result.body, challenge: hubChallenge, ...(result.error ? { error: result.error } : {}) };
	}

	return { deliver, verifyCallback, metaJson, signatures };
}

module.exports = { name: 'webhooks', createWebhookSender, metaJson, signatures };
