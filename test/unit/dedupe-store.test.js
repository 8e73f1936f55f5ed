'use strict';
// The trigger's dedupe record (nodes/shared/webhooks/dedupe.ts): the event key is stable across releases (a stored
// key that changed meaning would make every workflow forget the ids it holds), spreads distinct ids, and the stored
// record stays bounded and drops what has expired. The behaviour users see is in test/engine/trigger-dedupe.test.js.
const dedupe = () => require('../../dist/nodes/shared/webhooks/dedupe');

function fakeTrigger(staticData = {}) {
	return { staticData, ctx: { getWorkflow: () => ({ id: 'w1' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData } };
}
/** A delivery's events as eventsOf gives them: the items, and the key of each item's id at the same index. */
const eventsFor = (ids) => ({ items: ids.map((eventId) => ({ eventId, object: 'whatsapp_business_account', field: 'messages', kind: 'message' })), keys: ids.map((id) => dedupe().eventKey(id)) });
const DAY = 86_400_000;
/** The stored text of these ids' keys written at once: base64 of their little-endian float64s. */
const encodedKeys = (ids) => Buffer.from(new Float64Array(ids.map((id) => dedupe().eventKey(id))).buffer).toString('base64');

beforeEach(() => dedupe().forgetProcessMemory());

test('event keys are pinned: the same id gives the same key in every release', () => {
	const { eventKey } = dedupe();
	// Changing these values changes the stored format: saved workflows would start redeliveries again.
	expect([eventKey(''), eventKey('a'), eventKey('message:m1'), eventKey('status:wamid.X:read')]).toEqual([665405000356533, 1174503297102558, 7936594750205716, 4939141115617873]);
	for (const id of ['', 'a', 'Zoë', 'status:wamid.X:read']) {
		const key = eventKey(id);
		expect(Number.isSafeInteger(key) && key >= 0).toBe(true);
	}
});

test('an id read in parts gives the key of the whole id, however it is split', () => {
	const { eventKeyOf, eventKey } = require('../../dist/nodes/shared/webhooks/eventKey');
	// Odd and even part lengths, empty parts and non-ASCII units: the pairing of units must follow the joined id.
	const ids = ['message:wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzRUIwMDAwMDAwMDAwMDAwMDAwMQA=', 'status:wamid.X:read', 'Zoë:Müller', 'ab', 'a', 'abc'];
	for (const id of ids) {
		for (let i = 0; i <= id.length; i++) {
			for (let j = i; j <= id.length; j++) {
				expect(eventKeyOf(id.slice(0, i), id.slice(i, j), id.slice(j, j + 1), id.slice(j + 1))).toBe(eventKey(id));
			}
		}
	}
});

test('every event comes with the key of its event id, WhatsApp and others alike', () => {
	const { eventsOf } = require('../../dist/nodes/shared/webhooks/events');
	const { eventKey } = dedupe();
	const envelope = {
		object: 'whatsapp_business_account',
		entry: [{ id: 'waba', changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'p' }, messages: [{ id: 'wamid.A1', from: '1', timestamp: '1796300741', type: 'text' }], statuses: [{ id: 'wamid.B22', status: 'read', timestamp: '1796300741', recipient_id: '1' }] } }] }],
	};
	const found = eventsOf(envelope);
	expect(found.items.map((item) => item.eventId)).toEqual(['message:wamid.A1', 'status:wamid.B22:read']);
	expect(found.keys).toEqual(found.items.map((item) => eventKey(item.eventId)));
	const page = { object: 'page', entry: [{ id: 'p1', time: 1796300741000, messaging: [{ sender: { id: 's' }, recipient: { id: 'p1' }, timestamp: 1796300741000, message: { mid: 'm_1', text: 'hi' } }] }] };
	const messenger = eventsOf(page);
	expect(messenger.items.map((item) => item.eventId)).toEqual(['message:m_1']);
	expect(messenger.keys).toEqual([eventKey('message:m_1')]);
});

