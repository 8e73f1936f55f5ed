import { createHash } from 'crypto';
import { NodeApiError, NodeOperationError, type ICheckProcessedOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { localMetaError, metaNodeApiError } from './errors/toNodeError';

/**
 * Exactly-once writes (a post, a message) under n8n's Retry On Fail, retried executions and partial failures.
 *
 * Each write is keyed by the execution it belongs to, the node, the item and a hash of what is sent. The key is
 * *claimed* in n8n's deduplication store (`helpers.checkProcessedAndRecord`: n8n's database, shared by every worker in
 * queue mode) before the write goes out. A claim is released only when Meta answered that the write failed; it stays
 * when the write went out or when its outcome is unknown, so neither is ever sent again. The store only answers
 * "seen before?", so the result of a write (media id, wamid) is kept next to it in the node's static data: within an
 * execution that is the same object on every try, and n8n saves it with production executions, so a retried
 * execution finds it too. Where the claim exists but no result was kept, the item says so instead of guessing.
 *
 * "The execution" is n8n's execution context (`establishedAt`), which a retried execution inherits; a new run of the
 * workflow gets a new one and is a new intent, unless the user asks to skip what earlier executions already did.
 */

/** What earlier attempts did with a write. */
export type EarlierWrite =
	| { state: 'new' }
	| { state: 'done'; result: IDataObject; earlierExecution: boolean }
	| { state: 'unknown'; reason: string };

export interface WriteIntent {
	key: string;
	itemIndex: number;
	acrossExecutions: boolean;
}

export interface WentOut {
	itemIndex: number;
	id: string | null;
}

/** n8n keeps one list of hashes per node; this bounds it (two runs of 5,000 writes). */
const DEDUP_OPTIONS: ICheckProcessedOptions = { mode: 'entries', maxEntries: 10_000 };
/** Results kept in static data, newest first out when full. */
const MAX_KEPT_RESULTS = 5_000;
const STATIC_KEY = 'writesDone';

interface KeptWrite {
	/** When it was recorded (ms), for pruning. */
	at: number;
	result?: IDataObject;
	unknown?: boolean;
}

function hashOf(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 40);
}

/** Stands for file bytes in a write's content (hashing the bytes, not a JSON array of them). */
export function bytesDigest(bytes: Buffer | undefined): string | null {
	return bytes ? `sha256:${createHash('sha256').update(bytes).digest('hex')}` : null;
}

/** The execution this write belongs to; a retried execution inherits its original's context. */
function lineageOf(ctx: IExecuteFunctions): string {
	const context = ctx.getExecutionContext?.();
	if (context?.establishedAt) return `ctx:${context.establishedAt}:${context.parentExecutionId ?? ''}`;
	return `exec:${ctx.getExecutionId()}`;
}

/**
 * Calls to n8n's deduplication store, one at a time and coalesced: n8n reads, changes and writes one row per node,
 * so overlapping calls from one node would overwrite each other.
 */
class DedupStore {
	private queue: Array<{ op: 'claim' | 'release'; key: string; done: (isNew: boolean) => void; fail: (error: unknown) => void }> = [];
	private pumping = false;
	/** False when n8n offers no deduplication store here: static data alone then guards retries within an execution. */
	readonly durable: boolean;

	constructor(private readonly ctx: IExecuteFunctions) {
		this.durable = typeof ctx.helpers?.checkProcessedAndRecord === 'function';
	}

	/** Records `key`; true when it was not recorded before. */
	async claim(key: string): Promise<boolean> {
		if (!this.durable) return true;
		return await this.enqueue('claim', key);
	}

	async release(key: string): Promise<void> {
		if (!this.durable) return;
		await this.enqueue('release', key);
	}

	private async enqueue(op: 'claim' | 'release', key: string): Promise<boolean> {
		return await new Promise<boolean>((done, fail) => {
			this.queue.push({ op, key, done, fail });
			void this.pump();
		});
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.queue.length) {
				const op = this.queue[0].op;
				let count = 0;
				while (count < this.queue.length && this.queue[count].op === op) count++;
				const batch = this.queue.splice(0, count);
				try {
					if (op === 'release') {
						await this.ctx.helpers.removeProcessed([...new Set(batch.map((b) => b.key))], 'node', DEDUP_OPTIONS);
						batch.forEach((b) => b.done(true));
						continue;
					}
					const unique = [...new Set(batch.map((b) => b.key))];
					const answer = await this.ctx.helpers.checkProcessedAndRecord(unique, 'node', DEDUP_OPTIONS);
					const fresh = new Set(answer.new.map(String));
					// A key asked for twice in one batch is new only for the first asker.
					for (const b of batch) {
						b.done(fresh.delete(b.key));
					}
				} catch (error) {
					batch.forEach((b) => b.fail(error));
				}
			}
		} finally {
			this.pumping = false;
		}
	}
}

