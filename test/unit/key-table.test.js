'use strict';
// The process's memory of event keys (nodes/shared/webhooks/keyTable.ts): entries in typed arrays, indexed by key.
// Checked against a Map that does the same thing by definition, and at its edges: growth, keys that share their low
// 32 bits (the bits that pick the slot), and pruning that must keep the most recently set keys.
const { KeyTable } = require('../../dist/nodes/shared/webhooks/keyTable');
const { eventKey } = require('../../dist/nodes/shared/webhooks/eventKey');

test('holds every key it was given, through growth, and knows the ones it was not', () => {
	const table = new KeyTable(16);
	const keys = Array.from({ length: 5000 }, (_, i) => eventKey(`message:wamid.${i}`));
	keys.forEach((key, i) => table.set(key, 1000 + i));
	expect(table.size).toBe(5000);
	keys.forEach((key, i) => expect(table.expiryOf(key)).toBe(1000 + i));
	expect(table.expiryOf(eventKey('message:wamid.unknown'))).toBe(0);
});

test('keys that differ only above their low 32 bits are different keys', () => {
	const table = new KeyTable(16);
	const low = 12345;
	const keys = [0, 1, 2, 3, 2 ** 52 - 1].map((high) => high * 4294967296 + low);
	keys.forEach((key, i) => table.set(key, 10 + i));
	keys.forEach((key, i) => expect(table.expiryOf(key)).toBe(10 + i));
	expect(table.expiryOf(low + 4294967296 * 7)).toBe(0);
	expect(table.size).toBe(5);
});

test('setting a held key again changes its expiry, not the count', () => {
	const table = new KeyTable();
	table.set(42, 100);
	table.set(42, 200);
	expect(table.size).toBe(1);
	expect(table.expiryOf(42)).toBe(200);
});

test('keys learned from a record are marked for one round, keep their later expiry and their place in the order', () => {
	const table = new KeyTable(16);
	const now = 5000;
	for (let i = 0; i < 40; i++) table.set(i, now + 100);
	table.set(99, now - 1);
	table.beginMarks();
	// Found in the record: some held keys (one with a later expiry, one with an earlier one) and two new keys.
	table.learn(3, now + 500);
	table.learn(4, now + 50);
	table.learn(1000, now + 100);
	table.learn(1001, now + 100);
	expect([table.expiryOf(3), table.expiryOf(4), table.expiryOf(1000)]).toEqual([now + 500, now + 100, now + 100]);
	// Taken: held, live and unmarked keys only, each once; the expired key 99 and unknown keys give 0.
	expect([3, 4, 1000, 99, 7777].map((key) => table.takeUnmarked(key, now))).toEqual([0, 0, 0, 0, 0]);
	expect([5, 5, 6].map((key) => table.takeUnmarked(key, now))).toEqual([now + 100, 0, now + 100]);
	table.beginMarks();
	expect([3, 5, 1000].map((key) => table.takeUnmarked(key, now))).toEqual([now + 500, now + 100, now + 100]);
	// Learning did not make keys 3 and 4 the newest: pruning to 30 (three quarters of 40) keeps keys 12.. and the new ones.
	table.prune(now, 40);
	expect(table.size).toBe(30);
	expect([table.expiryOf(3), table.expiryOf(4), table.expiryOf(11), table.expiryOf(12), table.expiryOf(1001)]).toEqual([0, 0, 0, now + 100, now + 100]);
});

test('pruning over the limit drops expired keys first, then the least recently set, down to three quarters', () => {
	const table = new KeyTable();
	const now = 1_000_000;
	for (let i = 0; i < 100; i++) table.set(eventKey(`expired.${i}`), now - 1);
	for (let i = 0; i < 1000; i++) table.set(eventKey(`live.${i}`), now + 60);
	// Set early, seen again last: it counts as the newest.
	table.set(eventKey('live.0'), now + 120);
	table.prune(now, 2000);
	expect(table.size).toBe(1100);
	table.prune(now, 800);
	expect(table.size).toBe(600);
	expect(table.expiryOf(eventKey('expired.5'))).toBe(0);
	expect(table.expiryOf(eventKey('live.0'))).toBe(now + 120);
	for (let i = 1; i <= 400; i++) expect(table.expiryOf(eventKey(`live.${i}`))).toBe(0);
	for (let i = 401; i < 1000; i++) expect(table.expiryOf(eventKey(`live.${i}`))).toBe(now + 60);
});

