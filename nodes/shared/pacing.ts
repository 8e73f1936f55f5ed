import { sleep } from 'n8n-workflow';

/**
 * Paced, concurrent execution of many writes (e.g. a WhatsApp campaign): at most `ratePerSecond` starts per second,
 * jobs with the same key one after another in input order, a general slow-down when the service says "too fast"
 * and a per-key pause when it says "too fast for this key". A write is repeated only when `classify` says the
 * service refused it before doing anything; every other failure is final, so nothing is done twice.
 */
export interface PacedJob<T> {
	/** Jobs with the same key run one at a time, in the order given (e.g. one WhatsApp recipient). */
	key: string;
	run: () => Promise<T>;
}

/** How a failure is handled: `rate` = refused, too fast overall; `key` = refused, too fast for this key; `final`. */
export type FailureKind = 'rate' | 'key' | 'final';

export interface PacingOptions {
	ratePerSecond: number;
	classify: (error: unknown) => FailureKind;
	/** First pause for a key after a `key` refusal; doubles on each further refusal. */
	keyPauseMs: number;
	/** Refusals tolerated per job before its last error is final. */
	maxRefusals?: number;
	/** Stop starting new jobs after the first final failure (jobs already started still finish). */
	stopOnFailure?: boolean;
}

export type PacedResult<T> = { ok: true; value: T; refusals: number } | { ok: false; error: unknown; refusals: number; skipped?: boolean };

export interface PacingReport {
	rateRefusals: number;
	keyRefusals: number;
	/** Lowest rate reached after slowing down. */
	lowestRate: number;
}

/**
 * Start slots spaced 1/rate apart, handed out one by one in request order (so a slow-down applies to everyone still
 * waiting); slows down on refusals and recovers gradually. Slots follow an ideal schedule so timer overshoot does not
 * add up, unless the pacer fell idle.
 */
class StartPacer {
	private nextStart = 0;
	private readonly waiting: Array<() => void> = [];
	private pumping = false;
	rate: number;
	lowest: number;

	constructor(private readonly target: number) {
		this.rate = target;
		this.lowest = target;
	}

	async acquire(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.waiting.push(resolve);
			void this.pump();
		});
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		while (this.waiting.length) {
			const wait = this.nextStart - Date.now();
			if (wait > 0) await sleep(wait);
			const now = Date.now();
			const base = this.nextStart >= now - 20 ? this.nextStart : now;
			this.nextStart = base + 1000 / this.rate;
			this.waiting.shift()?.();
		}
		this.pumping = false;
	}

	/** Refused as too fast: a tenth slower, and no start for one interval at the new rate. */
	slowDown(): void {
		this.rate = Math.max(1, this.rate * 0.9);
		this.lowest = Math.min(this.lowest, this.rate);
		this.nextStart = Math.max(this.nextStart, Date.now()) + 1000 / this.rate;
	}

	/** Each success wins back 1% of the target rate, never above it. */
	recover(): void {
		this.rate = Math.min(this.target, this.rate + this.target * 0.01);
	}
}

export async function runPaced<T>(jobs: Array<PacedJob<T>>, options: PacingOptions): Promise<{ results: Array<PacedResult<T>>; report: PacingReport }> {
	const rate = Math.max(0.01, options.ratePerSecond);
	const pacer = new StartPacer(rate);
	const maxRefusals = options.maxRefusals ?? 8;
	const report: PacingReport = { rateRefusals: 0, keyRefusals: 0, lowestRate: rate };
	const results: Array<PacedResult<T>> = new Array(jobs.length);
	const chains = new Map<string, Promise<void>>();
	let stopped = false;

	async function runOne(index: number): Promise<void> {
		const job = jobs[index];
		let refusals = 0;
		let keyPause = options.keyPauseMs;
		for (;;) {
			if (stopped) {
				results[index] = { ok: false, error: undefined, refusals, skipped: true };
				return;
			}
			await pacer.acquire();
			try {
				const value = await job.run();
				pacer.recover();
				results[index] = { ok: true, value, refusals };
				return;
			} catch (error) {
				const kind = options.classify(error);
				if (kind === 'final' || refusals >= maxRefusals) {
					results[index] = { ok: false, error, refusals };
					if (options.stopOnFailure) stopped = true;
					return;
				}
				refusals += 1;
				if (kind === 'rate') {
					report.rateRefusals += 1;
					pacer.slowDown();
				} else {
					report.keyRefusals += 1;
					await sleep(keyPause);
					keyPause *= 2;
				}
			}
		}
	}

	const all: Array<Promise<void>> = [];
	for (let i = 0; i < jobs.length; i++) {
		const previous = chains.get(jobs[i].key) ?? Promise.resolve();
		const current = previous.then(async () => await runOne(i));
		chains.set(jobs[i].key, current);
		all.push(current);
	}
	await Promise.all(all);
	report.lowestRate = pacer.lowest;
	return { results, report };
}
