'use strict';
/**
 * Creates, in a real n8n, the Meta App and Ada access-token credentials pointing at the sandbox, and a workflow whose
 * Instagram Business Trigger subscribes automatically (Ada's Page). Shared by the e2e, queue-mode and browser tests.
 */
const crypto = require('crypto');
const { PACKAGE_NAME } = require('./n8n-instance');

/** `nodes` and `connections` add nodes after the trigger (e.g. a deduplication step). */
async function createInstagramTriggerWorkflow(n8n, sb, { name, nodeName = 'Instagram Business Trigger', events, verifyToken = 'e2e-verify', typeVersion = 1, nodes = [], connections = {} }) {
	const { app, tokens, page } = sb.seedResult;
	const credential = await n8n.createCredential({
		name: 'Sandbox Meta App',
		type: 'metaAppApi',
		data: { appId: app.id, appSecret: app.secret, instagramAppSecret: app.instagramAppSecret, verifyToken, graphApiVersion: 'v26.0', baseUrlOverride: sb.url },
	});
	const account = await n8n.createCredential({
		name: 'Sandbox Ada',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, apiHost: 'auto', graphApiVersion: 'v26.0', baseUrlOverride: sb.url },
	});
	const webhookId = crypto.randomUUID();
	const workflow = await n8n.createWorkflow({
		name,
		nodes: [
			{
				id: crypto.randomUUID(),
				name: nodeName,
				type: `${PACKAGE_NAME}.instagramBusinessTrigger`,
				typeVersion,
				position: [0, 0],
				webhookId,
				// Version 2 subscribes by default (n8n leaves parameters equal to their default out of the saved JSON), and its
				// Page is a picker, saved as a resource locator.
				parameters: {
					loginType: 'facebook',
					events,
					accountAuthentication: 'metaAccessTokenApi',
					...(typeVersion === 1 ? { subscribe: true, pageId: page.id } : { pageId: { __rl: true, mode: 'id', value: page.id } }),
				},
				credentials: { metaAppApi: { id: credential.id, name: credential.name }, metaAccessTokenApi: { id: account.id, name: account.name } },
			},
			...nodes,
		],
		connections,
	});
	return { workflow, webhookId };
}

module.exports = { createInstagramTriggerWorkflow };
