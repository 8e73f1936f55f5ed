'use strict';
// WhatsApp Cloud, Send and Wait for Response: the message carries this execution's signed resume URLs, the execution
// waits (putExecutionToWait), and the node's own webhook turns the person's tap into the node's output. Real
// WorkflowExecute and n8n-core's WebhookContext against the sandbox; the whole loop in a real n8n is in
// test/e2e/whatsapp-send-and-wait.test.js.
const core = require('n8n-core');
// n8n-core's own copy of the DI container holds the instance's signing secret.
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
const { useFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	w.whatsappAdmin(fx.sandbox.state).customerMessaged(fx.seed.waba.phoneNumberId, '4915112345678');
});

const TO = '+4915112345678';
const run = (extra) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters: w.messageParams(fx.seed, 'sendAndWait', { to: TO, waitMessage: 'Approve the refund of 40 EUR for order #1234?', ...extra }), items: [{ orderId: '1234' }] });
const sentPayloads = () => fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages` }).map((c) => c.body);
const urlsIn = (text) => [...String(text).matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
const signatureHolds = (url) => {
	const parsed = new URL(url);
	const signature = parsed.searchParams.get(core.WAITING_TOKEN_QUERY_PARAM);
	return core.validateUrlSignature(signature, parsed, Container.get(core.InstanceSettings).hmacSignatureSecret);
};

/** Calls the node's webhook as n8n's waiting-webhook server does once the resume URL's signature checked out. */
async function answer(result, url, { method = 'GET', body = {}, userAgent = 'Mozilla/5.0 (iPhone)' } = {}) {
	const workflow = result.run && fx.engine.lastWorkflow;
	const parsed = new URL(url);
	const node = { id: 'node', name: 'Node', type: w.NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: result.spec.parameters, credentials: result.spec.credentials };
	const { Workflow } = require('n8n-workflow');
	const wf = workflow ?? new Workflow({ id: 'wait', name: 'wait', active: false, nodeTypes: fx.engine.nodeTypeProvider, nodes: [node], connections: {} });
	const sent = { status: 200, body: undefined, headers: {} };
	const res = {
		statusCode: 200,
		status(code) {
			sent.status = code;
			this.statusCode = code;
			return this;
		},
		setHeader: (k, v) => (sent.headers[k] = v),
		type: () => res,
		send: (b) => (sent.body = b),
		end: () => undefined,
	};
	const req = { method, headers: { 'user-agent': userAgent }, query: Object.fromEntries(parsed.searchParams), body, params: {} };
	const additionalData = { ...fx.engine.additionalData(wf), httpRequest: req, httpResponse: res };
	const nodeType = fx.engine.nodeTypeProvider.getByNameAndVersion(w.NODE_TYPE, wf.getNode('Node').typeVersion);
	const description = nodeType.description.webhooks.find((d) => d.httpMethod === method);
	const webhookData = { httpMethod: method, node: 'Node', path: 'node', webhookDescription: description, workflowId: wf.id, workflowExecuteAdditionalData: additionalData };
	const context = new core.WebhookContext(wf, wf.getNode('Node'), additionalData, 'webhook', webhookData, [], null);
	const out = await nodeType.webhook.call(context);
	return { out, sent };
}

test('approve and decline: one message with two signed resume links, and the execution waits', async () => {
	const result = await run({});
	expect(result.error).toBeUndefined();
	expect(result.run.waitTill).toBeInstanceOf(Date);
	const [payload] = sentPayloads();
	expect(payload).toMatchObject({ to: TO, type: 'text', text: { preview_url: false } });
	const [approve, decline] = urlsIn(payload.text.body);
	expect(payload.text.body).toMatch(/^Approve the refund of 40 EUR for order #1234\?\n\n\*Approve:\*\nhttp/);
	expect(new URL(approve).pathname).toBe(`/webhook-waiting/${result.executionId}/node`);
	expect(new URL(approve).searchParams.get('approved')).toBe('true');
	expect(new URL(decline).searchParams.get('approved')).toBe('false');
	expect(signatureHolds(approve)).toBe(true);
	expect(signatureHolds(decline)).toBe(true);
	const tampered = new URL(decline);
	tampered.searchParams.set('approved', 'true');
	expect(signatureHolds(tampered.toString())).toBe(false);
	const yes = await answer(result, approve);
	expect(yes.out.workflowData).toEqual([[{ json: { data: { approved: true, respondedAt: expect.any(String) } } }]]);
	const no = await answer(result, decline);
	expect(no.out.workflowData[0][0].json.data.approved).toBe(false);
});

test("approve only sends one call-to-action button; a link preview fetcher's visit is not an answer", async () => {
	const result = await run({ approvalType: 'single', approveLabel: 'Refund it' });
	const [payload] = sentPayloads();
	expect(payload).toMatchObject({ type: 'interactive', interactive: { type: 'cta_url', body: { text: 'Approve the refund of 40 EUR for order #1234?' }, action: { name: 'cta_url', parameters: { display_text: 'Refund it' } } } });
	const url = payload.interactive.action.parameters.url;
	expect(signatureHolds(url)).toBe(true);
	const preview = await answer(result, url, { userAgent: 'WhatsApp/2.23.20.0 A' });
	expect(preview.out).toEqual({ noWebhookResponse: true });
	expect(preview.sent.status).toBe(204);
});

test('free text: the button opens a form, and the posted answer becomes the output', async () => {
	const result = await run({ responseType: 'freeText', respondLabel: 'Answer' });
	const url = sentPayloads()[0].interactive.action.parameters.url;
	const form = await answer(result, url);
	expect(form.out).toEqual({ noWebhookResponse: true });
	expect(form.sent.body).toMatch(/<form method="post">/);
	const posted = await answer(result, url, { method: 'POST', body: { response: 'Only half, please' } });
	expect(posted.out.workflowData).toEqual([[{ json: { data: { text: 'Only half, please', respondedAt: expect.any(String) } } }]]);
});

test('bad input is refused naming the field before anything is sent; a retried execution sends fresh links (the old ones resume nothing)', async () => {
	const long = await run({ approvalType: 'single', approveLabel: 'Approve this refund now please' });
	expect(long.error?.message).toMatch(/"Approve Label" is 30 characters long; WhatsApp allows 20/);
	const noPhone = await run({ to: '0151 1234' });
	expect(noPhone.error?.message).toMatch(/"To"/);
	expect(sentPayloads()).toHaveLength(0);
	const first = await run({});
	const retried = await fx.engine.rerun(first, { mode: 'retry' });
	const [a, b] = sentPayloads().map((p) => urlsIn(p.text.body)[0]);
	expect(new URL(a).pathname).toBe(`/webhook-waiting/${first.executionId}/node`);
	expect(new URL(b).pathname).toBe(`/webhook-waiting/${retried.executionId}/node`);
});

test('the approval example: its Send and Wait node sends approve and decline links and waits at most a day', async () => {
	const example = require('../../docs/examples/whatsapp-approval.json');
	const ask = example.nodes.find((n) => n.name === 'Ask for approval');
	const before = Date.now();
	const result = await fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters: ask.parameters });
	expect(result.error).toBeUndefined();
	const waitMs = result.run.waitTill.getTime() - before;
	expect(waitMs).toBeGreaterThan(23.9 * 3600_000);
	expect(waitMs).toBeLessThan(24.1 * 3600_000);
	const [approve, decline] = urlsIn(sentPayloads()[0].text.body);
	expect([new URL(approve).searchParams.get('approved'), new URL(decline).searchParams.get('approved')]).toEqual(['true', 'false']);
});
