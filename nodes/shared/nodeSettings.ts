import type { INode } from 'n8n-workflow';
import type { RetryPolicy } from './backoff';

/** From this version on, an action node's calls follow n8n's own Retry On Fail settings (docs/versions.md). */
export const NODE_RETRY_SETTINGS_FROM_VERSION = 2;

/** n8n's editor default for Settings → Wait Between Tries (ms), used when a saved node leaves it unset. */
const N8N_DEFAULT_WAIT_BETWEEN_TRIES_MS = 1000;

/**
 * The shared layer's first back-off step from the node's Settings: with Retry On Fail on, a call Meta failed
 * temporarily is repeated after Wait Between Tries (doubling, jittered) before n8n's own retry of the node comes
 * into play. Empty for version 1 (which has its own option) and when Retry On Fail is off (the layer's default).
 */
export function retryFromNodeSettings(node: INode): Partial<RetryPolicy> {
	if ((node.typeVersion ?? 1) < NODE_RETRY_SETTINGS_FROM_VERSION || node.retryOnFail !== true) return {};
	const wait = Number(node.waitBetweenTries ?? N8N_DEFAULT_WAIT_BETWEEN_TRIES_MS);
	return { baseDelayMs: Number.isFinite(wait) ? Math.max(10, wait) : N8N_DEFAULT_WAIT_BETWEEN_TRIES_MS };
}
