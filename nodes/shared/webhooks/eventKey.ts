/**
 * The dedupe key of an event id (dedupe.ts): 53 bits from two 32-bit multiplicative lanes over its characters, mixed
 * and folded into a number JSON keeps exactly. Not cryptographic, and it need not be: an id is Meta's (a wamid, a mid,
 * a Graph id) or carries a SHA-256 digest of the event's content (events.ts), so nobody can aim a collision at an event
 * that has not happened yet; chance collisions within a window of 10,000 ids are about 1 in 10^8.
 *
 * The key is stored: the same id must give the same key in every release (test/unit/dedupe-store.test.js pins it).
 *
 * `eventKeyOf` reads an id in up to four parts as if they were joined: an id built as `message:` + a wamid is a cons
 * string, and reading its characters makes V8 copy it into a flat one first (about 0.2 µs per id, more than the
 * hash); the parts are flat strings already (literals, and the strings JSON.parse made).
 */
// The lanes between parts (the hash is computed synchronously, so module state is safe), and a unit left over from an
// odd-length part, paired with the next part's first unit (-1: none).
let laneA = 0;
let laneB = 0;
let pending = -1;

function feed(s: string): void {
	const n = s.length;
	let a = laneA;
	let b = laneB;
	let i = 0;
	if (pending >= 0 && n > 0) {
		const c = pending | (s.charCodeAt(0) << 16);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul((b + c) | 0, 0x5bd1e995);
		b ^= b >>> 15;
		pending = -1;
		i = 1;
	}
	// Two UTF-16 units per step: half the steps of one per character, every bit of both units mixed into both lanes.
	for (; i + 1 < n; i += 2) {
		const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul((b + c) | 0, 0x5bd1e995);
		b ^= b >>> 15;
	}
	if (i < n) pending = s.charCodeAt(i);
	laneA = a;
	laneB = b;
}

export function eventKeyOf(p0: string, p1 = '', p2 = '', p3 = ''): number {
	laneA = 0x811c9dc5 | 0;
	laneB = 0x9747b28c | 0;
	pending = -1;
	feed(p0);
	if (p1) feed(p1);
	if (p2) feed(p2);
	if (p3) feed(p3);
	let a = laneA;
	let b = laneB;
	if (pending >= 0) {
		a = Math.imul(a ^ pending, 0x01000193);
		b = Math.imul((b + pending) | 0, 0x5bd1e995);
		b ^= b >>> 15;
	}
	a ^= p0.length + p1.length + p2.length + p3.length;
	a ^= a >>> 16;
	a = Math.imul(a ^ b, 0x85ebca6b);
	a ^= a >>> 13;
	a = Math.imul(a, 0xc2b2ae35);
	a ^= a >>> 16;
	b = Math.imul(b ^ (b >>> 16) ^ a, 0x7feb352d);
	b ^= b >>> 15;
	return (b >>> 11) * 4294967296 + (a >>> 0);
}

/** The key of a whole event id. */
export function eventKey(eventId: string): number {
	return eventKeyOf(eventId);
}
