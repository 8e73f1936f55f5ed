import { sleep, type IDataObject, type NodeApiError } from 'n8n-workflow';
import type { InstagramCall } from './context';
import { passOn } from './errors';

const ATTEMPTS = 6;

/** Meta failed temporarily or did not answer (the shared layer has already retried on its own). */
export function isTemporaryFailure(error: unknown): boolean {
	const meta = ((error as NodeApiError)?.context?.metaError ?? {}) as IDataObject;
	return meta.category === 'retry_later' || meta.outcomeUnknown === true;
}

/**
 * Runs a call that is safe to repeat (a read, or a container creation) a few more times when Meta keeps failing
 * temporarily. Publishing decisions rest on real answers, so reads around a publish must not give up early.
 */
export async function patiently<T>(call: InstagramCall, run: () => Promise<T>): Promise<T> {
	let lastError: unknown;
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		try {
			return await run();
		} catch (error) {
			if (!isTemporaryFailure(error)) throw passOn(call, error);
			lastError = error;
			await sleep(Number(call.layer.retry?.baseDelayMs ?? 1000) * 2 ** Math.min(attempt, 4));
		}
	}
	throw lastError;
}
