import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { z } from 'zod';

/**
 * Meta's `signed_request` (Deauthorize and Data Deletion Request callbacks): `<signature>.<payload>`, both base64url,
 * the signature being HMAC-SHA256 of the payload PART (the base64url text, not the decoded JSON) keyed by the app
 * secret, the payload a JSON object with `algorithm: "HMAC-SHA256"`, `issued_at` (unix seconds) and `user_id`.
 */
const payloadSchema = z
	.object({
		algorithm: z.string(),
		issued_at: z.number().int().positive(),
		user_id: z.union([z.string().regex(/^\d{1,32}$/), z.number().int().positive()]).transform(String),
		expires: z.number().int().positive().optional(),
	})
	.passthrough();

export type SignedRequestPayload = z.infer<typeof payloadSchema>;

export interface SignedRequestSecret {
	/** Which secret this is, reported on success (e.g. 'facebook' or 'instagram'). */
	label: string;
	secret: string;
}

export interface SignedRequestPolicy {
	secrets: readonly SignedRequestSecret[];
	/** Oldest accepted `issued_at`, in seconds before now. */
	maxAgeSeconds: number;
	/** Newest accepted `issued_at`, in seconds after now (clock skew between Meta and this server). */
	maxFutureSeconds: number;
	nowMs: number;
}

export type SignedRequestCheck =
	| { ok: true; payload: SignedRequestPayload; signedBy: string; requestId: string }
	| { ok: false; status: 400 | 401 | 403; reason: string };

/** base64url, with the `=` padding Meta sometimes leaves on the signature. */
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
/** A signed_request is a few hundred bytes; anything far larger is not one. */
const MAX_LENGTH = 8192;

function refuse(status: 400 | 401 | 403, reason: string): SignedRequestCheck {
	return { ok: false, status, reason };
}

function decodeJson(part: string): unknown {
	try {
		return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
}

/** The secret that signed `payloadPart`, compared in constant time; undefined when none did. */
function signerOf(signature: Buffer, payloadPart: string, secrets: readonly SignedRequestSecret[]): string | undefined {
	let signer: string | undefined;
	for (const { label, secret } of secrets) {
		if (!secret) continue;
		const expected = createHmac('sha256', secret).update(payloadPart, 'utf8').digest();
		// Every configured secret is tried, so the time taken does not tell which one matched.
		if (expected.length === signature.length && timingSafeEqual(expected, signature) && signer === undefined) signer = label;
	}
	return signer;
}

/**
 * Verifies a `signed_request`: shape, signature (before the payload is trusted for anything), payload schema,
 * algorithm, then age. The reason never contains the secret or the request itself.
 */
export function verifySignedRequest(value: unknown, policy: SignedRequestPolicy): SignedRequestCheck {
	if (typeof value !== 'string' || value.trim() === '') return refuse(400, 'the form field signed_request is missing');
	const text = value.trim();
	if (text.length > MAX_LENGTH) return refuse(400, 'signed_request is too long to be one of Meta\'s');
	const parts = text.split('.');
	if (parts.length !== 2) return refuse(400, 'signed_request is not of the form <signature>.<payload>');
	const [signaturePart, payloadPart] = parts;
	if (signaturePart === '') return refuse(401, 'signed_request carries no signature');
	if (!BASE64URL.test(signaturePart) || !BASE64URL.test(payloadPart)) return refuse(400, 'signed_request is not base64url');
	const signature = Buffer.from(signaturePart, 'base64url');
	if (signature.length !== 32) return refuse(401, 'the signature of signed_request is not an HMAC-SHA256');
	const signedBy = signerOf(signature, payloadPart, policy.secrets);
	if (!signedBy) return refuse(401, 'the signature of signed_request does not match the app secret in the Meta App credential');

	const parsed = payloadSchema.safeParse(decodeJson(payloadPart));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return refuse(400, `the signed payload is not a Meta callback (${issue.path.join('.') || 'payload'}: ${issue.message})`);
	}
	const payload = parsed.data;
	if (payload.algorithm.toUpperCase() !== 'HMAC-SHA256') return refuse(400, 'the signed payload names an algorithm other than HMAC-SHA256');

	const nowSeconds = Math.floor(policy.nowMs / 1000);
	const age = nowSeconds - payload.issued_at;
	// Written so that a limit that is not a number refuses (fails closed) rather than lets everything through.
	if (!(-age <= policy.maxFutureSeconds)) return refuse(403, `the request claims to be issued ${-age} seconds in the future`);
	if (!(age <= policy.maxAgeSeconds)) return refuse(403, `the request was issued ${age} seconds ago, more than the ${policy.maxAgeSeconds} seconds allowed (a replay or a late delivery)`);
	if (payload.expires !== undefined && payload.expires < nowSeconds) return refuse(403, 'the request expired (its expires time is past)');

	// Stable across re-deliveries of the same signed request, so a workflow can recognise one it already handled.
	const requestId = createHash('sha256').update(payloadPart).digest('base64url').slice(0, 22);
	return { ok: true, payload, signedBy, requestId };
}
