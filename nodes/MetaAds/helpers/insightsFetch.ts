import { NodeApiError, sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { classifyMetaError, graphPaginate, graphRequest, metaNodeApiError, type GraphLayerOptions, type PaginateOptions } from '../../shared';
import { asNodeError } from '../../shared/actions/router';
import { localMetaError } from '../../shared/errors/toNodeError';
import type { InsightsQuery } from './insightsQuery';

export type InsightsMode = 'auto' | 'async' | 'sync';

export interface ReportPolling {
	/** First wait between status checks; later waits grow by half up to `maxIntervalMs`. */
	firstIntervalMs: number;
	maxIntervalMs: number;
	/** Give up (with the report ID) when the report is not done after this long. */
	maxWaitMs: number;
}

/** Requests estimated above this many rows go straight to an async report in auto mode. */
export const ASYNC_FROM_ESTIMATED_ROWS = 50_000;

/** Meta's answers that mean "too much for a synchronous request" (reference §6.4): auto mode then goes async. */
const TOO_BIG_FOR_SYNC: Array<[number, number]> = [
	[100, 1487534],
	[100, 1504018],
	[2, 1504038],
	[2, 1504044],
];

function isTooBigForSync(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const meta = error.context?.metaError as IDataObject | undefined;
	return TOO_BIG_FOR_SYNC.some(([code, subcode]) => meta?.code === code && meta?.subcode === subcode);
}

/** Tries for a page of a finished report's rows (back-off doubling from 1 s: about half a minute in all). */
const REPORT_ROWS_RETRIES = 5;

const STATUS_FIELDS = 'async_status,async_percent_completion,error_code,error_subcode,error_message,error_user_title,error_user_msg';

function reportFailure(ctx: IExecuteFunctions, runId: string, status: IDataObject, itemIndex: number): NodeApiError {
	const percent = Number(status.async_percent_completion ?? 0);
	if (status.async_status === 'Job Skipped') {
		return metaNodeApiError(
			ctx.getNode(),
			localMetaError('retry_later', `Meta skipped background report ${runId} without running it (it expired in Meta's queue); run the workflow again.`, { title: 'Background report skipped' }),
			{ itemIndex },
		);
	}
	const code = status.error_code === undefined || status.error_code === null ? undefined : Number(status.error_code);
	const extra = `Background report ${runId} failed at ${percent}%.`;
	if (code === undefined) {
		return metaNodeApiError(
			ctx.getNode(),
			localMetaError('retry_later', `Meta could not finish background report ${runId} and gave no reason; wait a few minutes and run it again.`, { title: 'Background report failed' }),
			{ itemIndex },
		);
	}
	const classified = classifyMetaError({
		code,
		subcode: status.error_subcode === undefined || status.error_subcode === null ? undefined : Number(status.error_subcode),
		message: String(status.error_message ?? 'The background report failed'),
		userTitle: typeof status.error_user_title === 'string' ? status.error_user_title : undefined,
		userMessage: typeof status.error_user_msg === 'string' ? status.error_user_msg : undefined,
	});
	return metaNodeApiError(ctx.getNode(), classified, { itemIndex, extra });
}

/** Polls a report run with growing pauses until `Job Completed` (100% alone is not done: Meta stalls there). */
async function waitForReport(ctx: IExecuteFunctions, layer: GraphLayerOptions, runId: string, polling: ReportPolling, itemIndex: number): Promise<void> {
	let waited = 0;
	let interval = polling.firstIntervalMs;
	for (;;) {
		const { body } = await graphRequest<IDataObject>(ctx, layer, { method: 'GET', path: runId, qs: { fields: STATUS_FIELDS }, itemIndex });
		const status = String(body.async_status ?? '');
		if (status === 'Job Completed') return;
		if (status === 'Job Failed' || status === 'Job Skipped') throw reportFailure(ctx, runId, body, itemIndex);
		if (waited + interval > polling.maxWaitMs) {
			throw metaNodeApiError(
				ctx.getNode(),
				localMetaError(
					'retry_later',
					`Background report ${runId} was still "${status}" (${Number(body.async_percent_completion ?? 0)}%) after ${Math.round(waited / 1000)} seconds; run the workflow again later or raise Max Report Wait.`,
					{ title: 'Background report not finished' },
				),
				{ itemIndex },
			);
		}
		await sleep(interval);
		waited += interval;
		interval = Math.min(polling.maxIntervalMs, Math.round(interval * 1.5));
	}
}

/** POST the same request as an async report, wait for it, then page its rows. */
async function viaReport(
	ctx: IExecuteFunctions,
	layer: GraphLayerOptions,
	query: InsightsQuery,
	paging: PaginateOptions<INodeExecutionData>,
	polling: ReportPolling,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	// Creating a report is a write: if its outcome is unknown the shared layer does not repeat it.
	const created = await graphRequest<IDataObject>(ctx, layer, { method: 'POST', path: query.path, body: query.qs, bodyFormat: 'form', idempotent: false, itemIndex });
	const runId = String(created.body.report_run_id ?? '');
	if (!/^\d+$/.test(runId)) {
		throw metaNodeApiError(ctx.getNode(), localMetaError('retry_later', 'Meta accepted the background report but returned no report ID; run the workflow again.'), { itemIndex });
	}
	await waitForReport(ctx, layer, runId, polling, itemIndex);
	// Right after "Job Completed" Meta may still answer 2601/1815107 "Error accessing adreport job" (is_transient)
	// for a while: the shared layer retries it as temporary, with a few more tries than for other reads.
	const rowsLayer: GraphLayerOptions = { ...layer, retry: { ...layer.retry, maxRetries: Math.max(REPORT_ROWS_RETRIES, layer.retry?.maxRetries ?? 0) } };
	return await graphPaginate(ctx, rowsLayer, { method: 'GET', path: `${runId}/insights`, itemIndex }, paging);
}

/**
 * Insights rows in the chosen mode. Auto: a synchronous request first, unless the request is known to be large;
 * when Meta answers that it is too much data (or timed out), the same request runs as an async report.
 */
export async function fetchInsights(
	ctx: IExecuteFunctions,
	layer: GraphLayerOptions,
	query: InsightsQuery,
	mode: InsightsMode,
	paging: PaginateOptions<INodeExecutionData>,
	polling: ReportPolling,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	if (mode === 'async' || (mode === 'auto' && query.estimatedRows >= ASYNC_FROM_ESTIMATED_ROWS)) {
		return await viaReport(ctx, layer, query, paging, polling, itemIndex);
	}
	try {
		return await graphPaginate(ctx, layer, { method: 'GET', path: query.path, qs: query.qs, itemIndex }, paging);
	} catch (error) {
		if (mode === 'auto' && isTooBigForSync(error)) return await viaReport(ctx, layer, query, paging, polling, itemIndex);
		if (isTooBigForSync(error)) {
			const apiError = error as NodeApiError;
			apiError.description = `${apiError.description ?? ''} Mode is Direct Only: set Options → Mode to Auto to run it as a background report instead.`.trim();
		}
		throw asNodeError(ctx, error as Error, itemIndex);
	}
}
