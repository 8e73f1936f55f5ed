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

/** How far behind its ideal schedule the pacer may catch up (e.g. after its timer fired late). */
const MAX_BACKLOG_MS = 250;

/**
 * Starts are paced as if a second lasted this much longer (1%): the service counts arrivals, not starts, and a start
 * exactly one second after the one `rate` starts earlier is refused whenever that one took a few milliseconds longer
 * on its way. Ten milliseconds of room per second cost 1% of the rate and avoid most such refusals.
 */
const WINDOW_GUARD_MS = 10;

/**
 * Start slots spaced (1 s + guard)/rate apart, handed out one by one in request order (so a slow-down applies to everyone still
 * waiting); slows down on refusals and recovers gradually. Slots follow an ideal schedule so timer overshoot does not
 * add up; catching up is bounded by the rolling-second count.
 */
class StartPacer {
	private nextStart = 0;
	private readonly waiting: Array<(releasedAt: number) => void> = [];
	private readonly roomWaiters: Array<() => void> = [];
	private pumping = false;
	private refusedAt: number[] = [];
	private released: number[] = [];
	private lastRelease = 0;
	/** When the rate was last cut: refusals of starts released before then were sent at the old rate. */
	private slowedAt = -Infinity;
	rate: number;

	constructor(private readonly target: number) {
		this.rate = target;
	}

	/** Resolves with the release time of the slot; `first` takes the next slot, ahead of everyone waiting. */
	async acquire(first = false): Promise<number> {
		return await new Promise<number>((resolve) => {
			if (first) this.waiting.unshift(resolve);
			else this.waiting.push(resolve);
			void this.pump();
		});
	}

	/** Resolves once fewer than `limit` starts are waiting (a producer keeps only a short queue ahead of the slots). */
	async room(limit: number): Promise<void> {
		while (this.waiting.length >= Math.max(1, limit)) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		while (this.waiting.length) {
			const interval = (1000 + WINDOW_GUARD_MS) / this.rate;
			const perSecond = Math.max(1, Math.floor(this.rate));
			const cutoff = Date.now() - 1000 - WINDOW_GUARD_MS;
			this.released = this.released.filter((t) => t > cutoff);
			// The ideal schedule; a late timer may catch up, but never more than `rate` starts in any rolling second
			// (plus the guard) and never closer than half an interval.
			const windowFreeAt = this.released.length >= perSecond ? this.released[this.released.length - perSecond] + 1000 + WINDOW_GUARD_MS : 0;
			const earliest = Math.max(this.nextStart, this.lastRelease + interval / 2, windowFreeAt);
			const wait = earliest - Date.now();
			if (wait > 0) await sleep(wait);
			const now = Date.now();
			this.released.push(now);
			this.lastRelease = now;
			// Only a timer that fired late catches up; a slot nobody was waiting for is gone (no burst after idling).
			this.nextStart = (wait > 0 ? Math.max(this.nextStart, now - MAX_BACKLOG_MS) : now) + interval;
			this.waiting.shift()?.(now);
			this.roomWaiters.splice(0).forEach((wake) => wake());
		}
		this.pumping = false;
	}

	/**
	 * Refused as too fast. An isolated refusal (timing jitter at the limit) only costs the refused job its slot; a
	 * refusal of more than one start in twenty within a second (at least three) means the real limit is lower: a tenth
	 * slower, with a pause of one interval.
	 * Refusals of starts released before the last cut do not count again: they were sent at the old rate, and
	 * counting them would cut the rate once more for every answer still on its way.
	 */
	slowDown(releasedAt: number): void {
		if (releasedAt < this.slowedAt) return;
		const now = Date.now();
		this.refusedAt = this.refusedAt.filter((t) => now - t < 1000);
		this.refusedAt.push(now);
		if (this.refusedAt.length < Math.max(3, Math.ceil(this.target / 20))) return;
		this.refusedAt = [];
		this.slowedAt = now;
		this.rate = Math.max(1, this.rate * 0.9);
		this.nextStart = Math.max(this.nextStart, now) + 1000 / this.rate;
	}

	/** Each success wins back 1% of the target rate, never above it. */
	recover(): void {
		this.rate = Math.min(this.target, this.rate + this.target * 0.01);
	}
}

/**
 * Accepts jobs one by one (so a caller can prepare the next while earlier ones are already paced out) and runs them
 * as described above. `add` resolves with the job's result once it is final.
 */
export class PacedRunner<T> {
	private readonly pacer: StartPacer;
	private readonly chains = new Map<string, Promise<unknown>>();
	private readonly maxRefusals: number;
	readonly report: PacingReport;
	stopped = false;

	constructor(private readonly options: PacingOptions) {
		const rate = Math.max(0.01, options.ratePerSecond);
		this.pacer = new StartPacer(rate);
		this.maxRefusals = options.maxRefusals ?? 8;
		this.report = { rateRefusals: 0, keyRefusals: 0, lowestRate: rate };
	}

	/**
	 * Resolves once the queue for start slots is short (fewer than `limit` waiting), so a caller preparing jobs one by
	 * one stays just ahead of the slots instead of preparing everything first: preparation then never holds up the
	 * slots that are due. Jobs held back behind an earlier job of their key are not in that queue.
	 */
	async room(limit: number): Promise<void> {
		await this.pacer.room(limit);
	}

	/** No new job starts after this; jobs already started finish. */
	stop(): void {
		this.stopped = true;
	}

	async add(job: PacedJob<T>): Promise<PacedResult<T>> {
		const previous = this.chains.get(job.key) ?? Promise.resolve();
		const current = previous.then(async () => await this.runOne(job));
		this.chains.set(job.key, current);
		return await current;
	}

	private async runOne(job: PacedJob<T>): Promise<PacedResult<T>> {
		let refusals = 0;
		let keyPause = this.options.keyPauseMs;
		for (;;) {
			if (this.stopped) return { ok: false, error: undefined, refusals, skipped: true };
			// Refused once (usually timing jitter at the limit), a job takes the next slot instead of queueing behind
			// the jobs added meanwhile; refused again, it queues like a new job, so that when the limit is really
			// lower the refusals are shared out rather than all falling on one job until it gives up.
			const releasedAt = await this.pacer.acquire(refusals === 1);
			if (this.stopped) return { ok: false, error: undefined, refusals, skipped: true };
			try {
				const value = await job.run();
				this.pacer.recover();
				return { ok: true, value, refusals };
			} catch (error) {
				const kind = this.options.classify(error);
				if (kind === 'final' || refusals >= this.maxRefusals) {
					if (this.options.stopOnFailure) this.stopped = true;
					return { ok: false, error, refusals };
				}
				refusals += 1;
				if (kind === 'rate') {
					this.report.rateRefusals += 1;
					this.pacer.slowDown(releasedAt);
					this.report.lowestRate = Math.min(this.report.lowestRate, this.pacer.rate);
				} else {
					this.report.keyRefusals += 1;
					await sleep(keyPause);
					keyPause *= 2;
				}
			}
		}
	}
}

/** All jobs at once. */
export async function runPaced<T>(jobs: Array<PacedJob<T>>, options: PacingOptions): Promise<{ results: Array<PacedResult<T>>; report: PacingReport }> {
	const runner = new PacedRunner<T>(options);
	const results = await Promise.all(jobs.map(async (job) => await runner.add(job)));
	return { results, report: runner.report };
}
