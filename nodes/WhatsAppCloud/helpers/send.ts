import { NodeApiError, sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asNodeError, failedItem } from '../../shared/actions/router';
import { PacedRunner, type FailureKind } from '../../shared/pacing';
import { graphRequest, type GraphLayerOptions } from '../../shared/request';
import { layerOf } from './graph';
import { acceptedMessageOutput } from './sendResult';

/** One message ready to go: built and checked, nothing sent yet. */
export interface OutgoingMessage {
	phoneNumberId: string;
	/** Normalised recipient (`+` and digits); the pacing key. Empty for mark-as-read. */
	to: string;
	payload: IDataObject;
}

export type BuildMessage = (this: IExecuteFunctions, itemIndex: number) => Promise<OutgoingMessage>;

/** The number's default throughput (reference §5.5). */
export const DEFAULT_MESSAGES_PER_SECOND = 80;
/** The pair rate is "about one message every 6 seconds" to one person ([community], reference §5.5). */
export const DEFAULT_PAIR_WAIT_SECONDS = 6;

/** WhatsApp's throttle refusals: Meta refused the send before doing anything, so it may be sent again. */
export function classifySendFailure(error: unknown): FailureKind {
	const code = error instanceof NodeApiError ? (error.context?.metaError as IDataObject | undefined)?.code : undefined;
	if (code === 130429) return 'rate';
	if (code === 131056) return 'key';
	return 'final';
}

/** Sends one message; refusals are handed to the caller (no retry here), everything else is final. */
export async function postMessage(ctx: IExecuteFunctions, layer: GraphLayerOptions, message: OutgoingMessage, itemIndex: number): Promise<IDataObject> {
	const response = await graphRequest<IDataObject>(ctx, { ...layer, retry: { maxRetries: 0 } }, {
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

function sendingOptions(ctx: IExecuteFunctions): { rate: number; pairWaitMs: number } {
	const options = ctx.getNodeParameter('sendOptions', 0, {}) as IDataObject;
	const rate = Number(options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND);
	const pairWait = Number(options.pairWaitSeconds ?? DEFAULT_PAIR_WAIT_SECONDS);
	return { rate: Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_MESSAGES_PER_SECOND, pairWaitMs: Math.max(0, pairWait) * 1000 };
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
 * run down and are sent again; any other failure is final for its item. Without "continue on fail" the first failure
 * stops the run (nothing after it is sent). One output item per input item.
 */
export async function sendMessages(this: IExecuteFunctions, build: BuildMessage): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const { rate, pairWaitMs } = sendingOptions(this);
	const runner = new PacedRunner<IDataObject>({ ratePerSecond: rate, classify: classifySendFailure, keyPauseMs: pairWaitMs, stopOnFailure: !continueOnFail });
	const failures: Array<{ error: Error; index: number }> = [];
	const fail = (error: Error, index: number) => {
		failures.push({ error, index });
		output[index] = failedItem(error, index);
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
		// Everything the send needs is read now, before its slot: between the slot and the wire there is only the request.
		const layer = layerOf(this, index);
		const job = { key: message.to || String(message.payload.message_id ?? index), run: async () => await postMessage(this, layer, message, index) };
		pending.push(
			runner.add(job).then((result) => {
				if (result.ok) output[index] = { json: { ...result.value, ...(result.refusals ? { throttleRetries: result.refusals } : {}) }, pairedItem: { item: index } };
				else if (!result.skipped) fail(result.error as Error, index);
			}),
		);
	}
	await Promise.all(pending);
	if (failures.length && !continueOnFail) {
		const first = failures.sort((a, b) => a.index - b.index)[0];
		throw asNodeError(this, first.error, first.index);
	}
	return [output.filter(Boolean)];
}

/** An operation's single-item `execute`: build, check, send once. */
export function singleSend(build: BuildMessage): (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]> {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const message = await build.call(this, itemIndex);
		return [{ json: await postMessage(this, layerOf(this, itemIndex), message, itemIndex), pairedItem: { item: itemIndex } }];
	};
}
