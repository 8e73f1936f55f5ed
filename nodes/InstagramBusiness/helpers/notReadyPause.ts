import { sleep } from 'n8n-workflow';
import type { InstagramCall } from './context';
import { waitForContainers, type WaitOptions } from './waitForContainers';

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;

/** Pause before the n-th publish after a 9007 that came while the status already read FINISHED: 0.5 s, 1 s, 2 s … 30 s. */
export function notReadyPauseMs(refusals: number): number {
	return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, refusals - 1));
}

/**
 * After media_publish answered 9007/2207027 ("not ready"): wait until the container reads FINISHED, and when it
 * already did, pause a little longer, since Meta can still refuse right after FINISHED. 9007 is a refusal before
 * anything is published, so publishing again afterwards cannot post twice. Returns the status checks made.
 */
export async function waitUntilPublishable(call: InstagramCall, containerId: string, wait: WaitOptions, refusals: number): Promise<number> {
	const waited = await waitForContainers(call, [containerId], wait);
	const finishedAlready = waited.statusChecks === 1 && waited.statuses[0]?.statusCode === 'FINISHED';
	if (finishedAlready) await sleep(notReadyPauseMs(refusals));
	return waited.statusChecks;
}