/** One node run's view of its writes. */
export class WriteLedger {
	private readonly lineage: string;
	private readonly store: DedupStore;
	private readonly occurrences = new Map<string, number>();
	private readonly wentOut: WentOut[] = [];

	constructor(private readonly ctx: IExecuteFunctions) {
		this.lineage = lineageOf(ctx);
		this.store = new DedupStore(ctx);
	}

	/**
	 * The key of one write. `acrossExecutions`: the same content sent by this node in any execution counts as the
	 * same write (the nth identical write of a run matches the nth of an earlier run).
	 */
	intent(itemIndex: number, kind: string, payload: unknown, acrossExecutions = false): WriteIntent {
		const content = hashOf({ kind, payload });
		if (!acrossExecutions) return { key: hashOf(['run', this.lineage, this.ctx.getNode().id, itemIndex, content]), itemIndex, acrossExecutions };
		const nth = (this.occurrences.get(content) ?? 0) + 1;
		this.occurrences.set(content, nth);
		return { key: hashOf(['any-run', this.ctx.getNode().id, content, nth]), itemIndex, acrossExecutions };
	}

	/** Claims the write, or says what an earlier attempt did with it. */
	async begin(intent: WriteIntent): Promise<EarlierWrite> {
		const kept = this.kept()[intent.key];
		if (kept?.result) return this.done(intent, kept.result);
		if (kept?.unknown) return { state: 'unknown', reason: 'an earlier attempt got no answer from Meta' };
		if (await this.store.claim(intent.key)) return { state: 'new' };
		// Claimed before and no result kept here (e.g. a retried execution started from its original workflow data):
		// the "went out" record tells a write that went out from one whose outcome was unknown.
		const doneKey = doneKeyOf(intent);
		if (!(await this.store.claim(doneKey))) return this.done(intent, { ...NOT_KEPT });
		await this.store.release(doneKey);
		return {
			state: 'unknown',
			reason: intent.acrossExecutions
				? 'an earlier execution already sent this, or may have, and its result was not kept here'
				: 'an earlier attempt of this execution already sent this, or may have, and its result was not kept here',
		};
	}

	private done(intent: WriteIntent, result: IDataObject): EarlierWrite {
		const earlierExecution = intent.acrossExecutions && result.__lineage !== this.lineage;
		const clean: IDataObject = { ...result };
		delete clean.__lineage;
		this.wentOut.push({ itemIndex: intent.itemIndex, id: idOf(clean) });
		return { state: 'done', result: clean, earlierExecution };
	}

	/** The write went out: keep its result and the claim, and record that it went out. */
	async succeeded(intent: WriteIntent, result: IDataObject): Promise<void> {
		this.keep(intent.key, { at: Date.now(), result: { ...result, __lineage: this.lineage } });
		this.wentOut.push({ itemIndex: intent.itemIndex, id: idOf(result) });
		await this.store.claim(doneKeyOf(intent));
	}

	/** Meta answered that the write failed (or it was never sent): it may be tried again. */
	async failed(intent: WriteIntent): Promise<void> {
		await this.store.release(intent.key);
	}

	/** No answer: keep the claim, so no retry repeats what may have gone out. */
	unknown(intent: WriteIntent): void {
		this.keep(intent.key, { at: Date.now(), unknown: true });
	}

	/**
	 * Claims a created object (e.g. a post found after a lost answer) for this write, across executions of this
	 * workflow: false when another execution already claimed it, so it is never reported as two writes' result.
	 */
	async claimCreated(kind: string, id: string): Promise<boolean> {
		return await this.store.claim(hashOf(['created', kind, id]));
	}

	/** Items whose write went out in this run (or earlier, when skipped as done), for error messages. */
	completed(): WentOut[] {
		return [...this.wentOut].sort((a, b) => a.itemIndex - b.itemIndex);
	}