test('agrees with a Map under a long random mix of sets, record rounds, reads and prunes', () => {
	let seed = 7;
	const random = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
	const table = new KeyTable(16);
	const model = new Map(); // key -> { expires, order, mark }
	let order = 0;
	let round = 0;
	for (let step = 0; step < 30_000; step++) {
		// Few distinct low halves, so that probing chains are long and wrap around the table.
		const key = random(64) * 4294967296 + random(40) * 1024;
		const now = 1000 + Math.floor(step / 100);
		const op = random(20);
		if (op < 11) {
			const expires = now + 1 + random(50);
			table.set(key, expires);
			model.set(key, { ...model.get(key), expires, order: ++order });
		} else if (op < 16) {
			expect(table.expiryOf(key)).toBe(model.get(key)?.expires ?? 0);
		} else if (op < 18) {
			// A record read: a new round, some keys learned (later expiry kept, place in the order kept for held keys).
			table.beginMarks();
			round++;
			for (let i = random(30); i > 0; i--) {
				const learned = random(64) * 4294967296 + random(40) * 1024;
				const expires = now + random(60);
				table.learn(learned, expires);
				const held = model.get(learned);
				if (held) model.set(learned, { ...held, expires: Math.max(held.expires, expires), mark: round });
				else model.set(learned, { expires, order: ++order, mark: round });
			}
		} else if (op < 19) {
			const held = model.get(key);
			const taken = held && held.expires > now && held.mark !== round ? held.expires : 0;
			if (taken) held.mark = round;
			expect(table.takeUnmarked(key, now)).toBe(taken);
		} else if (model.size > 500) {
			table.prune(now, 500);
			const live = [...model].filter(([, e]) => e.expires > now).sort((a, b) => a[1].order - b[1].order);
			model.clear();
			for (const [k, e] of live.slice(-375)) model.set(k, e);
		}
		expect(table.size).toBe(model.size);
	}
});

test('pruning keeps every key reachable when probe runs wrap around the end of the index', () => {
	// A table made for 1,024 keys has an index of 2,048 slots. Home slots in its last 24: the probe runs wrap to the
	// start, and pruning rebuilds the index from the kept keys.
	const table = new KeyTable(1024);
	const now = 5000;
	const keyOf = (i) => (i + 1) * 4294967296 + 2024 + (i % 24);
	for (let i = 0; i < 480; i++) table.set(keyOf(i), i % 7 === 0 ? now - 1 : now + 10 + i);
	expect(table.prune(now, 400)).toBe(true);
	// The 69 expired (every seventh) go first, then the oldest of the 411 live, down to 300.
	expect(table.size).toBe(300);
	const kept = [];
	for (let i = 0; i < 480; i++) if (table.expiryOf(keyOf(i)) !== 0) kept.push(i);
	const live = [...Array(480).keys()].filter((i) => i % 7 !== 0);
	expect(kept).toEqual(live.slice(-300));
	for (const i of kept) expect(table.expiryOf(keyOf(i))).toBe(now + 10 + i);
	// The freed slots take new keys, and the kept ones are still found after them.
	for (let i = 480; i < 560; i++) table.set(keyOf(i), now + 10 + i);
	for (const i of [...kept, ...Array.from({ length: 80 }, (_, j) => 480 + j)]) expect(table.expiryOf(keyOf(i))).toBe(now + 10 + i);
});

test('a key set again and again is one key with its last expiry, and the newest: the entries it leaves behind are dropped', () => {
	// 20,000 sets of three keys into a table made for 16: the left-behind entries fill it many times over and are
	// compacted away; a fourth key set once, first, is the oldest and the first to go.
	const table = new KeyTable(16);
	table.set(7, 100);
	for (let i = 0; i < 20_000; i++) table.set(i % 3, 1000 + i);
	expect(table.size).toBe(4);
	expect([0, 1, 2, 7].map((key) => table.expiryOf(key))).toEqual([19_998 + 1000, 19_999 + 1000, 19_997 + 1000, 100]);
	table.set(1, 5);
	expect(table.prune(0, 3)).toBe(true);
	// Three quarters of 3 is 2: key 1 (set last) and key 0 stay; 7 (oldest) and 2 go.
	expect([0, 1, 2, 7].map((key) => table.expiryOf(key))).toEqual([19_998 + 1000, 5, 0, 0]);
	expect(table.size).toBe(2);
});
