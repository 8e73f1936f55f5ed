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
			description: 'Write the number in international form with the country code, e.g. +49 151 12345678 or 4915112345678.',
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