	private kept(): Record<string, KeptWrite> {
		const data = this.ctx.getWorkflowStaticData('node');
		if (!data[STATIC_KEY] || typeof data[STATIC_KEY] !== 'object') data[STATIC_KEY] = {};
		return data[STATIC_KEY] as Record<string, KeptWrite>;
	}

	private keep(key: string, value: KeptWrite): void {
		const kept = this.kept();
		kept[key] = value;
		const keys = Object.keys(kept);
		if (keys.length <= MAX_KEPT_RESULTS) return;
		keys.sort((a, b) => kept[a].at - kept[b].at);
		for (const old of keys.slice(0, keys.length - MAX_KEPT_RESULTS)) delete kept[old];
	}
}

function doneKeyOf(intent: WriteIntent): string {
	return hashOf(['went-out', intent.key]);
}

/** The result of a write that went out in an earlier attempt whose result is not at hand. */
const NOT_KEPT: IDataObject = {
	alreadyDone: true,
	id: null,
	note: 'Sent by an earlier attempt of this execution (or by the execution this one retries); its result is in that execution.',
};

function idOf(result: IDataObject): string | null {
	const id = result.id ?? result.messageId ?? result.mediaId;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

const ledgers = new WeakMap<IExecuteFunctions, WriteLedger>();

/** The ledger of this node run (one per execution context object, i.e. per try). */
export function writeLedger(ctx: IExecuteFunctions): WriteLedger {
	let ledger = ledgers.get(ctx);
	if (!ledger) {
		ledger = new WriteLedger(ctx);
		ledgers.set(ctx, ledger);
	}
	return ledger;
}

/** A short list of what already went out, for the message of an error that stops a run. */
export function wentOutSentence(wentOut: WentOut[]): string | undefined {
	if (!wentOut.length) return undefined;
	const shown = wentOut.slice(0, 20).map((w) => `item ${w.itemIndex}${w.id ? ` (${w.id})` : ''}`);
	const more = wentOut.length > shown.length ? ` and ${wentOut.length - shown.length} more` : '';
	return `Already done before this failure, and not repeated when the node or the execution is retried: ${shown.join(', ')}${more}.`;
}

/** Whether a failed write may have gone out anyway (no answer from Meta). */
export function outcomeUnknown(error: unknown): boolean {
	const meta = (error as { context?: { metaError?: IDataObject } })?.context?.metaError;
	return meta?.outcome === 'unknown' || meta?.outcomeUnknown === true;
}

/** Records how a write that was claimed ended: went out, failed (may be tried again), or unknown. */
export async function settleFailedWrite(ledger: WriteLedger, intent: WriteIntent, error: unknown): Promise<void> {
	if (outcomeUnknown(error)) ledger.unknown(intent);
	else await ledger.failed(intent);
}

/** The error of a write not sent again because an earlier attempt may already have sent it. */
export function notRepeatedError(ctx: IExecuteFunctions, itemIndex: number, reason: string): NodeApiError {
	const apiError = metaNodeApiError(
		ctx.getNode(),
		localMetaError(
			'retry_later',
			`Not sent again: ${reason}. Check on Meta (or in the earlier execution) whether it went out before sending it by hand.`,
			{ title: 'Outcome unknown' },
		),
		{ itemIndex },
	);
	apiError.context.metaError = { ...(apiError.context.metaError as IDataObject), retryable: false, outcome: 'unknown', outcomeUnknown: true };
	return apiError;
}

/**
 * Runs a write operation of one item at most once per execution (Retry On Fail, a retried execution): keyed by the
 * node's parameters and the input item, which decide what is sent. An earlier try's output is returned as it was.
 */
export async function runWriteOnce(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: string,
	write: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const ledger = writeLedger(ctx);
	const intent = ledger.intent(itemIndex, kind, { parameters: ctx.getNode().parameters, input: ctx.getInputData()[itemIndex]?.json ?? {} });
	const earlier = await ledger.begin(intent);
	if (earlier.state === 'done') return [{ json: earlier.result, pairedItem: { item: itemIndex } }];
	if (earlier.state === 'unknown') throw notRepeatedError(ctx, itemIndex, earlier.reason);
	try {
		const output = await write();
		await ledger.succeeded(intent, output[0]?.json ?? {});
		return output;
	} catch (error) {
		await settleFailedWrite(ledger, intent, error);
		throw nodeErrorOf(ctx, error, itemIndex);
	}
}

function nodeErrorOf(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
