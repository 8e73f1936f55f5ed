'use strict';
// Webhook sender (reference §8): serializes like Meta (non-ASCII as lowercase \uXXXX), signs the exact
// bytes (X-Hub-Signature-256 / X-Hub-Signature), POSTs, retries on non-2xx; plus the GET verification
// handshake client. Usable from JS (sandbox.webhooks) and from POST /__admin/webhooks/*.
const http = require('http');
const https = require('https');
const crypto = require('crypto');
const { registerProductSettings } = require('../core/settings');

/**
 * Meta's delivery behaviour (reference §8.2): a failed delivery (non-2xx, timeout) is retried at once, then less and
 * less often for 36 hours (7 days for WhatsApp), then dropped; the same event may come twice; WhatsApp statuses come
 * in any order. The sandbox does all three by default, seeded so a run can be replayed; each has a kind setting.
 */
registerProductSettings({
	/** 'meta' = Meta's schedule below; 'none' = one attempt (kind). An explicit `retries: n` on deliver() wins. */
	webhookRetry: 'meta',
	/** Sandbox milliseconds per Meta second for retry waits: 36 hours pass in about 0.4 s, 7 days in about 2 s. */
	webhookRetryTimeScale: 1 / 360,
	/** Chance that a delivered POST is delivered again with the same bytes (0 = never, the kind behaviour). */
	webhookDuplicateRate: 0.05,
	/** 'shuffled' = WhatsApp statuses of one change in a seeded random order; 'as_sent' = the kind behaviour. */
	webhookStatusOrder: 'shuffled',
	/** Seed of the sender's random choices (duplicates, status order). */
	webhookSeed: 20261202,
});

/** When Meta retries a failed delivery, in seconds after the first attempt: at once, then with falling frequency. */
const HOUR = 3600;
const RETRY_AFTER_S = [0, 60, 5 * 60, 15 * 60, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 36 * HOUR];
const WHATSAPP_RETRY_AFTER_S = [...RETRY_AFTER_S, 48 * HOUR, 72 * HOUR, 96 * HOUR, 120 * HOUR, 144 * HOUR, 168 * HOUR];

/** Deterministic random numbers (mulberry32). */
function seededRandom(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** WhatsApp statuses of each change in a random order, as Meta does not keep their order (reference §5.6). */
function shuffleStatuses(payload, random) {
	if (!payload || payload.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return payload;
	const entry = payload.entry.map((e) => ({
		...e,
		changes: Array.isArray(e.changes)
			? e.changes.map((c) => {
					const statuses = c && c.value && Array.isArray(c.value.statuses) ? [...c.value.statuses] : null;
					if (!statuses || statuses.length < 2) return c;
					for (let i = statuses.length - 1; i > 0; i--) {
						const j = Math.floor(random() * (i + 1));
						[statuses[i], statuses[j]] = [statuses[j], statuses[i]];
					}
					return { ...c, value: { ...c.value, statuses } };
				})
			: e.changes,
	}));
	return { ...payload, entry };
}

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
	const random = () => state.ns('webhookSender', () => ({ next: seededRandom(state.settings.webhookSeed) })).next();

	/**
	 * Waits before retry `attempt` (1 = first retry): Meta's schedule compressed on the sandbox's time scale, or the
	 * fixed exponential spacing when the caller asked for a number of retries.
	 */
	function retryWait(attempt, schedule) {
		if (!schedule) return state.settings.webhookRetryDelayMs * 2 ** (attempt - 1);
		const metaSeconds = schedule[attempt] - schedule[attempt - 1];
		return Math.round(metaSeconds * Number(state.settings.webhookRetryTimeScale));
	}

	/** POST exact bytes with retries; one entry per attempt goes to state.webhookDeliveries. */
	async function postBytes(url, bytes, headers, retries, schedule) {
		let attempt = 0;
		let result;
		for (;;) {
			attempt += 1;
			result = await send(url, { method: 'POST', headers, body: bytes, timeoutMs: state.settings.webhookTimeoutMs });
			state.webhookDeliveries.push({
				at: state.nowMs(),
				url,
				attempt,
				...(schedule ? { metaSecondsAfterFirst: schedule[attempt - 1] } : {}),
				status: result.status,
				bytes: bytes.length,
				error: result.error || null,
			});
			const ok = result.status >= 200 && result.status < 300;
			if (ok || attempt > retries) break;
			await timers.sleep(retryWait(attempt, schedule));
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
	 * @param {boolean} [opts.duplicate]     send the same bytes twice (always; by default Meta's occasional duplicates
	 *                                       happen at settings.webhookDuplicateRate)
	 * @param {number} [opts.retries]        re-deliver on non-2xx up to n times (default: Meta's schedule, see
	 *                                       settings.webhookRetry)
	 * @param {Record<string,string|null>} [opts.headers] overrides; null removes a header
	 * @param {Buffer|string} [opts.rawBody] send exactly these bytes
	 * @param {boolean} [opts.escapeSlashes]
	 * @returns {Promise<{status:number, body:string, attempts:number, deliveries:any[]}>}
	 */
	function scheduleFor(bytes) {
		return bytes.includes('"object":"whatsapp_business_account"') ? WHATSAPP_RETRY_AFTER_S : RETRY_AFTER_S;
	}

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
			const sent = opts.payload || { object: opts.object, entry: opts.entries || [] };
			const payload = state.settings.webhookStatusOrder === 'shuffled' ? shuffleStatuses(sent, random) : sent;
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
			// Meta's own habits apply to webhook events it builds (payload/entries); exact bytes (`rawBody`: compliance
			// callbacks, crafted requests) are sent only as the caller asks.
			const event = opts.rawBody === undefined;
			const explicit = opts.retries !== undefined && opts.retries !== null;
			const schedule = explicit || !event || state.settings.webhookRetry !== 'meta' ? null : scheduleFor(bytes);
			const retries = explicit ? Number(opts.retries) : schedule ? schedule.length - 1 : 0;
			const times = opts.duplicate || (event && random() < Number(state.settings.webhookDuplicateRate)) ? 2 : 1;
			for (let i = 0; i < times; i++) deliveries.push({ ...(await postBytes(opts.url, bytes, headers, retries, schedule)), sentBody: bytes.toString('utf8'), ...(i ? { duplicate: true } : {}) });
		}
		// The answer to the event's own delivery (a duplicate that follows it does not change what happened to it).
		const last = [...deliveries].reverse().find((d) => !d.duplicate) || deliveries[deliveries.length - 1];
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

module.exports = { name: 'webhooks', createWebhookSender, metaJson, signatures, RETRY_AFTER_S, WHATSAPP_RETRY_AFTER_S };
