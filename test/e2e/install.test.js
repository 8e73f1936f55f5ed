'use strict';
// The package installed into a real n8n 2.41.1 the way users install it (npm pack → <user folder>/.n8n/nodes),
// then used through n8n's own REST API against the Meta sandbox. A fresh machine provisions n8n first
// (scripts/provision-n8n.js, about 7 minutes here); nothing is skipped: if provisioning or start-up fails, the tests fail.
const { PACKAGE_NAME } = require('./n8n-instance');
const { useN8nWithSandbox } = require('./use-n8n');
const { proofFor } = require('../support/fixture');

const env = useN8nWithSandbox('e2e');
let sb;
let n8n;
beforeAll(() => {
	({ sb, n8n } = env);
});

test('n8n lists every node of the package and the four Meta credential types', async () => {
	const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
	const { nodeTypes } = require('../harness/package-types').loadPackageTypes();
	expect(Object.keys(nodeTypes).length).toBeGreaterThanOrEqual(5);
	expect(nodeNames).toEqual(expect.arrayContaining(Object.keys(nodeTypes)));

	const credentialNames = (await n8n.credentialTypes()).map((c) => c.name);
	expect(credentialNames).toEqual(expect.arrayContaining(['metaOAuth2Api', 'metaAccessTokenApi', 'metaAppApi']));
	expect(credentialNames).not.toContain('instagramLoginOAuth2Api');
});

function manualTriggerTo(node, credential) {
	return {
		nodes: [
			{ id: 'n1', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'n2', position: [220, 0], ...node, credentials: { metaAccessTokenApi: { id: credential.id, name: credential.name } } },
		],
		connections: { 'Manual Trigger': { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

test('Manual Trigger → Meta Setup Doctor checks a pasted token against the sandbox', async () => {
	const { tokens, app } = sb.seedResult;
	const credential = await n8n.createCredential({
		name: 'Meta sandbox token (doctor)',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	const workflow = await n8n.createWorkflow({
		name: 'Setup Doctor e2e',
		...manualTriggerTo(
			{
				name: 'Meta Setup Doctor',
				type: `${PACKAGE_NAME}.metaSetupDoctor`,
				typeVersion: 1,
				parameters: { authentication: 'metaAccessTokenApi', resource: 'token', operation: 'check' },
			},
			credential,
		),
	});

	sb.admin.clearCalls();
	const execution = await n8n.runManually(workflow.id);
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');
	const [item] = n8n.nodeOutput(execution, 'Meta Setup Doctor');
	expect(['pass', 'warn']).toContain(item.status);
	expect(item.summary).toMatch(/^Valid/);
	// n8n really reached the sandbox with the pasted token.
	const calls = sb.admin.calls();
	expect(calls.map((c) => c.path)).toContain('/debug_token');
	expect(calls.every((c) => c.status === 200)).toBe(true);
});

test('Meta Access Token credential: n8n stores the session from preAuthentication and resolves its $now expression', async () => {
	// The HTTP Request node with the predefined credential goes through httpRequestWithAuthentication, which is
	// where n8n runs preAuthentication (the Setup Doctor's check reads the token with a plain request instead).
	const { app, users, scopes } = sb.seedResult;
	const shortLived = sb.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: scopes.facebook, expiresIn: 3600 }).token;
	const credential = await n8n.createCredential({
		name: 'Meta sandbox token (short-lived)',
		type: 'metaAccessTokenApi',
		data: { accessToken: shortLived, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	const workflow = await n8n.createWorkflow({
		name: 'Graph /me through the credential',
		...manualTriggerTo(
			{
				name: 'Graph me',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					url: `${sb.url}/graph.facebook.com/v26.0/me`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'metaAccessTokenApi',
				},
			},
			credential,
		),
	});
	const run = async () => {
		sb.admin.clearCalls();
		const execution = await n8n.runManually(workflow.id);
		expect(execution.data.resultData.error).toBeUndefined();
		expect(n8n.nodeOutput(execution, 'Graph me')[0]).toMatchObject({ id: users.ada.id });
		return sb.admin.calls();
	};
	const grants = (calls) => calls.filter((c) => c.path === '/oauth/access_token').map((c) => ({ ...c.query, ...c.body }).grant_type);

	// 1st run: the empty expirable field makes n8n call preAuthentication, which exchanges the short-lived token;
	// n8n saves what it returns into the stored credential.
	const first = await run();
	expect(first.map((c) => c.path)).toEqual(expect.arrayContaining(['/debug_token', '/oauth/access_token', '/me']));
	expect(grants(first)).toEqual(['fb_exchange_token']);
	const stored = (await n8n.exportCredentialDecrypted(credential.id)).data;
	expect(stored.sessionToken).toMatch(/^EAA/);
	expect(stored.sessionToken).not.toBe(shortLived);
	expect(stored.sessionExpiresAt).toBeGreaterThan(Date.now() / 1000 + 59 * 86400);
	expect(stored.sessionState).toMatch(/^=\{\{.*\$now.*\}\}$/);
	const me = first.find((c) => c.path === '/me');
	expect(me.appsecretProof).toBe(proofFor(stored.sessionToken, app.secret));

	// 2nd run: the hidden field's `={{ … $self … $now … }}` resolves to 'current', so n8n neither runs
	// preAuthentication nor writes the credential (every write sets updatedAt), and the stored token is used.
	const updatedAt = async () => (await n8n.getCredential(credential.id)).updatedAt;
	const beforeSecond = await updatedAt();
	const second = await run();
	expect(second.map((c) => c.path)).toEqual(['/me']);
	expect(second[0].appsecretProof).toBe(proofFor(stored.sessionToken, app.secret));
	expect(await updatedAt()).toBe(beforeSecond);

	// The same expression with a due time in the past: only $now can make it resolve to '' now. n8n then runs
	// preAuthentication again (the stored long-lived session still matches, so no Graph call) and saves a fresh
	// expression, due at the session's expiry again.
	const { sessionStateExpression } = require('../../dist/nodes/shared/auth/accessTokenSession');
	const overdue = sessionStateExpression(shortLived, Math.floor(Date.now() / 1000) - 60);
	await n8n.updateCredentialData(credential.id, { sessionState: overdue });
	expect((await n8n.exportCredentialDecrypted(credential.id)).data.sessionState).toBe(overdue);
	const beforeThird = await updatedAt();
	const third = await run();
	expect(third.map((c) => c.path)).toEqual(['/me']);
	expect(await updatedAt()).not.toBe(beforeThird);
	const renewed = (await n8n.exportCredentialDecrypted(credential.id)).data;
	expect(renewed.sessionState).toBe(stored.sessionState);
	expect(renewed.sessionToken).toBe(stored.sessionToken);
});
