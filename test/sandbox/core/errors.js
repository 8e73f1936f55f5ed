'use strict';
// The Graph error envelope (reference §9.1) and the common errors every product reuses.
const { fbtraceId } = require('./ids');

/**
 * @typedef {Object} ErrorSpec
 * @property {number} code
 * @property {number} [subcode]
 * @property {string} message
 * @property {string} [type]          default OAuthException
 * @property {boolean} [isTransient]
 * @property {string} [userTitle]
 * @property {string} [userMsg]
 * @property {any} [errorData]
 * @property {number} [status]        default 400; 500 for codes 1 and 2
 * @property {boolean} [prefix]       add "(#code) " to the message (default true). Token/OAuth
 *                                    messages ("Error validating access token: ...") come without it.
 * @property {Record<string,string>} [headers]
 */

/** @param {ErrorSpec} spec @returns {{status:number, body:any, headers:Record<string,string>}} */
function buildError(spec) {
	const code = Number(spec.code);
	let message = String(spec.message ?? 'An unknown error has occurred.');
	if (spec.prefix !== false && !message.startsWith('(#')) message = `(#${code}) ${message}`;
	/** @type {Record<string, any>} */
	const error = { message, type: spec.type || 'OAuthException', code };
	if (spec.subcode !== undefined && spec.subcode !== null) error.error_subcode = Number(spec.subcode);
	if (spec.isTransient !== undefined && spec.isTransient !== null) error.is_transient = Boolean(spec.isTransient);
	if (spec.userTitle) error.error_user_title = spec.userTitle;
	if (spec.userMsg) error.error_user_msg = spec.userMsg;
	if (spec.errorData !== undefined) error.error_data = spec.errorData;
	error.fbtrace_id = fbtraceId();
	const status = spec.status || (code === 1 || code === 2 ? 500 : 400);
	return { status, body: { error }, headers: { ...(spec.headers || {}) } };
}

/** Send the envelope. @param {import('express').Response} res @param {ErrorSpec} spec */
function graphError(res, spec) {
	const { status, body, headers } = buildError(spec);
	for (const [name, value] of Object.entries(headers)) {
		if (value === null || value === undefined) res.removeHeader(name);
		else res.setHeader(name, value);
	}
	res.status(status).json(body);
	return body;
}

/** `WWW-Authenticate` header Meta sends with OAuth errors ([community]). */
function wwwAuthenticate(kind, message) {
	return { 'WWW-Authenticate': `OAuth "Facebook Platform" "${kind}" "${String(message).replace(/"/g, "'")}"` };
}

// --- Meta-style timestamps in token errors: "Tuesday, 04-Jun-24 10:00:00 PDT" -------------------
const PACIFIC = new Intl.DateTimeFormat('en-US', {
	timeZone: 'America/Los_Angeles',
	weekday: 'long',
	day: '2-digit',
	month: 'short',
	year: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hour12: false,
	timeZoneName: 'short',
});
function metaDate(ms) {
	const p = Object.fromEntries(PACIFIC.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	const hour = p.hour === '24' ? '00' : p.hour;
	return `${p.weekday}, ${p.day}-${p.month}-${p.year} ${hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

// --- Token errors (code 190, reference §9.2) -----------------------------------------------------
const CANNOT_PARSE = 'Invalid OAuth access token - Cannot parse access token';

const REVOKED_MESSAGES = {
	458: (t) => `Error validating access token: The user has not authorized application ${t.appId}.`,
	459: () => 'Error validating access token: You cannot access the app till you log in to www.facebook.com and follow the instructions given.',
	460: () =>
		'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
	464: (t) => `Error validating access token: Sessions for the user ${t.userId || ''} are not allowed because the user is not a confirmed user.`,
	467: () => 'Error validating access token: The session is invalid because the user logged out.',
	492: () => 'Error validating access token: The user is not an administrator, editor, or moderator of the Page.',
};

/** @returns {ErrorSpec} */
function tokenError(subcode, message) {
	return {
		code: 190,
		subcode: subcode ?? undefined,
		message,
		prefix: false,
		headers: wwwAuthenticate('invalid_token', message),
	};
}

const errors = {
	cannotParseToken: () => tokenError(undefined, CANNOT_PARSE),
	expiredToken: (expiresAtSec, nowMs) =>
		tokenError(
			463,
			`Error validating access token: Session has expired on ${metaDate(expiresAtSec * 1000)}. The current time is ${metaDate(nowMs)}.`,
		),
	revokedToken: (record, subcode, message) =>
		tokenError(
			subcode ?? undefined,
			message || (REVOKED_MESSAGES[subcode] ? REVOKED_MESSAGES[subcode](record) : 'Error validating access token: The session has been invalidated.'),
		),
	missingToken: () => ({ code: 104, message: 'An access token is required to request this resource.', prefix: false }),
	needsUserContext: () => ({ code: 2500, message: 'An active access token must be used to query information about the current user.', prefix: false }),
	/** Unknown or unreadable object (100/33). */
	unsupportedRequest: (method, id) => ({
		code: 100,
		subcode: 33,
		prefix: false,
		type: 'GraphMethodException',
		message: `Unsupported ${String(method).toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
	}),
	nonexistingField: (field, nodeType) => ({ code: 100, message: `Tried accessing nonexisting field (${field}) on node type (${nodeType})` }),
	unknownAlias: (alias) => ({ code: 803, message: `Some of the aliases you requested do not exist: ${alias}` }),
	unknownPath: (path) => ({ code: 2500, message: `Unknown path components: ${path}`, prefix: false }),
	invalidParameter: (message, subcode) => ({ code: 100, subcode, message }),
	clientSecret: () => ({ code: 1, status: 400, prefix: false, message: 'Error validating client secret.' }),
	unknownError: () => ({ code: 1, prefix: false, isTransient: true, message: 'An unknown error has occurred.' }),
	serviceError: () => ({ code: 2, prefix: false, isTransient: true, message: 'An unexpected error has occurred. Please retry your request later.' }),
};

module.exports = { buildError, graphError, wwwAuthenticate, metaDate, errors, CANNOT_PARSE };
