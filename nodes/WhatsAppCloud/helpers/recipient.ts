import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * A recipient in the international form WhatsApp needs: `+` and 8 to 15 digits. Accepts `+`, `00` or bare digits
 * (a WhatsApp id from a webhook is bare international digits) with spaces, dashes, dots and parentheses. A number
 * starting with a single 0 is a national number: it is refused rather than given a guessed country code, since
 * WhatsApp itself would prepend the business number's country code (reference §5.1).
 */
export function normaliseRecipient(node: INode, raw: unknown, itemIndex: number, field = 'To'): string {
	const text = String(raw ?? '').trim();
	const fail = (why: string) =>
		new NodeOperationError(node, `The recipient "${text}" in "${field}" ${why}`, {
			itemIndex,
			description:
				"Write the number in international form with the country code, e.g. +49 151 12345678 or 4915112345678, or give the person's WhatsApp user ID (e.g. US.13491208655302741918) from the trigger's userId.",
		});
	if (!text) throw fail('is empty');
	if (!/^(\+|00)?[\d\s\-().]+$/.test(text)) throw fail('contains characters that are not part of a phone number');
	let digits = text.replace(/[^\d+]/g, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	else if (digits.startsWith('0')) throw fail('starts with 0, so it has no country code');
	if (digits.includes('+')) throw fail('has a + that is not at the start');
	if (digits.length < 8 || digits.length > 15) throw fail(`has ${digits.length} digits; an international number has 8 to 15`);
	return `+${digits}`;
}

/**
 * A business-scoped user ID (BSUID): a two-letter country code, a dot, and up to 128 letters and digits; a parent
 * BSUID has `ENT.` after the country code (docs/whatsapp-user-ids.md).
 */
const USER_ID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

export type Recipient = { kind: 'phone'; to: string } | { kind: 'userId'; userId: string };

/**
 * Who a message goes to: a phone number (sent as `to`) or a WhatsApp user ID (sent as `recipient`, for people who
 * hide their number behind a username). Anything else is refused naming the field.
 */
export function recipientOf(node: INode, raw: unknown, itemIndex: number, field = 'To'): Recipient {
	const text = String(raw ?? '').trim();
	if (USER_ID.test(text)) return { kind: 'userId', userId: text };
	if (/^[A-Za-z]{2}\./.test(text)) {
		throw new NodeOperationError(node, `The recipient "${text}" in "${field}" is not a valid WhatsApp user ID`, {
			itemIndex,
			description: 'A WhatsApp user ID is a two-letter country code, a dot and letters or digits, e.g. US.13491208655302741918: map it from the trigger\'s userId.',
		});
	}
	return { kind: 'phone', to: normaliseRecipient(node, raw, itemIndex, field) };
}
