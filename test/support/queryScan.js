'use strict';
// The secret scan over the sandbox's call log: no token, app secret or authorization code in any URL query string.
// Used by the engine and the end-to-end secret tests, so both hold the same rule.

/** Token shapes: Facebook EAA…, Instagram IG…, app tokens `{app-id}|{secret}`. */
const TOKEN_SHAPES = /EAA[A-Za-z0-9]{10,}|IG[A-Z]{2}[A-Za-z0-9_-]{16,}|\d{6,}\|[A-Za-z0-9_-]{10,}/;

/**
 * Query parameters Meta documents only in the URL, so they are allowed there (docs/secrets-and-validation.md):
 * - Instagram Login's long-lived exchange `GET graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret&access_token`
 *   and refresh `GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token` (reference §1.4;
 *   developers.facebook.com/docs/instagram-platform/reference/access_token and …/refresh_access_token: "Creating: not supported").
 */
const DOCUMENTED_IN_QUERY = [
	{ host: 'graph.instagram.com', path: '/access_token', keys: ['access_token', 'client_secret'] },
	{ host: 'graph.instagram.com', path: '/refresh_access_token', keys: ['access_token'] },
];

function documentedInQuery(call, key) {
	return DOCUMENTED_IN_QUERY.some((rule) => rule.host === call.host && rule.path === call.path && rule.keys.includes(key));
}

/**
 * Every query parameter of every call that carries a token, a secret or an authorization code, as `METHOD host/path?key`.
 * `appsecret_proof` is Meta's documented query parameter on every call (reference §1.8) and is allowed only as a
 * 64-hex proof. A batch item (`call.batch` set) was replayed from the `relative_url` inside a POST body, not sent as a
 * URL: there only `input_token` of `debug_token` is allowed, the form Meta documents for inspecting a token (§1.7, §9.3).
 */
function queryProblems(calls, secrets) {
	const known = secrets.filter((s) => typeof s === 'string' && s.length >= 6);
	const problems = [];
	for (const call of calls) {
		for (const [key, value] of Object.entries(call.query ?? {})) {
			const text = typeof value === 'string' ? value : JSON.stringify(value);
			if (key === 'appsecret_proof' && /^[0-9a-f]{64}$/.test(text)) continue;
			if (key === 'input_token' && call.batch !== null && call.batch !== undefined && call.path === '/debug_token') continue;
			if (documentedInQuery(call, key)) continue;
			if (/token|secret|^code$|proof/i.test(key) || TOKEN_SHAPES.test(text) || known.some((s) => text.includes(s))) {
				problems.push(`${call.method} ${call.host}${call.path}?${key}${call.batch ? ' (batch item)' : ''}`);
			}
		}
	}
	return problems;
}

module.exports = { queryProblems };
