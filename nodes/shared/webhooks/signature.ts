import { createHmac, timingSafeEqual } from 'crypto';

/** Outcome of checking Meta's `X-Hub-Signature-256` (reference §8.2). */
export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` as HMAC-SHA256 of the exact bytes received, keyed by the app secret,
 * in constant time. Several secrets may be given (the Facebook and the Instagram app secret): any match is valid.
 * Never re-serialize parsed JSON for this: Meta signs its own `\uXXXX`-escaped bytes.
 */
export function checkMetaSignature(rawBody: Buffer, header: unknown, secrets: readonly string[]): SignatureCheck {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' || value === '') return 'missing';
	const match = SIGNATURE_FORMAT.exec(value.trim());
	if (!match) return 'malformed';
	const received = Buffer.from(match[1].toLowerCase(), 'hex');
	for (const secret of secrets) {
		if (!secret) continue;
		const expected = createHmac('sha256', secret).update(rawBody).digest();
		if (expected.length === received.length && timingSafeEqual(expected, received)) return 'valid';
	}
	return 'mismatch';
}

/** Constant-time comparison of the GET handshake's `hub.verify_token`. */
export function verifyTokenMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || !expected) return false;
	const a = createHmac('sha256', 'verify-token').update(received).digest();
	const b = createHmac('sha256', 'verify-token').update(expected).digest();
	return timingSafeEqual(a, b);
}
