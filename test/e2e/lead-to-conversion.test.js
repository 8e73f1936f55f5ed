'use strict';
// The lead-to-conversion loop in a real n8n 2.41.1, with the example workflow docs/examples/lead-to-conversion.json:
// a person fills in the sandbox Page's instant form, the Meta Trigger (leadgen, lead details) receives the lead, and
// the Meta Conversions API node sends a `Lead` event to the sandbox's dataset with the hashed email and the lead id as
// event_id. The sandbox must have received exactly that event, once.
const crypto = require('crypto');
const { fireSampleEvent } = require('../sandbox/products/sample-events');
const { conversionsAdmin, DEFAULT_PIXEL } = require('../sandbox/products/conversions');
const { useN8nWithSandbox } = require('./use-n8n');
const example = require('../../docs/examples/lead-to-conversion.json');

const env = useN8nWithSandbox('e2e lead to conversion');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha = (text) => crypto.createHash('sha256').update(text).digest('hex');

test('a sandbox lead arrives and the sandbox Conversions API receives one Lead event with the hashed email and the lead id as event_id', async () => {
	const { sb, n8n } = env;
	// This n8n listens on http://127.0.0.1; Meta (the sandbox's default) accepts only HTTPS callbacks.
	sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	const { app, users, systemUser, scopes } = sb.seedResult;
	// Reading leads needs leads_retrieval; sending server events needs ads_management (the default seed has neither).
	const { tokens } = sb.admin.seed({
		tokens: [
			{ type: 'USER', appId: app.id, userId: users.ada.id, scopes: [...scopes.facebook, 'leads_retrieval'], expiresIn: 5183944 },
			{ type: 'SYSTEM_USER', appId: app.id, userId: systemUser.id, scopes: [...scopes.facebook, 'ads_management'], expiresIn: 0 },
		],
	});
	const common = { appId: app.id, appSecret: app.secret, apiHost: 'auto', graphApiVersion: 'v26.0', baseUrlOverride: sb.url };
	await n8n.createCredential({ name: 'Meta app (webhooks)', type: 'metaAppApi', data: { appId: app.id, appSecret: app.secret, verifyToken: 'capi-verify', graphApiVersion: 'v26.0', baseUrlOverride: sb.url } });
	await n8n.createCredential({ name: 'Meta user token', type: 'metaAccessTokenApi', data: { accessToken: tokens[0], ...common } });
	await n8n.createCredential({ name: 'Meta system user token', type: 'metaAccessTokenApi', data: { accessToken: tokens[1], ...common } });
	// The example as a user imports it: credentials by name, the sandbox's Page and dataset as placeholders.
	const workflow = await n8n.createWorkflow({ name: example.name, nodes: example.nodes, connections: example.connections, settings: {} });
	await n8n.activateWorkflow(workflow.id);

	const sent = await fireSampleEvent(sb.state, sb.webhooks, { kind: 'lead', text: 'Jess Capi' });
	expect({ delivered: sent.delivered, status: sent.status }).toEqual({ delivered: true, status: 200 });

	const deadline = Date.now() + 60000;
	let executions = [];
	while (Date.now() < deadline) {
		executions = await n8n.listExecutions(workflow.id);
		if (executions.some((e) => e.finished || e.status === 'success' || e.status === 'error')) break;
		await sleep(250);
	}
	expect(executions).toHaveLength(1);
	const execution = await n8n.waitForExecution(executions[0].id);
	const output = n8n.nodeOutput(execution, 'Send Lead to Meta');
	expect(output).toEqual([expect.objectContaining({ eventName: 'Lead', eventId: sent.leadId, datasetId: DEFAULT_PIXEL.id, eventsReceived: 1 })]);

	const received = conversionsAdmin(sb.state).events();
	expect(received).toEqual([
		{
			event_name: 'Lead',
			event_time: expect.any(Number),
			action_source: 'system_generated',
			event_id: sent.leadId,
			user_data: { em: [sha('jess@example.com')], ph: [sha('16505551234')], lead_id: sent.leadId },
			pixelId: DEFAULT_PIXEL.id,
			testEventCode: null,
		},
	]);
	// The email never reaches Meta in clear text.
	expect(JSON.stringify(sb.admin.calls({ path: '/*/events' }))).not.toContain('jess@example.com');
	await n8n.deactivateWorkflow(workflow.id);
});