test('200,000 distinct ids of the shapes Meta sends give 200,000 distinct keys', () => {
	const { eventKey } = dedupe();
	const keys = new Set();
	for (let i = 0; i < 40_000; i++) {
		const n = String(i).padStart(20, '0');
		for (const id of [`message:wamid.${n}`, `status:wamid.${n}:sent`, `status:wamid.${n}:read`, `message_echo:m_${n}`, `comment:${i}#${n.slice(4)}`]) keys.add(eventKey(id));
	}
	expect(keys.size).toBe(200_000);
});

test('the stored record keeps at most 10,000 ids, the newest, and one string however many events it holds', () => {
	const { claimNewEvents, STATIC_LIMIT, forgetProcessMemory } = dedupe();
	const { staticData, ctx } = fakeTrigger();
	const now = Date.UTC(2026, 11, 3);
	for (let batch = 0; batch < 12; batch++) {
		const ids = Array.from({ length: 1000 }, (_, i) => `message:b${batch}-${i}`);
		expect(claimNewEvents(ctx, eventsFor(ids), 7 * DAY, now + batch)).toHaveLength(1000);
	}
	const record = staticData.metaSeenEventLog;
	expect(Object.keys(record).sort()).toEqual(['count', 'gen', 'log']);
	expect(record.count).toBeLessThanOrEqual(STATIC_LIMIT);
	expect(record.count).toBeGreaterThanOrEqual(STATIC_LIMIT - 1000);
	forgetProcessMemory();
	// What a fresh process learns from the record: the newest batch is known, the oldest was dropped.
	expect(claimNewEvents(ctx, eventsFor(['message:b11-5']), 7 * DAY, now + 20)).toHaveLength(0);
	expect(claimNewEvents(ctx, eventsFor(['message:b0-5']), 7 * DAY, now + 20)).toHaveLength(1);
});

test('a record another process saved last gets back the ids this process claimed lately, not the older ones it remembers', () => {
	const { claimNewEvents, STATIC_LIMIT, forgetProcessMemory } = dedupe();
	const { staticData, ctx } = fakeTrigger();
	const now = Date.UTC(2026, 11, 3);
	const batch = (n) => Array.from({ length: 1000 }, (_, i) => `message:b${n}-${i}`);
	let beforeLast;
	for (let n = 0; n < 15; n++) {
		if (n === 14) beforeLast = { ...staticData.metaSeenEventLog };
		claimNewEvents(ctx, eventsFor(batch(n)), 7 * DAY, now + n);
	}
	// Another webhook processor saved the record as it was before batch 14 (a concurrent write that dropped it).
	staticData.metaSeenEventLog = { ...beforeLast, gen: beforeLast.gen + 1 };
	expect(claimNewEvents(ctx, eventsFor(batch(15)), 7 * DAY, now + 15)).toHaveLength(1000);
	const record = staticData.metaSeenEventLog;
	expect(record.count).toBeLessThanOrEqual(STATIC_LIMIT);
	// A fresh process reads the record: batch 14 was put back, batch 15 is there; batch 0, which this process still
	// remembered but the full record had dropped as its oldest, was not put back in place of newer ids.
	forgetProcessMemory();
	expect(claimNewEvents(ctx, eventsFor(['message:b14-7', 'message:b15-7', 'message:b9-7']), 7 * DAY, now + 16)).toHaveLength(0);
	staticData.metaSeenEventLog = record;
	forgetProcessMemory();
	expect(claimNewEvents(ctx, eventsFor(['message:b0-7']), 7 * DAY, now + 16)).toHaveLength(1);
});

