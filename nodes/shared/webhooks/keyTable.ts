/**
 * The event keys one process remembers for a trigger (dedupe.ts), each with its expiry in epoch seconds: an
 * open-addressing table over typed arrays. A `Map` of numbers boxes every 53-bit key into a heap number and hashes it
 * again on every lookup; here a lookup is a few array reads, and nothing is allocated per key. The keys are hashes
 * already (eventKey.ts), so their low 32 bits pick the slot.
 */
export class KeyTable {
	private keys: Float64Array;
	/** 0 marks an empty slot: every stored expiry is a time after 1970. */
	private expiries: Float64Array;
	/** When each key was last set (a counter): pruning keeps the newest, as the stored record does (dedupe.ts). */
	private orders: Float64Array;
	/** The round of marks in which each key was last found in a stored record (learn). */
	private marks: Float64Array;
	private mask: number;
	private lastOrder = 0;
	/** Starts above 0, the mark of a slot never marked. */
	private markRound = 1;
	size = 0;

	constructor(capacity = 1024) {
		this.keys = new Float64Array(capacity);
		this.expiries = new Float64Array(capacity);
		this.orders = new Float64Array(capacity);
		this.marks = new Float64Array(capacity);
		this.mask = capacity - 1;
	}

	private giveOrder(slot: number): void {
		this.orders[slot] = ++this.lastOrder;
	}

	/** The slot holding `key`, or the empty slot where it would go (linear probing; the table is at most half full). */
	private slotOf(key: number): number {
		let slot = (key >>> 0) & this.mask;
		while (this.expiries[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
		return slot;
	}

	/** The key's expiry, or 0 when the key is not held. */
	expiryOf(key: number): number {
		return this.expiries[this.slotOf(key)];
	}

	/** Holds `key` until `expires`, as the newest key (also when it was held already). */
	set(key: number, expires: number): void {
		const slot = this.slotFor(key);
		this.expiries[slot] = expires;
		this.giveOrder(slot);
	}

	/** The slot of `key`, taken for it when it was not held (its expiry still 0: the caller sets it). */
	private slotFor(key: number): number {
		let slot = this.slotOf(key);
		if (this.expiries[slot] !== 0) return slot;
		if ((this.size + 1) * 2 > this.keys.length) {
			this.grow(this.keys.length * 2);
			slot = this.slotOf(key);
		}
		this.size++;
		this.keys[slot] = key;
		return slot;
	}

	/** Starts a round of marks: the keys `learn` is given in it are those of one stored record (dedupe.ts). */
	beginMarks(): void {
		this.markRound++;
	}

	/** Holds `key` until `expires` at least (a key it held already keeps its place in the order), marked this round. */
	learn(key: number, expires: number): void {
		const slot = this.slotFor(key);
		if (this.expiries[slot] === 0) this.giveOrder(slot);
		if (this.expiries[slot] < expires) this.expiries[slot] = expires;
		this.marks[slot] = this.markRound;
	}

	/** The key's expiry when it is held, live at `nowSeconds` and not marked this round, then marked; 0 otherwise. */
	takeUnmarked(key: number, nowSeconds: number): number {
		const slot = this.slotOf(key);
		if (!this.isUnmarked(slot, nowSeconds)) return 0;
		this.marks[slot] = this.markRound;
		return this.expiries[slot];
	}

	/** Held, live and not marked this round. */
	private isUnmarked(slot: number, nowSeconds: number): boolean {
		return this.expiries[slot] > nowSeconds && this.marks[slot] !== this.markRound;
	}

	/**
	 * Once more than `limit` keys are held: drops what expired by `nowSeconds`, then the least recently set keys down to
	 * three quarters of `limit`, and says so. Pruning below the limit leaves room, so a busy trigger prunes once per
	 * several deliveries, not on every one.
	 */
	prune(nowSeconds: number, limit: number): boolean {
		if (this.size <= limit) return false;
		const target = Math.floor((limit * 3) / 4);
		const { expiries, orders } = this;
		const liveOrders = new Float64Array(this.size);
		let live = 0;
		for (let slot = 0; slot < expiries.length; slot++) if (expiries[slot] > nowSeconds) liveOrders[live++] = orders[slot];
		const oldestKept = live > target ? nthSmallest(liveOrders, live, live - target) : 0;
		// In place, the capacity kept: a new table per prune cost as much again in allocation (2 MB at 20,000 keys),
		// and shrinking it would make the next deliveries grow it again.
		for (let slot = 0; slot < expiries.length; slot++) {
			// A removal may move a later key into this slot: it is judged too before going on.
			while (expiries[slot] !== 0 && (expiries[slot] <= nowSeconds || orders[slot] < oldestKept)) this.remove(slot);
		}
		return true;
	}

	/**
	 * Empties `slot` by backward shift (no tombstones): each later key of its probe run whose home slot does not lie
	 * between the hole and itself moves into the hole, so every key stays reachable from its home slot. Keys only
	 * move towards the hole: one pass over the slots still sees every key at least once.
	 */
	private remove(slot: number): void {
		const { keys, expiries, orders, marks, mask } = this;
		let hole = slot;
		for (let next = (hole + 1) & mask; expiries[next] !== 0; next = (next + 1) & mask) {
			const home = (keys[next] >>> 0) & mask;
			const staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
			if (staysPut) continue;
			keys[hole] = keys[next];
			expiries[hole] = expiries[next];
			orders[hole] = orders[next];
			marks[hole] = marks[next];
			hole = next;
		}
		expiries[hole] = 0;
		keys[hole] = 0;
		orders[hole] = 0;
		marks[hole] = 0;
		this.size--;
	}

	/** The table grown to `capacity` slots, every key kept. */
	private grow(capacity: number): void {
		const { keys, expiries, orders, marks } = this;
		this.keys = new Float64Array(capacity);
		this.expiries = new Float64Array(capacity);
		this.orders = new Float64Array(capacity);
		this.marks = new Float64Array(capacity);
		this.mask = capacity - 1;
		this.size = 0;
		for (let slot = 0; slot < keys.length; slot++) {
			if (expiries[slot] === 0) continue;
			const to = this.slotOf(keys[slot]);
			this.keys[to] = keys[slot];
			this.expiries[to] = expiries[slot];
			this.orders[to] = orders[slot];
			this.marks[to] = marks[slot];
			this.size++;
		}
	}
}

/**
 * The `n`th smallest (from 0) of the first `length` values, found in place by quickselect: linear on average, where
 * sorting 20,000 orders to read one of them cost four times as much (measured: 1.6 ms against 0.4 ms).
 */
function nthSmallest(values: Float64Array, length: number, n: number): number {
	let low = 0;
	let high = length - 1;
	while (low < high) {
		const pivot = values[(low + high) >>> 1];
		let i = low;
		let j = high;
		while (i <= j) {
			while (values[i] < pivot) i++;
			while (values[j] > pivot) j--;
			if (i <= j) {
				const swap = values[i];
				values[i] = values[j];
				values[j] = swap;
				i++;
				j--;
			}
		}
		if (n <= j) high = j;
		else if (n >= i) low = i;
		else break;
	}
	return values[n];
}
