/**
 * The event keys one process remembers for a trigger (dedupe.ts), each with its expiry in epoch seconds. A `Map` of
 * numbers boxes every 53-bit key into a heap number and hashes it again on every lookup; here nothing is allocated
 * per key. Two parts, as in V8's own ordered hash tables:
 * - the entries, in the order their keys were set (oldest first), in typed arrays: pruning keeps the newest, so it
 *   keeps a run at the end of them and never searches for the oldest;
 * - an open-addressing index from key to entry (linear probing; at most half full). The keys are hashes already
 *   (eventKey.ts), so their low 32 bits pick the slot.
 */
export class KeyTable {
	private entryKeys: Float64Array;
	/** 0 marks an entry left behind: its key was set again, as a newer entry. Every stored expiry is after 1970. */
	private entryExpiries: Float64Array;
	/** The round of marks in which each entry's key was last found in a stored record (learn). */
	private entryMarks: Float64Array;
	/** Entries in use, left-behind ones included. */
	private entries = 0;
	/** Entry + 1 per slot; 0 is an empty slot. */
	private index: Int32Array;
	private mask: number;
	/** Starts above 0, the mark of an entry never marked. */
	private markRound = 1;
	/** Keys held. */
	size = 0;

	constructor(capacity = 1024) {
		this.entryKeys = new Float64Array(capacity);
		this.entryExpiries = new Float64Array(capacity);
		this.entryMarks = new Float64Array(capacity);
		this.index = new Int32Array(capacity * 2);
		this.mask = capacity * 2 - 1;
	}

	/** The slot of `key`'s entry, or the empty slot where it would go. */
	private slotOf(key: number): number {
		const { index, entryKeys, mask } = this;
		let slot = (key >>> 0) & mask;
		for (let at = index[slot]; at !== 0 && entryKeys[at - 1] !== key; at = index[slot]) slot = (slot + 1) & mask;
		return slot;
	}

	/** The key's expiry, or 0 when the key is not held. */
	expiryOf(key: number): number {
		const at = this.index[this.slotOf(key)];
		return at === 0 ? 0 : this.entryExpiries[at - 1];
	}

	/** Holds `key` until `expires`, as the newest key (also when it was held already: its entry moves to the end). */
	set(key: number, expires: number): void {
		this.makeRoom();
		const slot = this.slotOf(key);
		const at = this.index[slot];
		let mark = 0;
		if (at !== 0) {
			mark = this.entryMarks[at - 1];
			this.entryExpiries[at - 1] = 0;
			this.size--;
		}
		this.index[slot] = this.append(key, expires, mark);
	}

	/** Starts a round of marks: the keys `learn` is given in it are those of one stored record (dedupe.ts). */
	beginMarks(): void {
		this.markRound++;
	}

	/** Holds `key` until `expires` at least (a key it held already keeps its place in the order), marked this round. */
	learn(key: number, expires: number): void {
		this.makeRoom();
		const slot = this.slotOf(key);
		const at = this.index[slot];
		if (at === 0) {
			this.index[slot] = this.append(key, expires, this.markRound);
			return;
		}
		if (this.entryExpiries[at - 1] < expires) this.entryExpiries[at - 1] = expires;
		this.entryMarks[at - 1] = this.markRound;
	}

	/** The key's expiry when it is held, live at `nowSeconds` and not marked this round, then marked; 0 otherwise. */
	takeUnmarked(key: number, nowSeconds: number): number {
		const at = this.index[this.slotOf(key)] - 1;
		if (at < 0 || this.entryExpiries[at] <= nowSeconds || this.entryMarks[at] === this.markRound) return 0;
		this.entryMarks[at] = this.markRound;
		return this.entryExpiries[at];
	}

	/**
	 * Once more than `limit` keys are held: drops what expired by `nowSeconds`, then the least recently set keys down to
	 * three quarters of `limit`, and says so. Pruning below the limit leaves room, so a busy trigger prunes once per
	 * several deliveries, not on every one.
	 */
	prune(nowSeconds: number, limit: number): boolean {
		if (this.size <= limit) return false;
		const target = Math.floor((limit * 3) / 4);
		const expiries = this.entryExpiries;
		// The newest `target` live entries, counted back from the end; everything before the oldest of them goes.
		let oldestKept = this.entries;
		for (let kept = 0; kept < target && oldestKept > 0; ) kept += +(expiries[--oldestKept] > nowSeconds);
		this.compact(oldestKept, nowSeconds);
		return true;
	}

	/** Room for one more entry, and for one more key in the index. */
	private makeRoom(): void {
		if (this.entries === this.entryKeys.length) {
			// Mostly left-behind entries: dropping them is room enough; otherwise the entries double.
			if (this.size * 2 <= this.entries) this.compact(0, 0);
			else this.growEntries(this.entryKeys.length * 2);
		}
		if ((this.size + 1) * 2 > this.index.length) this.reindex(this.index.length * 2);
	}

	/** Appends an entry; its number + 1, for the index. */
	private append(key: number, expires: number, mark: number): number {
		const at = this.entries++;
		this.entryKeys[at] = key;
		this.entryExpiries[at] = expires;
		this.entryMarks[at] = mark;
		this.size++;
		return at + 1;
	}

	/** Keeps the entries from `from` on that are live at `afterSeconds` (0: every held one), in order; the index rebuilt. */
	private compact(from: number, afterSeconds: number): void {
		const { entryKeys, entryExpiries, entryMarks } = this;
		let kept = 0;
		for (let at = from; at < this.entries; at++) {
			if (entryExpiries[at] <= afterSeconds) continue;
			entryKeys[kept] = entryKeys[at];
			entryExpiries[kept] = entryExpiries[at];
			entryMarks[kept] = entryMarks[at];
			kept++;
		}
		this.entries = kept;
		this.size = kept;
		// The index keeps its size: shrinking it would make the next deliveries grow it again.
		this.reindex(this.index.length);
	}

	private growEntries(capacity: number): void {
		const grown = (from: Float64Array): Float64Array => {
			const to = new Float64Array(capacity);
			to.set(from.subarray(0, this.entries));
			return to;
		};
		this.entryKeys = grown(this.entryKeys);
		this.entryExpiries = grown(this.entryExpiries);
		this.entryMarks = grown(this.entryMarks);
	}

	/** The index rebuilt with `capacity` slots from the held entries. */
	private reindex(capacity: number): void {
		if (capacity === this.index.length) this.index.fill(0);
		else this.index = new Int32Array(capacity);
		this.mask = capacity - 1;
		const { index, entryKeys, entryExpiries, mask } = this;
		for (let at = 0; at < this.entries; at++) {
			if (entryExpiries[at] === 0) continue;
			let slot = (entryKeys[at] >>> 0) & mask;
			while (index[slot] !== 0) slot = (slot + 1) & mask;
			index[slot] = at + 1;
		}
	}
}
