import { createHash } from 'crypto';
import type { IHttpRequestHelper } from 'n8n-workflow';
import { attemptTokenCall, debugFacebookToken, nowSeconds, type TokenEndpointOptions } from './tokenCalls';

/**
 * Lapsed data access (90 days after the person last used the app, reference §1.5) withdraws the Instagram and WhatsApp
 * permissions while the token stays valid, and Meta answers with its ordinary permission error: only `debug_token`
 * tells the two apart. After such a refusal the shared layer asks once per token, and says so when that is the cause.
 */
export const RENEW_DATA_ACCESS = 'reconnect to renew data access';

const known = new Map<string, number>();
const MAX_REMEMBERED_TOKENS = 500;

/** Meta's permission refusals: 10 and 200–299 (reference §9.2). */
export function isPermissionRefusal(code: number | undefined): boolean {
	return code === 10 || (code !== undefined && code >= 200 && code <= 299);
}

/** The extra sentence for a permission refusal caused by lapsed data access, or undefined. */
export async function lapsedDataAccessNote(
	helper: IHttpRequestHelper,
	endpoint: TokenEndpointOptions,
	app: { appId?: string; appSecret?: string },
	token: string | undefined,
): Promise<string | undefined> {
	if (!token || !app.appId || !app.appSecret) return undefined;
	const key = createHash('sha256').update(`${app.appId}|${token}`).digest('hex');
	let endsAt = known.get(key);
	if (endsAt === undefined) {
		const inspected = await attemptTokenCall(async () => await debugFacebookToken(helper, endpoint, { appId: app.appId!, appSecret: app.appSecret! }, token));
		if (!inspected.ok) return undefined;
		endsAt = inspected.value.dataAccessExpiresAt;
		if (known.size >= MAX_REMEMBERED_TOKENS) known.delete(known.keys().next().value as string);
		known.set(key, endsAt);
	}
	if (!endsAt || endsAt > nowSeconds()) return undefined;
	const date = new Date(endsAt * 1000).toISOString().slice(0, 10);
	return `Data access for this login ended on ${date} (90 days after the person last used the app): ${RENEW_DATA_ACCESS} (connect or generate the token again and approve the app).`;
}
