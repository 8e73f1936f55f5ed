import { NodeApiError, sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asNodeError, errorItem, withWentOut } from '../../shared/actions/router';
import { SKIP_DONE_IN_EARLIER_EXECUTIONS } from '../../shared/descriptions/skipDoneWrites';
import { notRepeatedError, settleFailedWrite, writeLedger, type WriteIntent, type WriteLedger } from '../../shared/idempotency';
import { PacedRunner, type FailureKind } from '../../shared/pacing';
import { graphRequest, type GraphLayerOptions } from '../../shared/request';
import { layerOf } from './graph';
import { acceptedMessageOutput } from './sendResult';

/** One message ready to go: built and checked, nothing sent yet. */
export interface OutgoingMessage {
	phoneNumberId: string;
	/** Normalised recipient (`+` and digits, or a WhatsApp user ID); the pacing key. Empty for mark-as-read. */
	to: string;
	payload: IDataObject;
}

export type BuildMessage = (this: IExecuteFunctions, itemIndex: number) => Promise<OutgoingMessage>;

/** The number's default throughput (reference §5.5). */
export const DEFAULT_MESSAGES_PER_SECOND = 80;
/** The pair rate is "about one message every 6 seconds" to one person ([community], reference §5.5). */
export const DEFAULT_PAIR_WAIT_SECONDS = 6;

/**
 * WhatsApp's throttle refusals: Meta refused the send before doing anything, so it may be sent again. A temporary
 * failure Meta answered (not a lost answer) did not go out either: it is sent again after a pause, through the pacer
 * like a per-person refusal, so repeats never push the run above its rate.
 */
export function classifySendFailure(error: unknown): FailureKind {
	const meta = error instanceof NodeApiError ? (error.context?.metaError as IDataObject | undefined) : undefined;
	if (meta?.code === 130429) return 'rate';
	if (meta?.code === 131056) return 'key';
	if (meta?.category === 'retry_later' && meta.retryable === true && meta.outcome !== 'unknown') return 'key';
	return 'final';
}

/**
 * Sends one message once. Refusals and temporary failures are handed to the caller's pacer; a send without an answer
 * is never repeated (its outcome is unknown).
 */
export async function postMessage(ctx: IExecuteFunctions, layer: GraphLayerOptions, message: OutgoingMessage, itemIndex: number): Promise<IDataObject> {
	// Not repeated here: every repeat goes through the caller's pacer (see classifySendFailure).
	const response = await graphRequest<IDataObject>(ctx, { ...layer, retry: { ...layer.retry, maxRetries: 0 } }, {
		method: 'POST',
		path: `${message.phoneNumberId}/messages`,
		body: message.payload,
		bodyFormat: 'json',
		idempotent: false,
		itemIndex,
	});
	const body = response.body;
	if (body.success !== undefined) return { success: body.success === true, messageId: message.payload.message_id ?? null };
	return acceptedMessageOutput(body, message);
}

function sendingOptions(ctx: IExecuteFunctions): { rate: number; pairWaitMs: number; acrossExecutions: boolean } {
	const options = ctx.getNodeParameter('sendOptions', 0, {}) as IDataObject;
	const rate = Number(options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND);
	const pairWait = Number(options.pairWaitSeconds ?? DEFAULT_PAIR_WAIT_SECONDS);
	return {
		rate: Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_MESSAGES_PER_SECOND,
		pairWaitMs: Math.max(0, pairWait) * 1000,
		acrossExecutions: options[SKIP_DONE_IN_EARLIER_EXECUTIONS] === true,
	};
}

/** The idempotency key of one message: what is sent, from which number. */
function messageIntent(ledger: WriteLedger, message: OutgoingMessage, itemIndex: number, acrossExecutions: boolean): WriteIntent {
	return ledger.intent(itemIndex, 'whatsapp.message', { phoneNumberId: message.phoneNumberId, payload: message.payload }, acrossExecutions);
}

/** The output of a message an earlier try or execution already sent. */
function earlierOutput(result: IDataObject, earlierExecution: boolean, index: number): INodeExecutionData {
	return { json: earlierExecution ? { ...result, alreadySent: true } : result, pairedItem: { item: index } };
}

/** Yield to the event loop every so many built items, so paced sends go out while later items are prepared. */
const BUILD_BATCH = 8;

