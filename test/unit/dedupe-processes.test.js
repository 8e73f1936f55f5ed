'use strict';
// Several webhook processors sharing one trigger's record (nodes/shared/webhooks/dedupe.ts): each test loads the
// module once per "process" (its own memory), and all of them read and write the same static data, as n8n's webhook
// processors do through the database. A process reads only the segments of the record it does not hold already;
// these tests check that it still recognises every id another process recorded, and still puts back its own ids
// that a lost write dropped.
const DAY = 86_400_000;

function processes(count) {
	return Array.from({ length: count }, () => {
		let dedupe;
		jest.isolateModules(() => {
			dedupe = require('../../dist/nodes/shared/webhooks/dedupe');
		});
		return dedupe;
	});
}

function delivery(dedupe, ids) {
	return { items: ids.map((eventId) => ({ eventId })), keys: ids.map((id) => dedupe.eventKey(id)) };
}

test('taking turns, three processes start no redelivered id twice, restarts included', () => {
	const procs = processes(3);
	const staticData = {};
	const ctx = { getWorkflow: () => ({ id: 'w1' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData };
	let seed = 11;
	const random = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
	const started = new Set();
	const recent = [];
	let next = 0;
	const now = Date.UTC(2026, 11, 3, 12);
	for (let step = 0; step < 1500; step++) {
		const p = random(3);
		// A restart now and then: that process must read the whole record again.
		if (random(100) === 0) procs[p].forgetProcessMemory();
		const ids = Array.from({ length: 1 + random(30) }, () => `message:wamid.${next++}`);
		// Redeliveries of ids started lately (the record keeps the newest 10,000).
		for (let i = random(4); i > 0 && recent.length; i--) ids.push(recent[recent.length - 1 - random(Math.min(recent.length, 5000))]);
		const out = procs[p].claimNewEvents(ctx, delivery(procs[p], ids), 7 * DAY, now + step * 1000);
		for (const item of out) {
			expect(started.has(item.eventId)).toBe(false);
			started.add(item.eventId);
			recent.push(item.eventId);
		}
	}
	expect(started.size).toBe(next);
});

test("a process puts back its ids that another process's concurrent write dropped, and only those", () => {
	const procs = processes(3);
	const staticData = {};
	const ctx = { getWorkflow: () => ({ id: 'w2' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData };
	const now = Date.UTC(2026, 11, 3, 12);
	const batch = (tag, n) => Array.from({ length: n }, (_, i) => `message:${tag}-${i}`);
	let t = 0;
	const claim = (p, ids) => procs[p].claimNewEvents(ctx, delivery(procs[p], ids), 7 * DAY, now + (t += 1000));
	// Warm: all three learn a record of 12,000 ids (full, so pruned to 10,000).
	for (let n = 0; n < 12; n++) claim(n % 3, batch(`warm${n}`, 1000));
	for (let round = 0; round < 20; round++) {
		const before = staticData.metaSeenEventLog;
		// Process 1's write is lost: process 0 wrote from the record as it was before it (last writer wins).
		expect(claim(1, batch(`lost${round}`, 50))).toHaveLength(50);
		staticData.metaSeenEventLog = before;
		expect(claim(0, batch(`other${round}`, 50))).toHaveLength(50);
		// Process 1's next write puts its 50 ids back; process 2, which never saw them, then knows them.
		expect(claim(1, batch(`next${round}`, 10))).toHaveLength(10);
		expect(claim(2, [`message:lost${round}-7`, `message:lost${round}-49`, `message:other${round}-3`])).toHaveLength(0);
		expect(staticData.metaSeenEventLog.count).toBeLessThanOrEqual(10_000);
	}
	// The newest ids of every process are in the record; old ones were not written back in their place.
	const fresh = processes(1)[0];
	expect(fresh.claimNewEvents(ctx, delivery(fresh, ['message:next19-1', 'message:other19-1', 'message:lost19-1']), 7 * DAY, now + t + 1000)).toHaveLength(0);
	expect(fresh.claimNewEvents(ctx, delivery(fresh, ['message:warm0-1']), 7 * DAY, now + t + 2000)).toHaveLength(1);
});

test('a process whose last ids the record has pruned since does not write them back over newer ones', () => {
	const procs = processes(2);
	const staticData = {};
	const ctx = { getWorkflow: () => ({ id: 'w3' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData };
	const minute = 60_000;
	const start = Date.UTC(2026, 11, 3, 12);
	const batch = (tag, n) => Array.from({ length: n }, (_, i) => `message:${tag}-${i}`);
	const claim = (p, ids, at) => procs[p].claimNewEvents(ctx, delivery(procs[p], ids), 7 * DAY, at);
	claim(0, batch('old', 1000), start);
	// The other process takes the next 11,000 ids, one minute apart: the record keeps its newest 10,000 only.
	for (let n = 0; n < 11; n++) claim(1, batch(`busy${n}`, 1000), start + (n + 2) * minute);
	expect(claim(0, batch('new', 100), start + 20 * minute)).toHaveLength(100);
	expect(staticData.metaSeenEventLog.count).toBeLessThanOrEqual(10_000);
	const fresh = processes(1)[0];
	const known = (id) => fresh.claimNewEvents(ctx, delivery(fresh, [id]), 7 * DAY, start + 21 * minute).length === 0;
	expect(['message:new-5', 'message:busy10-5', 'message:busy3-5', 'message:busy2-5'].map(known)).toEqual([true, true, true, true]);
	expect(known('message:old-5')).toBe(false);
});

test("overlapping requests of one process, each reading the record as it was when it began, lose no id and read only what changed", () => {
	// n8n loads static data when a request begins and saves it after the answer: with 10 requests in flight, each one
	// reads a record that lacks the ids of the requests still running, and their saves land in any order (last writer
	// wins). Every id must still be in the record in the end, and reading it must not decode the minute's segment (one
	// per minute, hundreds of ids here) on every request.
	let dedupe;
	let keyTable;
	jest.isolateModules(() => {
		dedupe = require('../../dist/nodes/shared/webhooks/dedupe');
		keyTable = require('../../dist/nodes/shared/webhooks/keyTable');
	});
	let keysRead = 0;
	for (const name of ['learn', 'takeUnmarked']) {
		const original = keyTable.KeyTable.prototype[name];
		keyTable.KeyTable.prototype[name] = function counted(...args) {
			keysRead++;
			return original.apply(this, args);
		};
	}
	let stored = {};
	let seed = 5;
	const random = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
	const now = Date.UTC(2026, 11, 3, 12);
	const started = [];
	let next = 0;
	const requests = 1200;
	for (let round = 0; round < requests / 10; round++) {
		const inFlight = Array.from({ length: 10 }, () => {
			const staticData = JSON.parse(JSON.stringify(stored));
			const ctx = { getWorkflow: () => ({ id: 'w4' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData };
			const id = `message:wamid.${next++}`;
			const out = dedupe.claimNewEvents(ctx, delivery(dedupe, [id]), 7 * DAY, now + round * 1000);
			expect(out.map((item) => item.eventId)).toEqual([id]);
			started.push(id);
			return staticData;
		});
		// The saves, in any order.
		while (inFlight.length) stored = inFlight.splice(random(inFlight.length), 1)[0];
	}
	// One request more, and all ids are back in the record: a process that never saw them knows every one.
	const lastCtx = { getWorkflow: () => ({ id: 'w4' }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => stored };
	dedupe.claimNewEvents(lastCtx, delivery(dedupe, ['message:wamid.last']), 7 * DAY, now + requests * 100 + 1000);
	const fresh = processes(1)[0];
	const again = fresh.claimNewEvents(lastCtx, delivery(fresh, started), 7 * DAY, now + requests * 100 + 2000);
	expect(again).toHaveLength(0);
	// What a request read: the ids the other requests added since its record was saved, and its own few not yet in it,
	// about 10 per request; not the minute's whole segment, which reaches 600 ids here (587 per request when the part
	// a segment shares with the process's last log is read too).
	// The record stays one segment per minute of deliveries (two minutes here, and the last request's): the ids put back
	// go into the minute's segment, not into a segment of their own per request (122 segments, before).
	expect(stored.metaSeenEventLog.log.split(';').length - 1).toBeLessThanOrEqual(4);
	expect(keysRead / (requests + 1)).toBeLessThan(40);
});
