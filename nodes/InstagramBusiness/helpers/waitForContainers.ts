import { sleep } from 'n8n-workflow';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
import { readContainerStatus, type ContainerStatus } from './api';
import { failedContainerError } from './containerError';
import type { InstagramCall } from './context';
import { isTemporaryFailure, passOn } from './errors';
import { nextPollDelayMs, POLLING_PLANS, type PollingPlan, type PollingPreset } from './pollSchedule';
import { processingEstimate, recordProcessing, type ProcessingKind } from './processingHistory';
import { readNumber } from '../../shared/parameters';

export interface WaitOptions {
	timeoutMs: number;
	plan: PollingPlan;
	/** Learn from, and plan with, the processing times of earlier media of the same kind. */
	learn: boolean;
}

export interface WaitResult {
	waitedMs: number;
	statusChecks: number;
	statuses: ContainerStatus[];
}

export function waitOptionsOf(call: InstagramCall): WaitOptions {
	const minutes = readNumber(call.ctx, 'options.timeoutMinutes', call.itemIndex, 'Timeout (Minutes)', { min: 0 }, 10);
	const preset = call.ctx.getNodeParameter('options.polling', call.itemIndex, 'balanced') as PollingPreset;
	const learn = call.ctx.getNodeParameter('options.learnProcessingTime', call.itemIndex, true) as boolean;
	return { timeoutMs: Math.max(1000, minutes * 60_000), plan: POLLING_PLANS[preset] ?? POLLING_PLANS.balanced, learn };
}

/**
 * Waits until every container is FINISHED (or PUBLISHED), reading their status on the adaptive schedule. A status
 * read that fails temporarily is just a missed look; ERROR and EXPIRED end the wait with Meta's reason.
 */
export async function waitForContainers(call: InstagramCall, containerIds: string[], options: WaitOptions, kind?: ProcessingKind): Promise<WaitResult> {
	const started = Date.now();
	const pending = new Set(containerIds);
	const latest = new Map<string, ContainerStatus>();
	// Only a single container of a known kind is timed and planned with the estimate (carousel children vary).
	const learning = options.learn && kind !== undefined && containerIds.length === 1;
	const estimate = learning ? processingEstimate(call, kind) : undefined;
	let statusChecks = 0;
	let lastNotReadyMs = 0;
	for (;;) {
		const checkedAtMs = Date.now() - started;
		for (const id of [...pending]) {
			statusChecks += 1;
			let status: ContainerStatus;
			try {
				status = await readContainerStatus(call, id);
			} catch (error) {
				if (isTemporaryFailure(error)) continue;
				throw passOn(call, error);
			}
			latest.set(id, status);
			if (status.statusCode === 'FINISHED' || status.statusCode === 'PUBLISHED') pending.delete(id);
			else if (status.statusCode === 'ERROR' || status.statusCode === 'EXPIRED') throw failedContainerError(call, status);
		}
		const waitedMs = Date.now() - started;
		if (pending.size === 0) {
			if (learning && statusChecks > 1) recordProcessing(call, kind, (lastNotReadyMs + checkedAtMs) / 2);
			return { waitedMs, statusChecks, statuses: containerIds.map((id) => latest.get(id) as ContainerStatus) };
		}
		lastNotReadyMs = checkedAtMs;
		if (waitedMs >= options.timeoutMs) {
			const ids = [...pending].join(', ');
			const error = metaNodeApiError(
				call.ctx.getNode(),
				localMetaError(
					'retry_later',
					`Instagram was still processing container(s) ${ids} after ${Math.round(waitedMs / 1000)} s: nothing was published; raise the Timeout option, or publish later with the Publish Container operation and the container id (containers stay valid for 24 hours).`,
					{ title: 'Media still processing' },
				),
				{ itemIndex: call.itemIndex },
			);
			error.context.containerIds = [...pending];
			throw error;
		}
		await sleep(Math.min(nextPollDelayMs(waitedMs, options.plan, estimate), Math.max(0, options.timeoutMs - waitedMs)));
	}
}
