'use strict';
// Meta's delivery habits, the sandbox's defaults (reference §8.2, §5.6): failed deliveries retried over 36 hours
// (7 days for WhatsApp) on a compressed clock, the same event now and then delivered twice, WhatsApp statuses in any
// order; all seeded (the same run twice gives the same choices) and each with a setting for the kind behaviour.
const { useSandbox, startReceiver } = require('./helpers');
const events = require('../sandbox/products/events');
const { RETRY_AFTER_S, WHATSAPP_RETRY_AFTER_S } = require('../sandbox/products/webhooks');

const sandbox = useSandbox();
const receivers = [];
afterAll(async () => Promise.all(receivers.map((r) => r.close())));
async function receiver(handler) {
	const r = await startReceiver(handler);
	receivers.push(r);
	return r;
}

const pagePayload = () => events.envelope.page(events.page.feedComment());

test('a failed delivery is retried on Meta\'s schedule until 36 hours, then dropped', async () => {
	const { sandbox: sb } = sandbox();
	const r = await receiver(() => ({ status: 500 }));
	const result = await sb.webhooks.deliver({ url: r.url, payload: pagePayload() });
	expect(result).toMatchObject({ status: 500, attempts: RETRY_AFTER_S.length });
	expect(r.received).toHaveLength(RETRY_AFTER_S.length);
	const attempts = sb.state.webhookDeliveries;
	expect(attempts.map((a) => a.metaSecondsAfterFirst)).toEqual(RETRY_AFTER_S);
	expect(RETRY_AFTER_S[RETRY_AFTER_S.length - 1]).toBe(36 * 3600);
});

test('WhatsApp deliveries are retried for 7 days; success ends the retries', async () => {
	const { sandbox: sb } = sandbox();
	const failing = await receiver(() => ({ status: 503 }));
	const gaveUp = await sb.webhooks.deliver({ url: failing.url, payload: events.envelope.whatsapp(events.whatsapp.messages()) });
	expect(gaveUp.attempts).toBe(WHATSAPP_RETRY_AFTER_S.length);
	expect(WHATSAPP_RETRY_AFTER_S[WHATSAPP_RETRY_AFTER_S.length - 1]).toBe(7 * 24 * 3600);
	const flaky = await receiver((_req, n) => ({ status: n < 3 ? 500 : 200 }));
	const ok = await sb.webhooks.deliver({ url: flaky.url, payload: events.envelope.whatsapp(events.whatsapp.messages()) });
	expect(ok).toMatchObject({ status: 200, attempts: 3 });
});

test('the same event is sometimes delivered twice, with the same bytes; the choice is reproducible', async () => {
	const { sandbox: sb } = sandbox();
	async function run() {
		sb.admin.reset();
		sb.admin.seed('default');
		const r = await receiver();
		const payload = pagePayload();
		for (let i = 0; i < 200; i++) await sb.webhooks.deliver({ url: r.url, payload });
		return r.received.length;
	}
	const first = await run();
	const second = await run();
	expect(first).toBeGreaterThan(200);
	expect(first).toBeLessThan(240);
	expect(second).toBe(first);
});

test('WhatsApp statuses of one change arrive shuffled (seeded); as_sent keeps them in order', async () => {
	const { sandbox: sb } = sandbox();
	const order = async () => {
		const r = await receiver();
		await sb.webhooks.deliver({ url: r.url, payload: events.envelope.whatsapp(events.whatsapp.statuses(['sent', 'delivered', 'read', 'played', 'failed'])) });
		return JSON.parse(r.received[0].raw.toString()).entry[0].changes[0].value.statuses.map((s) => s.status);
	};
	const shuffled = [];
	for (let i = 0; i < 5; i++) shuffled.push((await order()).join(','));
	expect(shuffled.some((o) => o !== 'sent,delivered,read,played,failed')).toBe(true);
	expect(shuffled.every((o) => o.split(',').sort().join(',') === 'delivered,failed,played,read,sent')).toBe(true);
	// Kind behaviour, for tests that need Meta's order kept.
	sb.admin.settings({ webhookStatusOrder: 'as_sent' });
	expect((await order()).join(',')).toBe('sent,delivered,read,played,failed');
});

test('kind settings: one attempt and no duplicates', async () => {
	const { sandbox: sb } = sandbox();
	// Kind behaviour on purpose: this test checks that the settings turn Meta's habits off.
	sb.admin.settings({ webhookRetry: 'none', webhookDuplicateRate: 0 });
	const r = await receiver(() => ({ status: 500 }));
	for (let i = 0; i < 50; i++) await sb.webhooks.deliver({ url: r.url, payload: pagePayload() });
	expect(r.received).toHaveLength(50);
});
