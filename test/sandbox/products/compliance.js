'use strict';
// App compliance callbacks: what Meta POSTs to an app's Deauthorize callback URL and Data deletion request URL when a
// person removes the app or asks for their data to be deleted. Form-encoded `signed_request=<sig>.<payload>`, both
// base64url, sig = HMAC-SHA256 of the payload part with the app secret (the Instagram app secret for Instagram Login
// apps), payload {algorithm:'HMAC-SHA256', issued_at, user_id} (+ expires one hour later on deletion requests, as in
// Meta's documented example). Meta expects the deletion answer as JSON {url, confirmation_code}.
const crypto = require('crypto');

const CALLBACKS = ['deauthorize', 'data_deletion'];

const b64url = (buffer) => Buffer.from(buffer).toString('base64url');

/** `<sig>.<payload>` exactly as Meta builds it. */
function signRequest(payload, secret) {
	const payloadPart = b64url(JSON.stringify(payload));
	return `${b64url(crypto.createHmac('sha256', String(secret)).update(payloadPart).digest())}.${payloadPart}`;
}

/** Meta's check of a deletion answer: JSON with a status `url` and a `confirmation_code`. */
function judgeDeletionAnswer(status, body) {
	if (status !== 200) return { accepted: false, reason: `answered HTTP ${status}` };
	let json;
	try {
		json = JSON.parse(body);
	} catch {
		return { accepted: false, reason: 'the answer is not JSON' };
	}
	if (!json || typeof json.url !== 'string' || !/^https?:\/\//.test(json.url)) return { accepted: false, reason: 'the answer has no url' };
	if (typeof json.confirmation_code !== 'string' || json.confirmation_code === '') return { accepted: false, reason: 'the answer has no confirmation_code' };
	return { accepted: true, url: json.url, confirmationCode: json.confirmation_code };
}

/**
 * @param {any} state
 * @param {ReturnType<import('./webhooks').createWebhookSender>} webhooks
 */
function createComplianceSender(state, webhooks) {
	/**
	 * Sends one callback as Meta does. Options to misbehave, for refusal tests:
	 * @param {Object} opts
	 * @param {string} opts.url
	 * @param {'deauthorize'|'data_deletion'} opts.callback
	 * @param {'facebook'|'instagram'} [opts.login]  which app secret signs (default facebook)
	 * @param {string} [opts.userId]                  default: the seeded user (or Instagram account) id
	 * @param {string} [opts.signWith]               sign with this secret instead (forgery)
	 * @param {string} [opts.algorithm]              declared algorithm (default HMAC-SHA256)
	 * @param {number} [opts.ageSeconds]             issued this long ago (negative: in the future)
	 * @param {number} [opts.issuedAt]               exact issued_at
	 * @param {Object} [opts.payload]                fields merged into (or, with null values, removed from) the payload
	 * @param {boolean} [opts.tamper]                change the payload after signing (another user id)
	 * @param {boolean} [opts.unsigned]              send `.<payload>` with no signature
	 * @param {boolean} [opts.padSignature]          leave `=` padding on the signature, as Meta sometimes does
	 * @param {string} [opts.signedRequest]          send exactly this signed_request (replay)
	 * @param {string|Buffer} [opts.rawBody]         send exactly these bytes as the form body
	 * @param {Record<string,string|null>} [opts.headers] header overrides (null removes one)
	 */
	async function send(opts) {
		if (!opts || !opts.url) throw new Error('compliance.send: url is required');
		if (!CALLBACKS.includes(opts.callback)) throw new Error(`compliance.send: callback must be one of ${CALLBACKS.join(', ')}`);
		const app = state.defaultApp();
		const login = opts.login === 'instagram' ? 'instagram' : 'facebook';
		const secret = opts.signWith ?? (app && (login === 'instagram' ? app.instagramAppSecret : app.secret));
		if (!secret) throw new Error('compliance.send: no app seeded and no signWith given');
		const issuedAt = opts.issuedAt ?? state.nowSec() - Number(opts.ageSeconds ?? 0);
		const defaultUser = login === 'instagram' ? [...state.igAccounts.values()][0]?.appScopedId : [...state.users.values()][0]?.id;
		const payload = { algorithm: opts.algorithm ?? 'HMAC-SHA256', issued_at: issuedAt, user_id: String(opts.userId ?? defaultUser ?? '1000000000000001') };
		if (opts.callback === 'data_deletion') payload.expires = issuedAt + 3600;
		for (const [key, value] of Object.entries(opts.payload || {})) {
			if (value === null) delete payload[key];
			else payload[key] = value;
		}
		let signedRequest = opts.signedRequest ?? signRequest(payload, secret);
		if (opts.tamper) {
			const [sig] = signedRequest.split('.');
			signedRequest = `${sig}.${b64url(JSON.stringify({ ...payload, user_id: '1999999999999999' }))}`;
		}
		if (opts.unsigned) signedRequest = `.${signedRequest.split('.')[1]}`;
		if (opts.padSignature) {
			const [sig, rest] = signedRequest.split('.');
			signedRequest = `${sig}=.${rest}`;
		}
		const body = opts.rawBody ?? new URLSearchParams({ signed_request: signedRequest }).toString();
		const result = await webhooks.deliver({
			url: opts.url,
			rawBody: body,
			appSecret: secret,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Hub-Signature-256': null, 'X-Hub-Signature': null, ...(opts.headers || {}) },
		});
		const answer = { status: result.status, body: result.body, signedRequest, payload };
		return opts.callback === 'data_deletion' ? { ...answer, meta: judgeDeletionAnswer(result.status, result.body) } : answer;
	}

	/** The app's Deauthorize callback URL and Data deletion request URL, as set in Meta's App Dashboard. */
	function configure({ deauthorizeUrl, dataDeletionUrl } = {}) {
		const urls = state.ns('compliance', () => ({}));
		if (deauthorizeUrl !== undefined) urls.deauthorizeUrl = deauthorizeUrl || null;
		if (dataDeletionUrl !== undefined) urls.dataDeletionUrl = dataDeletionUrl || null;
		return { deauthorizeUrl: urls.deauthorizeUrl ?? null, dataDeletionUrl: urls.dataDeletionUrl ?? null };
	}

	/**
	 * A person removes the app in their settings (and may ask for their data to be deleted): their tokens for the app
	 * stop working (190/458, reference §9.2) and Meta calls the URLs the dashboard holds, if any.
	 */
	async function removeApp({ userId, login = 'facebook', requestDeletion = false } = {}) {
		if (!userId) throw new Error('compliance.removeApp: userId is required');
		const app = state.defaultApp();
		const revoked = [];
		for (const record of state.tokens.values()) {
			if (record.appId !== app?.id || record.revoked) continue;
			if (String(record.userId) !== String(userId) && String(record.igUserId) !== String(userId)) continue;
			record.revoked = { subcode: 458, message: null };
			revoked.push(record.token);
		}
		const urls = configure();
		const deauthorize = urls.deauthorizeUrl ? await send({ url: urls.deauthorizeUrl, callback: 'deauthorize', userId, login }) : null;
		const dataDeletion = requestDeletion && urls.dataDeletionUrl ? await send({ url: urls.dataDeletionUrl, callback: 'data_deletion', userId, login }) : null;
		return { revokedTokens: revoked.length, deauthorize, dataDeletion };
	}

	const ADMIN = { send, configure, removeApp };
	/** One admin route for all of them: POST /__admin/compliance/:action. */
	async function admin(action, body) {
		if (!Object.hasOwn(ADMIN, action)) throw new Error(`unknown compliance action ${action}; known: ${Object.keys(ADMIN).join(', ')}`);
		return await ADMIN[action](body || {});
	}

	return { send, configure, removeApp, admin, signRequest };
}

function register(ctx) {
	ctx.webhooks.compliance = createComplianceSender(ctx.state, ctx.webhooks);
}

module.exports = { name: 'compliance', register, createComplianceSender, signRequest, judgeDeletionAnswer };