/**
 * Messages built ahead of their send slot: an eighth of a second's worth (at least 4). Building is CPU work on the one
 * thread that also sends; building everything first would hold up the sends that are due (late, then bunched, then
 * refused), so each item is built just before the slot it needs.
 */
function lookahead(rate: number): number {
	return Math.max(4, Math.ceil(rate / 8));
}

/**
 * Sends every input item's message concurrently at the chosen rate, one recipient's messages in input order. Each
 * item is built and checked just before its send slot, while earlier ones are already going out. Throttle refusals slow the
 * run down and are sent again; any other failure is final for its item. A message an earlier try (Retry On Fail) or a
 * retried execution already sent is not sent again: its earlier result is returned. Without "continue on fail" the
 * first failure stops the run (nothing after it is sent) and the error lists what went out. One output item per input item.
 */
export async function sendMessages(this: IExecuteFunctions, build: BuildMessage): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const { rate, pairWaitMs, acrossExecutions } = sendingOptions(this);
	const ledger = writeLedger(this);
	const runner = new PacedRunner<IDataObject>({ ratePerSecond: rate, classify: classifySendFailure, keyPauseMs: pairWaitMs, stopOnFailure: !continueOnFail });
	const failures: Array<{ error: Error; index: number }> = [];
	const fail = (error: Error, index: number) => {
		const nodeError = asNodeError(this, error, index);
		failures.push({ error: nodeError, index });
		output[index] = errorItem(nodeError, index);
		if (!continueOnFail) runner.stop();
	};
	const pending: Array<Promise<void>> = [];
	const ahead = lookahead(rate);
	for (let i = 0; i < items.length && !runner.stopped; i++) {
		if (i % BUILD_BATCH === BUILD_BATCH - 1) await sleep(0);
		await runner.room(ahead);
		if (runner.stopped) break;
		let message: OutgoingMessage;
		try {
			message = await build.call(this, i);
		} catch (error) {
			fail(error as Error, i);
			continue;
		}
		const index = i;
		const intent = messageIntent(ledger, message, index, acrossExecutions);
		const earlier = await ledger.begin(intent);
		if (earlier.state === 'done') {
			output[index] = earlierOutput(earlier.result, earlier.earlierExecution, index);
			continue;
		}
		if (earlier.state === 'unknown') {
			fail(notRepeatedError(this, index, earlier.reason), index);
			continue;
		}
		// Everything the send needs is read now, before its slot: between the slot and the wire there is only the request.
		const layer = layerOf(this, index);
		const job = { key: message.to || String(message.payload.message_id ?? index), run: async () => await postMessage(this, layer, message, index) };
		pending.push(
			runner.add(job).then(async (result) => {
				if (result.ok) {
					const json = { ...result.value, ...(result.refusals ? { throttleRetries: result.refusals } : {}) };
					await ledger.succeeded(intent, json);
					output[index] = { json, pairedItem: { item: index } };
				} else if (result.skipped) {
					// Never sent (the run stopped first): free it for the retry.
					await ledger.failed(intent);
				} else {
					await settleFailedWrite(ledger, intent, result.error);
					fail(result.error as Error, index);
				}
			}),
		);
	}
	await Promise.all(pending);
	if (failures.length && !continueOnFail) {
		const first = failures.sort((a, b) => a.index - b.index)[0];
		throw withWentOut(asNodeError(this, first.error, first.index), ledger.completed());
	}
	return [output.filter(Boolean)];
}

/** An operation's single-item `execute`: build, check, send once (never again on a retry). */
export function singleSend(build: BuildMessage): (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]> {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const message = await build.call(this, itemIndex);
		const ledger = writeLedger(this);
		const options = this.getNodeParameter('sendOptions', itemIndex, {}) as IDataObject;
		const intent = messageIntent(ledger, message, itemIndex, options[SKIP_DONE_IN_EARLIER_EXECUTIONS] === true);
		const earlier = await ledger.begin(intent);
		if (earlier.state === 'done') return [earlierOutput(earlier.result, earlier.earlierExecution, itemIndex)];
		if (earlier.state === 'unknown') throw notRepeatedError(this, itemIndex, earlier.reason);
		try {
			const json = await postMessage(this, layerOf(this, itemIndex), message, itemIndex);
			await ledger.succeeded(intent, json);
			return [{ json, pairedItem: { item: itemIndex } }];
		} catch (error) {
			await settleFailedWrite(ledger, intent, error);
			throw asNodeError(this, error as Error, itemIndex);
		}
	};
}
