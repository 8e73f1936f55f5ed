'use strict';
// Lead Ads in a real n8n 2.41.1: a Meta Trigger on the Page's `leadgen` field with Fetch Lead Details is activated
// (it subscribes the app and installs it on the Page), the sandbox's sample "lead" event (a person fills in the
// instant form; Meta sends only ids) is delivered, and the execution's item holds the person's answers and the form.
const crypto = require('crypto');
const { PACKAGE_NAME } = require('./n8n-instance');
const { fireSampleEvent } = require('../sandbox/products/sample-events');
const { DEFAULT_FORM } = require('../sandbox/products/leads');
const { useN8nWithSandbox } = require('./use-n8n');

const env = useN8nWithSandbox('e2e lead trigger');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const NODE = 'Lead Ads';

test('a lead delivered by the sandbox ends as an item with the answers and the form name', async () => {
	const { sb, n8n } = env;
	const { app, users, page, scopes } = sb.seedResult;
	// Why: this n8n listens on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS callbacks.
	sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	// A Page admin's token with leads_retrieval, as reading leads requires (the default seed's token has none).
	const { tokens } = sb.admin.seed({ tokens: [{ type: 'USER', appId: app.id, userId: users.ada.id, scopes: [...scopes.facebook, 'leads_retrieval'], expiresIn: 5183944 }] });
	const appCredential = await n8n.createCredential({
		name: 'Sandbox Meta App (leads)',
		type: 'metaAppApi',
		data: { appId: app.id, appSecret: app.secret, verifyToken: 'lead-verify', graphApiVersion: 'v26.0', baseUrlOverride: sb.url },
	});
	const account = await n8n.createCredential({
		name: 'Sandbox Ada (leads)',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens[0], appId: app.id, appSecret: app.secret, apiHost: 'auto', graphApiVersion: 'v26.0', baseUrlOverride: sb.url },
	});
	const workflow = await n8n.createWorkflow({
		name: 'New leads',
		nodes: [
			{
				id: crypto.randomUUID(),
				name: NODE,
				type: `${PACKAGE_NAME}.metaTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
				parameters: { object: 'page', fields: 'leadgen', subscribe: true, pageId: page.id, accountAuthentication: 'metaAccessTokenApi', fetchLeadDetails: true },
				credentials: { metaAppApi: { id: appCredential.id, name: appCredential.name }, metaAccessTokenApi: { id: account.id, name: account.name } },
			},
		],
		connections: {},
	});
	await n8n.activateWorkflow(workflow.id);

	const sent = await fireSampleEvent(sb.state, sb.webhooks, { kind: 'lead', text: 'Jess E2e' });
	expect({ delivered: sent.delivered, status: sent.status, reason: sent.reason }).toEqual({ delivered: true, status: 200, reason: null });

	const deadline = Date.now() + 30000;
	let executions = [];
	while (Date.now() < deadline) {
		executions = await n8n.listExecutions(workflow.id);
		if (executions.some((e) => e.status === 'success' || e.finished)) break;
		await sleep(250);
	}
	expect(executions).toHaveLength(1);
	const items = n8n.nodeOutput(await n8n.waitForExecution(executions[0].id), NODE);
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({
		field: 'leadgen',
		leadId: sent.leadId,
		full_name: 'Jess E2e',
		email: 'jess@example.com',
		phone_number: '+16505551234',
		formName: DEFAULT_FORM.name,
	});
	expect(items[0].fieldData).toContainEqual({ name: 'full_name', values: ['Jess E2e'] });
	await n8n.deactivateWorkflow(workflow.id);
});
