'use strict';
/**
 * What the webhook benchmarks (webhook-ack, queue-throughput) send and to which workflows: small signed Instagram
 * deliveries to our Instagram Business Trigger, the same bytes to n8n's plain Webhook node, wrong tokens to a
 * header-auth Webhook node, and (optionally) right and wrong tokens to a minimal community trigger (minimal-trigger.js).
 * One set of workflows per n8n (or queue cluster).
 */
const crypto = require('crypto');
const { PACKAGE_NAME } = require('../e2e/n8n-instance');
const { metaJson } = require('../sandbox/products/webhooks');
const { MINIMAL_TRIGGER_TYPE } = require('./minimal-trigger');

const APP_SECRET = 'bench-app-secret';
const HEADER = { name: 'X-Bench-Token', value: 'bench-right-token' };

let sequence = 0;
/** A one-DM Instagram delivery as Meta sends it (fresh mid, so the trigger's dedupe never drops it). */
function deliveryBytes() {
	const now = Date.now();
	sequence++;
	const envelope = {
		object: 'instagram',
		entry: [{ id: '17841400000000001', time: now, messaging: [{ sender: { id: '9300000000000001' }, recipient: { id: '17841400000000001' }, timestamp: now, message: { mid: `aWdfbench${now}x${sequence}`, text: 'Très bien, merci' } }] }],
	};
	return Buffer.from(metaJson(envelope));
}
const sign = (bytes, secret) => `sha256=${crypto.createHmac('sha256', secret).update(bytes).digest('hex')}`;

async function post(url, body, headers) {
	const start = process.hrtime.bigint();
	const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	await res.arrayBuffer();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.status };
}

/**
 * Creates and activates the three workflows through `n8n` (a startN8n instance, or a queue cluster's main);
 * `webhookBase` is where production webhooks are served (the webhook processor in queue mode).
 * `ourVersion`: the trigger's node version (n8n evaluates an extra expression per request for any typeVersion 1 node).
 * Subscribe Automatically is off in both versions: the deliveries come from the benchmark, not from Meta.
 */
async function createWorkflows(n8n, { ourVersion = 1, webhookBase = n8n.url, minimal = false } = {}) {
	const app = await n8n.createCredential({ name: 'Bench Meta App', type: 'metaAppApi', data: { appId: '1', appSecret: APP_SECRET, verifyToken: 'bench-verify' } });
	const headerAuth = await n8n.createCredential({ name: 'Bench header auth', type: 'httpHeaderAuth', data: HEADER });
	const node = (name, type, typeVersion, parameters, credentials) => ({ id: crypto.randomUUID(), name, type, typeVersion, position: [0, 0], webhookId: crypto.randomUUID(), parameters, credentials });
	const plainPath = `bench-plain-${crypto.randomUUID()}`;
	const authPath = `bench-auth-${crypto.randomUUID()}`;
	const ours = node('Instagram Business Trigger', `${PACKAGE_NAME}.instagramBusinessTrigger`, ourVersion, { loginType: 'facebook', events: ['message', 'comment', 'mention'], subscribe: false }, { metaAppApi: { id: app.id, name: app.name } });
	const workflows = [
		{ name: 'bench: Instagram Business Trigger', nodes: [ours], connections: {} },
		{ name: 'bench: plain Webhook', nodes: [node('Webhook', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path: plainPath, options: {} })], connections: {} },
		{
			name: 'bench: header-auth Webhook',
			nodes: [node('Webhook', 'n8n-nodes-base.webhook', 2.1, { httpMethod: 'POST', path: authPath, authentication: 'headerAuth', options: {} }, { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } })],
			connections: {},
		},
	];
	// minimal-trigger.js, when the caller installed it: the least a verifying community trigger can do.
	const minimalNode = node('Bench Minimal Trigger', MINIMAL_TRIGGER_TYPE, 2, {}, { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } });
	if (minimal) workflows.push({ name: 'bench: minimal community trigger', nodes: [minimalNode], connections: {} });
	for (const workflow of workflows) {
		const created = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(created.id);
	}
	return {
		ours: `${webhookBase}/webhook/${ours.webhookId}/meta`,
		plain: `${webhookBase}/webhook/${plainPath}`,
		headerAuth: `${webhookBase}/webhook/${authPath}`,
		minimal: minimal ? `${webhookBase}/webhook/${minimalNode.webhookId}/minimal` : undefined,
	};
}

module.exports = { APP_SECRET, HEADER, deliveryBytes, sign, post, createWorkflows };
