import { type IDataObject, type IExecuteFunctions, type INodeExecutionData, type NodeApiError, type NodeOperationError } from 'n8n-workflow';
import { asNodeError, errorItem, withWentOut } from '../../shared/actions/router';
import { notRepeatedError, settleFailedWrite, writeLedger, type WriteIntent } from '../../shared/idempotency';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
import { graphRequest, type GraphLayerOptions, type MetaCredentialType } from '../../shared';
import { prepareEvent, type PreparedEvent } from './event/send.operation';

interface Pending extends PreparedEvent {
	itemIndex: number;
	intent: WriteIntent;
}

type Outcome = { json: IDataObject } | { error: NodeApiError | NodeOperationError };

/** Consecutive events for the same dataset and test code, at most `batchSize` (the first event's) per request. */
function batchesOf(pending: Pending[]): Pending[][] {
	const batches: Pending[][] = [];
	for (const event of pending) {
		const last = batches[batches.length - 1];
		const same = last && last[0].pixelId === event.pixelId && last[0].testEventCode === event.testEventCode && last.length < last[0].batchSize;
		if (same) last.push(event);
		else batches.push([event]);
	}
	return batches;
}

/** What Meta's answer means for each event of the batch; the counted answer must match what was sent. */
async function sendBatch(ctx: IExecuteFunctions, layer: GraphLayerOptions, batch: Pending[], outcomes: Map<number, Outcome>): Promise<void> {
	const ledger = writeLedger(ctx);
	const first = batch[0];
	try {
		const { body } = await graphRequest<IDataObject>(ctx, layer, {
			method: 'POST',
			path: `${first.pixelId}/events`,
			body: { data: batch.map((p) => p.event), ...(first.testEventCode ? { test_event_code: first.testEventCode } : {}) },
			bodyFormat: 'form',
			idempotent: false,
			itemIndex: first.itemIndex,
		});
		const received = Number(body.events_received);
		if (received !== batch.length) {
			for (const p of batch) {
				ledger.unknown(p.intent);
				const error = metaNodeApiError(
					ctx.getNode(),
					localMetaError('retry_later', `Meta counted ${Number.isFinite(received) ? received : 'no'} of the ${batch.length} events of this request as received, without saying which: check the dataset in Events Manager before sending them again.`, {
						title: 'Events not all received',
					}),
					{ itemIndex: p.itemIndex },
				);
				error.context.metaError = { ...(error.context.metaError as IDataObject), outcome: 'unknown', outcomeUnknown: true, retryable: false };
				outcomes.set(p.itemIndex, { error });
			}
			return;
		}
		for (const p of batch) {
			const json: IDataObject = {
				eventName: p.event.event_name,
				eventId: p.event.event_id ?? null,
				eventTime: p.event.event_time,
				datasetId: p.pixelId,
				eventsReceived: received,
				testEventCode: p.testEventCode || null,
				fbtraceId: body.fbtrace_id ?? null,
				userData: p.event.user_data,
			};
			await ledger.succeeded(p.intent, json);
			outcomes.set(p.itemIndex, { json });
		}
	} catch (error) {
		for (const p of batch) {
			await settleFailedWrite(ledger, p.intent, error);
			outcomes.set(p.itemIndex, { error: asNodeError(ctx, error as Error, p.itemIndex) });
		}
	}
}

/**
 * Every item is one server event. Events are checked first (a bad one stops the run before anything is sent, unless
 * the node continues on fail), then sent in batches; each event goes out at most once per execution
 * (nodes/shared/idempotency.ts), and every item gets one output item or one error item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const layer: GraphLayerOptions = { credentialType: this.getNodeParameter('authentication', 0) as MetaCredentialType };
	const ledger = writeLedger(this);
	const outcomes = new Map<number, Outcome>();
	const pending: Pending[] = [];
	const nowMs = Date.now();
	for (let i = 0; i < items.length; i++) {
		try {
			const prepared = prepareEvent(this, i, nowMs);
			// The time is left out of the key: an event whose time defaults to "now" is the same event on a retry.
			const identity: IDataObject = { ...prepared.event };
			delete identity.event_time;
			const intent = ledger.intent(i, 'event.send', { pixelId: prepared.pixelId, testEventCode: prepared.testEventCode, identity }, prepared.acrossExecutions);
			pending.push({ ...prepared, itemIndex: i, intent });
		} catch (error) {
			const nodeError = asNodeError(this, error as Error, i);
			if (!this.continueOnFail()) throw nodeError;
			outcomes.set(i, { error: nodeError });
		}
	}
	const toSend: Pending[] = [];
	for (const p of pending) {
		const earlier = await ledger.begin(p.intent);
		if (earlier.state === 'done') outcomes.set(p.itemIndex, { json: { ...earlier.result, alreadySent: true } });
		else if (earlier.state === 'unknown') outcomes.set(p.itemIndex, { error: notRepeatedError(this, p.itemIndex, earlier.reason) });
		else toSend.push(p);
	}
	for (const batch of batchesOf(toSend)) await sendBatch(this, layer, batch, outcomes);

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const outcome = outcomes.get(i) as Outcome;
		if ('json' in outcome) {
			output.push({ json: outcome.json, pairedItem: { item: i } });
			continue;
		}
		if (!this.continueOnFail()) throw withWentOut(outcome.error, ledger.completed());
		output.push(errorItem(outcome.error, i));
	}
	return [output];
}
