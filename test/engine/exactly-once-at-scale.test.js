'use strict';
// Exactly once at scale, as n8n runs it: Retry On Fail (3 tries) and 20% injected faults on every endpoint, lost
// answers and failed read-backs included. Every input item ends as exactly one post or message, and one output item.
const { useFixture } = require('../support/fixture');
const { IMAGE, instagramTools } = require('../support/instagram');
const { RETRY_ON_FAIL, publishImages } = require('../support/exactly-once');
const w = require('../support/whatsapp');

const fixture = useFixture();
const faultShare = (fx) => fx.sandbox.state.faults.reduce((n, f) => n + f.hits, 0) / fx.calls({}).length;

test('200 Instagram publishes, Retry On Fail, 20% faults (5xx, lost answers, failed read-backs): exactly 200 posts, 200 items', async () => {
	const fx = fixture();
	// Why: 200 real-time image waits (3 s each by default) would take minutes; the late 9007 after FINISHED stays on, shortened.
	fx.admin.settings({ igPublishQuotaTotal: 1000, igImageProcessingSeconds: 0, igNotReadyAfterFinishedSeconds: 0.3 });
	const graph = { host: 'graph.facebook.com', path: '/17*/**' };
	// Reading the new post back fails for good now and then (a permission or a transient failure that outlasts retries).
	fx.admin.addFault({ kind: 'error', code: 100, subcode: 33, message: 'Unsupported get request.', probability: 0.05, seed: 31, times: 0, match: { method: 'GET', path: '/17*', text: 'permalink' } });
	// One item fails for good on the first try, so n8n's Retry On Fail really runs the node again.
	fx.admin.addFault({ kind: 'error', code: 100, message: 'Invalid parameter', times: 1, match: { method: 'POST', path: '/*/media', text: 'Post 100' } });

	fx.admin.addFault({ kind: 'http5xx', code: 2, probability: 0.08, seed: 11, times: 0, match: graph });
	fx.admin.addFault({ kind: 'lostResponse', probability: 0.09, seed: 23, times: 0, match: graph });

	const run = await publishImages(fx, { imageUrl: `=${IMAGE}?post={{ $json.n }}`, caption: '=Post {{ $json.n }}' }, Array.from({ length: 200 }, (_, n) => ({ n })), RETRY_ON_FAIL);

	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(200);
	const media = instagramTools(fx).media();
	expect(media).toHaveLength(200);
	expect(new Set(media.map((m) => m.caption)).size).toBe(200);
	expect(run.items.map((i) => i.id).sort()).toEqual(media.map((m) => m.id).sort());
	// Each reported post is the one made from that item's container.
	for (const item of run.items) expect(media.find((m) => m.id === item.id).containerId).toBe(item.containerId);
	// The faults really hit: lost answers recovered, failed read-backs reported as warnings, the node ran again.
	expect(faultShare(fx)).toBeGreaterThan(0.12);
	expect(run.items.filter((i) => i.recoveredFromUnknownOutcome).length).toBeGreaterThan(3);
	expect(run.items.filter((i) => i.permalink === null && i.warning).length).toBeGreaterThan(3);
	expect(fx.calls({ path: `/${fx.seed.instagram.id}/media`, method: 'POST' }).filter((c) => c.status === 400)).toHaveLength(1);
}, 600_000);

test('1,000 WhatsApp template sends, Retry On Fail, 20% faults: exactly 1,000 accepted messages and 1,000 output items', async () => {
	const fx = fixture();
	const messages = `/${fx.seed.waba.phoneNumberId}/messages`;
	// Item 0 is refused once: on the error output as the first item, n8n's Retry On Fail runs the node again.
	fx.admin.addFault({ kind: 'error', code: 131009, message: '(#131009) Parameter value is not valid', times: 1, match: { path: messages, text: '+491513000000"' } });
	fx.admin.addFault({ kind: 'http5xx', code: 2, probability: 0.1, seed: 5, times: 0, match: { path: messages } });
	fx.admin.addFault({ kind: 'lostResponse', probability: 0.111, seed: 7, times: 0, match: { path: messages } });
	const items = Array.from({ length: 1000 }, (_, n) => ({ n: String(n), phone: `+49151${3000000 + n}` }));

	const run = await fx.engine.runNode({
		type: w.NODE_TYPE,
		credentials: w.systemUserCredential(fx),
		// Below the number's 80 per second: a refusal whose answer is then lost would be an unknown that never went out.
		parameters: w.templateParams(fx.seed, 'hello_world', 'en_US', {}, { to: '={{ $json.phone }}', sendOptions: { bizOpaqueCallbackData: '={{ $json.n }}', messagesPerSecond: 60, pairWaitSeconds: 0.2 } }),
		items,
		...RETRY_ON_FAIL,
		onError: 'continueErrorOutput',
	});

	expect(run.error).toBeUndefined();
	expect(run.errorItems.filter((i) => i.details.outcome !== 'unknown').map((i) => `${i.n}: ${i.message}`)).toEqual([]);
	const accepted = w.accepted(fx).map((m) => m.payload.biz_opaque_callback_data);
	expect(accepted).toHaveLength(1000);
	expect(new Set(accepted).size).toBe(1000);
	// One output item per input item: sent ones on the success output, unknown outcomes on the error output.
	const sent = run.items.map((i) => String(Number(i.to.slice(6)) - 3000000));
	const unknown = run.errorItems.map((i) => i.n);
	expect(sent.length + unknown.length).toBe(1000);
	expect(new Set([...sent, ...unknown]).size).toBe(1000);
	expect(run.errorItems.every((i) => i.details.outcome === 'unknown' && i.details.retryable === false)).toBe(true);
	// Each unknown outcome really went out once (the answer was lost after Meta accepted it): never sent again.
	const sentIds = new Map(w.accepted(fx).map((m) => [m.payload.biz_opaque_callback_data, m.id]));
	for (const item of run.items) expect(sentIds.get(String(Number(item.to.slice(6)) - 3000000))).toBe(item.messageId);
	expect(unknown.length).toBeGreaterThan(20);
	expect(faultShare(fx)).toBeGreaterThan(0.12);
	// The refused item 0 was sent again by the second try.
	expect(fx.calls({ path: messages }).filter((c) => c.status === 400)).toHaveLength(1);
}, 600_000);
