'use strict';
// The `to` of a send (reference §5.1): `+`, spaces, dashes and parentheses around the digits are tolerated. Without the
// `+`, Meta reads the digits as a number of the business phone's own country and puts its country code in front
// (recipientWithoutPlus: 'businessCountryCode'); the kind setting 'international' takes them as they are.
const { waStore } = require('./store');

/** Country calling code of a business number shown as "+<code> <rest>" (how the sandbox formats them), else null. */
function countryCodeOf(number) {
	const match = /^\s*\+(\d{1,3})[\s\-(]/.exec(String(number.display_phone_number || ''));
	return match ? match[1] : null;
}

/** The WhatsApp id Meta makes of `to` for this sender, or null when it is not a phone number. */
function recipientWaId(state, number, to) {
	if (typeof to !== 'string' && typeof to !== 'number') return null;
	const text = String(to).trim();
	if (!/^\+?[\d\s\-()]+$/.test(text)) return null;
	let digits = text.replace(/\D/g, '');
	const countryCode = countryCodeOf(number);
	if (!text.startsWith('+') && countryCode && waStore(state).settings.recipientWithoutPlus === 'businessCountryCode') digits = countryCode + digits;
	return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

module.exports = { recipientWaId, countryCodeOf };
