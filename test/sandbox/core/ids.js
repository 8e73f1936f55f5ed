'use strict';
// Id and opaque-string generators. Graph ids are always JSON strings of digits.
const crypto = require('crypto');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** @param {number} length */
function randomAlnum(length) {
	const bytes = crypto.randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += ALNUM[bytes[i] % ALNUM.length];
	return out;
}

/** Numeric string id, first digit non-zero (e.g. 17 digits like IG media ids). */
function numericId(length = 16) {
	const bytes = crypto.randomBytes(length);
	let out = String((bytes[0] % 9) + 1);
	for (let i = 1; i < length; i++) out += String(bytes[i] % 10);
	return out;
}

/** fbtrace_id: short opaque string quoted in Meta support requests. */
function fbtraceId() {
	return 'A' + crypto.randomBytes(16).toString('base64url').slice(0, 22);
}

/** Facebook tokens start EAA…, Instagram-Login tokens IGAA… (reference §1.4). */
function facebookToken() {
	return 'EAA' + randomAlnum(160);
}
function instagramToken() {
	return 'IGAA' + randomAlnum(160);
}
/** OAuth authorization codes look like long AQ… strings. */
function oauthCode() {
	return 'AQ' + randomAlnum(120);
}

module.exports = { randomAlnum, numericId, fbtraceId, facebookToken, instagramToken, oauthCode };