test('single-event deliveries of one minute share a segment of the record, up to 1,000 ids each, and all are read back', () => {
	const { claimNewEvents, forgetProcessMemory } = dedupe();
	const { staticData, ctx } = fakeTrigger();
	const minute = Date.UTC(2026, 11, 3, 12, 0);
	for (let i = 0; i < 1500; i++) expect(claimNewEvents(ctx, eventsFor([`message:wamid.${i}`]), 7 * DAY, minute + 1 + i * 30)).toHaveLength(1);
	const { log, count } = staticData.metaSeenEventLog;
	expect(count).toBe(1500);
	// Two segments (1,000 + 500 ids), 8 bytes of key each in base64: no per-delivery header.
	expect(log.split(';').filter(Boolean).map((segment) => Number(segment.split(':')[1]))).toEqual([1000, 500]);
	expect(log.length).toBeLessThan(1500 * 11 + 100);
	// Each segment, grown one id at a time, is the base64 of its keys' little-endian float64s, as if written at once.
	const ids = Array.from({ length: 1500 }, (_, i) => `message:wamid.${i}`);
	expect(log.split(';').filter(Boolean).map((segment) => segment.split(':')[2])).toEqual([encodedKeys(ids.slice(0, 1000)), encodedKeys(ids.slice(1000))]);
	// A delivery in the next minute starts a segment of its own.
	claimNewEvents(ctx, eventsFor(['message:wamid.next']), 7 * DAY, minute + 61_000);
	expect(staticData.metaSeenEventLog.log.split(';').filter(Boolean)).toHaveLength(3);
	forgetProcessMemory();
	for (const i of [0, 999, 1000, 1499]) expect(claimNewEvents(ctx, eventsFor([`message:wamid.${i}`]), 7 * DAY, minute + 62_000)).toHaveLength(0);
	expect(claimNewEvents(ctx, eventsFor(['message:wamid.next']), 7 * DAY, minute + 62_000)).toHaveLength(0);
});

test('deliveries of several ids each grow one segment to the text of all its keys written at once', () => {
	const { claimNewEvents } = dedupe();
	const { staticData, ctx } = fakeTrigger();
	const minute = Date.UTC(2026, 11, 3, 12, 0);
	const ids = [];
	// Sizes that leave every remainder of three keys (24 bytes, 32 base64 characters) behind the last whole group.
	for (const [at, size] of [1, 2, 4, 1, 5, 3, 2, 7].entries()) {
		const delivery = Array.from({ length: size }, (_, i) => `message:wamid.${at}.${i}`);
		ids.push(...delivery);
		expect(claimNewEvents(ctx, eventsFor(delivery), 7 * DAY, minute + 1 + at)).toHaveLength(size);
	}
	expect(staticData.metaSeenEventLog.log).toBe(`${Math.ceil((minute + 1 + 7 * DAY) / 60_000) * 60}:${ids.length}:${encodedKeys(ids)};`);
});

test("ids past the redelivery window are forgotten and dropped from the record", () => {
	const { claimNewEvents, forgetProcessMemory } = dedupe();
	const { staticData, ctx } = fakeTrigger();
	const now = Date.UTC(2026, 11, 3);
	claimNewEvents(ctx, eventsFor(['message:old']), 36 * 3_600_000, now);
	claimNewEvents(ctx, eventsFor(['message:new']), 7 * DAY, now + 40 * 3_600_000);
	expect(staticData.metaSeenEventLog.count).toBe(1);
	expect(claimNewEvents(ctx, eventsFor(['message:old']), 36 * 3_600_000, now + 41 * 3_600_000)).toHaveLength(1);
	forgetProcessMemory();
	expect(claimNewEvents(ctx, eventsFor(['message:new']), 7 * DAY, now + 42 * 3_600_000)).toHaveLength(0);
});

test('a repeat inside one delivery starts once', () => {
	const { claimNewEvents } = dedupe();
	const { ctx } = fakeTrigger();
	expect(claimNewEvents(ctx, eventsFor(['message:a', 'message:b', 'message:a']), DAY, Date.now()).map((e) => e.eventId)).toEqual(['message:a', 'message:b']);
});

test('a corrupted record is treated as empty, not as an error', () => {
	const { claimNewEvents } = dedupe();
	for (const bad of [{ gen: 1, count: 2, log: 'garbage' }, { gen: 'x' }, 'text', [1, 2], { gen: 1, count: 1, log: '99999999999:1:@@@;' }]) {
		dedupe().forgetProcessMemory();
		const { staticData, ctx } = fakeTrigger({ metaSeenEventLog: bad });
		expect(claimNewEvents(ctx, eventsFor(['message:z']), DAY, Date.now())).toHaveLength(1);
		expect(staticData.metaSeenEventLog.count).toBeGreaterThanOrEqual(1);
	}
});
