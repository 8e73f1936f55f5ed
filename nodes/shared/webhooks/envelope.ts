import { z } from 'zod';

/**
 * Meta's webhook envelope (reference §8.4): `{object, entry: [{id, time, changes[] | messaging[] | field/value}]}`.
 * Only the frame is checked; event bodies vary by product and are passed through as they are.
 */
const changeSchema = z.object({ field: z.string(), value: z.unknown() }).passthrough();

const entrySchema = z
	.object({
		id: z.union([z.string(), z.number()]).optional(),
		time: z.union([z.number(), z.string()]).optional(),
		changes: z.array(changeSchema).optional(),
		messaging: z.array(z.record(z.unknown())).optional(),
		// Instagram Login examples put field/value straight into the entry.
		field: z.string().optional(),
		value: z.unknown().optional(),
	})
	.passthrough();

export const metaEnvelopeSchema = z.object({
	object: z.string().min(1),
	entry: z.array(entrySchema).max(10_000),
});

export type MetaEnvelope = z.infer<typeof metaEnvelopeSchema>;
export type MetaEntry = z.infer<typeof entrySchema>;

export type EnvelopeParse = { ok: true; envelope: MetaEnvelope } | { ok: false; reason: string };

/**
 * Validates the delivery. n8n has already parsed a JSON body (from the same bytes the signature covers), so that
 * parse is reused; the raw bytes are parsed only when n8n did not (another content type).
 */
export function parseMetaEnvelope(rawBody: Buffer, parsedBody?: unknown): EnvelopeParse {
	let json: unknown = parsedBody;
	if (!json || typeof json !== 'object' || Object.keys(json).length === 0) {
		try {
			json = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return { ok: false, reason: 'the body is not JSON' };
		}
	}
	const result = metaEnvelopeSchema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0];
		return { ok: false, reason: `the body is not a Meta webhook envelope (${issue.path.join('.') || 'body'}: ${issue.message})` };
	}
	return { ok: true, envelope: result.data };
}
