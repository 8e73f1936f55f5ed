'use strict';
// The package installed into a real n8n 2.41.1 the way users install it (npm pack → <user folder>/.n8n/nodes),
// then used through n8n's own REST API against the Meta sandbox. A fresh machine provisions n8n first
// (scripts/provision-n8n.js, about 15 minutes); nothing is skipped: if provisioning or start-up fails, the tests fail.
const { createSandbox } = require('../sandbox');
const { packPackage, startN8n, PACKAGE_NAME } = require('./n8n-instance');

jest.setTimeout(45 * 60 * 1000); // covers a fresh provisioning (npm install + sqlite3 build) in beforeAll

const say = (line) => process.stderr.write(`[e2e] ${line}\n`);
let sb;
let n8n;

beforeAll(async () => {
	sb = createSandbox();
	await sb.start();
	const tarball = await packPackage({ log: say });
	n8n = await startN8n({ tarball, log: say });
});

afterAll(async () => {
	await n8n?.stop({ removeUserFolder: true });
	await sb?.stop();
});

test('n8n lists the Meta Setup Doctor node and the four Meta credential types', async () => {
	const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
	expect(nodeNames).toContain(`${PACKAGE_NAME}.metaSetupDoctor`);

	const credentialNames = (await n8n.credentialTypes()).map((c) => c.name);
	expect(credentialNames).toEqual(expect.arrayContaining(['metaOAuth2Api', 'instagramLoginOAuth2Api', 'metaAccessTokenApi', 'metaAppApi']));
});

test('Manual Trigger → Meta Setup Doctor checks a pasted token against the sandbox, and the session is stored', async () => {
	const { tokens, app } = sb.seedResult;
	const credential = await n8n.createCredential({
		name: 'Meta sandbox token',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	const workflow = await n8n.createWorkflow({
		name: 'Setup Doctor e2e',
		nodes: [
			{ id: 'a1', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'a2',
				name: 'Meta Setup Doctor',
				type: `${PACKAGE_NAME}.metaSetupDoctor`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication: 'metaAccessTokenApi', resource: 'token', operation: 'check' },
				credentials: { metaAccessTokenApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Meta Setup Doctor', type: 'main', index: 0 }]] } },
	});

	sb.admin.clearCalls();
	const execution = await n8n.runManually(workflow.id);
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');
	const [item] = n8n.nodeOutput(execution, 'Meta Setup Doctor');
	expect(['pass', 'warn']).toContain(item.status);
	expect(item.summary).toMatch(/^Valid/);
	// n8n really reached the sandbox (not a cached or mocked answer).
	const calls = sb.admin.calls();
	expect(calls.length).toBeGreaterThan(0);
	expect(calls.some((c) => c.path === '/debug_token')).toBe(true);

	// preAuthentication ran inside n8n and n8n persisted its result into the stored credential,
	// including the hidden expirable field that holds a `={{ … $now … }}` expression.
	const stored = await n8n.exportCredentialDecrypted(credential.id);
	say(`stored credential fields after the run: ${Object.keys(stored.data).join(', ')}`);
	expect(stored.data.sessionToken).toBe(tokens.adaUser); // long-lived already: inspected, not exchanged
	expect(stored.data.sessionState).toMatch(/^=\{\{.*\$now.*\}\}$/);
	expect(stored.data.sessionExpiresAt).toBeGreaterThan(Date.now() / 1000);

	// Second run: the expression resolves to 'current', so n8n does not call preAuthentication again.
	sb.admin.clearCalls();
	const second = await n8n.runManually(workflow.id);
	expect(second.status).toBe('success');
	const pathsSecond = sb.admin.calls().map((c) => c.path);
	say(`sandbox calls on the second run: ${pathsSecond.join(', ')}`);
	expect(pathsSecond.filter((p) => p === '/debug_token')).toHaveLength(1); // the doctor's own inspection only
});
