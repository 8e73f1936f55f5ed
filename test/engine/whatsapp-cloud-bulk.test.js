'use strict';
// WhatsApp Cloud node, bulk sends: many items concurrently at the chosen rate, per-recipient order, slowing down on
// 130429/131056 and carrying on, one output per input, nothing sent twice or dropped, unknown outcomes not resent.
const { useFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const fixture = useFixture();
let fx;
let admin;
beforeEach(() => {
	fx = fixture();
	admin = w.whatsappAdmin(fx.sandbox.state);
});

const run = (parameters, items, extra = {}) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters, items, ...extra });

/** hello_world to each item's phone, tagged with the item number in the callback data. */
function campaign(sendOptions = {}) {
	return w.templateParams(fx.seed, 'hello_world', 'en_US', {}, { to: '={{ $json.phone }}', sendOptions: { bizOpaqueCallbackData: '={{ $json.n }}', ...sendOptions } });
}
const phones = (count, distinct = count) => Array.from({ length: count }, (_, n) => ({ n: String(n), phone: `+49151${String(1000000 + (n % distinct))}` }));
const sentTags = () => w.accepted(fx).map((m) => m.payload.biz_opaque_callback_data);

test('beyond the number’s throughput: 130429 slows the run down, every item goes out exactly once, outputs in input order', async () => {
	admin.setNumber(fx.seed.waba.phoneNumberId, { mps: 10 });
	const items = phones(40);
	const result = await run(campaign({ messagesPerSecond: 25 }), items);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(40);
	result.items.forEach((out, n) => expect(out).toMatchObject({ to: items[n].phone, messageId: expect.stringMatching(/^wamid\./), status: 'accepted' }));
	const tags = sentTags();
	expect(new Set(tags).size).toBe(40);
	expect(tags.sort((a, b) => a - b)).toEqual(items.map((i) => i.n));
	expect(admin.refused().filter((r) => r.code === 130429).length).toBeGreaterThan(0);
	expect(result.items.some((out) => out.throttleRetries > 0)).toBe(true);
});

test('the rate set is never exceeded: at 5 messages per second a number allowing 8 never refuses', async () => {
	admin.setNumber(fx.seed.waba.phoneNumberId, { mps: 8 });
	const result = await run(campaign({ messagesPerSecond: 5 }), phones(12));
	expect(result.error).toBeUndefined();
	expect(admin.refused()).toEqual([]);
	const times = w.accepted(fx).map((m) => m.at);
	for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(800);
});

test('messages to one person keep their order; 131056 pauses only that person and is sent again', async () => {
	admin.settings({ pairBurst: 2, pairRefillSeconds: 0.3 });
	const items = phones(15, 3);
	const result = await run(campaign({ pairWaitSeconds: 0.15 }), items);
	expect(result.error).toBeUndefined();
	expect(result.items.map((o) => o.to)).toEqual(items.map((i) => i.phone));
	expect(admin.refused().some((r) => r.code === 131056)).toBe(true);
	const byRecipient = {};
	for (const m of w.accepted(fx)) (byRecipient[m.waId] = byRecipient[m.waId] || []).push(Number(m.payload.biz_opaque_callback_data));
	for (const tags of Object.values(byRecipient)) expect(tags).toEqual([...tags].sort((a, b) => a - b));
	expect(sentTags()).toHaveLength(15);
});

test('continue on fail: one output per input, failures classified, the rest sent', async () => {
	const items = [
		{ n: '0', phone: '+4915100000001' },
		{ n: '1', phone: '0151 234' },
		{ n: '2', phone: '+4915100000003' },
		{ n: '3', phone: '+4915100000004' },
	];
	// Kind setting: Meta refuses the window error at once here, so one item shows how a Meta refusal is classified.
	admin.settings({ undeliverable: new Set(), windowErrorMode: 'sync' });
	const params = w.messageParams(fx.seed, 'sendText', { to: '={{ $json.phone }}', textBody: 'hi', sendOptions: { bizOpaqueCallbackData: '={{ $json.n }}' } });
	admin.customerMessaged(fx.seed.waba.phoneNumberId, '+4915100000001');
	admin.customerMessaged(fx.seed.waba.phoneNumberId, '+4915100000004');
	const result = await run(params, items, { continueOnFail: true });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(4);
	expect(result.items[0]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./) });
	expect(result.items[1].error).toMatch(/starts with 0, so it has no country code/);
	expect(result.items[2]).toMatchObject({ details: expect.objectContaining({ code: 131047, category: 'fix_configuration', outcome: 'failed' }) });
	expect(result.items[3]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./) });
	expect(sentTags().sort()).toEqual(['0', '3']);
});

test('without continue on fail, a bad item is never sent and stops the run: nothing after it goes out', async () => {
	const first = await run(campaign(), [{ n: '0', phone: 'nope' }, { n: '1', phone: '+4915100000001' }]);
	expect(first.error.message).toMatch(/"To"/);
	expect(w.accepted(fx)).toHaveLength(0);
	const later = await run(campaign(), [{ n: '0', phone: '+4915100000001' }, { n: '1', phone: '0151 99' }, { n: '2', phone: '+4915100000003' }]);
	expect(later.error.message).toMatch(/"To"/);
	expect(sentTags()).toEqual(['0']);
});

test('a send whose outcome is unknown (no answer) is not sent again', async () => {
	fx.admin.settings({ timeoutFaultMs: 150 });
	fx.admin.addFault({ match: { path: `/${fx.seed.waba.phoneNumberId}/messages` }, kind: 'timeout', times: 1 });
	const items = phones(4);
	const result = await run(campaign(), items, { continueOnFail: true });
	expect(result.items).toHaveLength(4);
	const failed = result.items.filter((o) => o.error);
	expect(failed).toHaveLength(1);
	expect(failed[0].details).toMatchObject({ outcome: 'unknown', retryable: false });
	expect(fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages` })).toHaveLength(4);
	expect(sentTags()).toHaveLength(3);
});
