import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** What a delivery needs from the Meta App credential: the secrets that sign it and the handshake's verify token. */
export interface WebhookCredential {
	secrets: string[];
	verifyToken: string;
	/** Read from this process's memory rather than from n8n (so possibly older than the stored credential). */
	cached: boolean;
}

/** Reads the credential; `fresh` skips the memory and asks n8n. */
export type WebhookCredentialReader = (fresh: boolean) => Promise<WebhookCredential>;

interface AppSecrets {
	appSecret: string;
	instagramAppSecret: string;
	verifyToken: string;
}

/**
 * n8n 2.41 resolves a credential read in a webhook through an expression isolate (~9 ms, and a wait when the pool is
 * drained; docs/performance.md), on every delivery. The secrets are kept in this process's memory for a short time
 * instead: a delivery that fails with them re-reads the credential once before refusing, so a rotated secret never
 * refuses a good delivery; the price is that an OLD secret (a leaked one that was rotated) keeps verifying for at most
 * this long in each process that saw it.
 */
export const APP_SECRETS_TTL_MS = 60_000;
/** A bound on what one process keeps (one entry per trigger node and credential). */
const MAX_ENTRIES = 1000;

const remembered = new Map<string, { secrets: AppSecrets; expiresAt: number }>();

function cacheKey(ctx: IWebhookFunctions): string | undefined {
	const node = ctx.getNode();
	const credentialId = node.credentials?.metaAppApi?.id;
	if (!credentialId) return undefined;
	// Workflow, node and credential: two workflows (or nodes) never share an entry, and picking another credential misses.
	return JSON.stringify([String(ctx.getWorkflow().id ?? ''), node.id ?? node.name, credentialId]);
}

function remember(key: string, secrets: AppSecrets, nowMs: number): void {
	if (remembered.size >= MAX_ENTRIES) {
		for (const [k, entry] of remembered) if (entry.expiresAt <= nowMs) remembered.delete(k);
		if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value as string);
	}
	remembered.set(key, { secrets, expiresAt: nowMs + APP_SECRETS_TTL_MS });
}

/**
 * The trigger's Meta App credential as a delivery uses it, from memory when read less than APP_SECRETS_TTL_MS ago.
 * `pick` chooses which of the app's secrets may sign (the Instagram app secret for Instagram Login…).
 */
export function webhookCredential(ctx: IWebhookFunctions, pick: (app: AppSecrets) => string[] = (app) => [app.appSecret]): WebhookCredentialReader {
	const key = cacheKey(ctx);
	return async (fresh) => {
		const nowMs = Date.now();
		const hit = key !== undefined && !fresh ? remembered.get(key) : undefined;
		if (hit && hit.expiresAt > nowMs) return { secrets: pick(hit.secrets), verifyToken: hit.secrets.verifyToken, cached: true };
		const stored = await ctx.getCredentials<IDataObject>('metaAppApi');
		const secrets: AppSecrets = {
			appSecret: String(stored.appSecret ?? ''),
			instagramAppSecret: String(stored.instagramAppSecret ?? ''),
			verifyToken: String(stored.verifyToken ?? ''),
		};
		if (key !== undefined) remember(key, secrets, nowMs);
		return { secrets: pick(secrets), verifyToken: secrets.verifyToken, cached: false };
	};
}

/**
 * Runs a check with the credential as remembered; when it fails on remembered secrets, reads the credential again
 * and checks once more, so the answer is always the stored credential's when it refuses.
 */
export async function checkedWithCredential<T>(
	read: WebhookCredentialReader,
	check: (credential: WebhookCredential) => T,
	passed: (result: T) => boolean,
): Promise<{ result: T; credential: WebhookCredential }> {
	const first = await read(false);
	const result = check(first);
	if (passed(result) || !first.cached) return { result, credential: first };
	const credential = await read(true);
	return { result: check(credential), credential };
}
