'use strict';
// Workflows saved before the action nodes became versioned, imported into a real n8n 2.41.1 with the packed package:
// they keep typeVersion 1 and their parameters, one runs against the sandbox as before; the editor's node list
// offers versions 1 and 2 of each action node (and its AI-tool variant) and gives a new node version 2.
const { PACKAGE_NAME } = require('./n8n-instance');
const { useN8nWithSandbox } = require('./use-n8n');
const { FILES, savedWorkflow, savedCredentialData } = require('../support/savedWorkflows');

const env = useN8nWithSandbox('e2e saved v1');
const ACTION_NODES = ['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'];
/** Saved credential id → the credential created in this n8n. */
const credentialIds = {};

beforeAll(async () => {
	const { sb, n8n } = env;
	for (const [id, { type, data }] of Object.entries(savedCredentialData(sb.seedResult, sb.url))) {
		// n8n keeps no oauthTokenData given at creation; the Facebook Login fixture is imported, not run, here.
		const created = await n8n.createCredential({ name: `Saved v1 ${id}`, type, data });
		credentialIds[id] = { id: created.id, name: created.name };
	}
});

/** The saved workflow with its credential references pointed at this n8n's credentials, as on import. */
function imported(file) {
	const workflow = savedWorkflow(file);
	delete workflow.meta;
	for (const node of workflow.nodes) {
		for (const [type, ref] of Object.entries(node.credentials ?? {})) node.credentials[type] = credentialIds[ref.id];
	}
	return workflow;
}

test('every saved workflow imports with its nodes still at version 1 and its parameters untouched', async () => {
	const { n8n } = env;
	for (const file of FILES) {
		const workflow = imported(file);
		const created = await n8n.createWorkflow(workflow);
		const stored = await n8n.getWorkflow(created.id);
		for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
			const back = stored.nodes.find((n) => n.name === node.name);
			expect({ file, typeVersion: back.typeVersion }).toEqual({ file, typeVersion: 1 });
			expect(back.parameters).toEqual(node.parameters);
		}
	}
});

test('the saved Instagram workflow runs as before: one post, the limit read', async () => {
	const { n8n, sb } = env;
	const created = await n8n.createWorkflow(imported('instagram-publish-image'));
	sb.admin.clearCalls();
	const execution = await n8n.runManually(created.id, 'When clicking ‘Execute workflow’');
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');
	expect(n8n.nodeOutput(execution, 'Publish image')).toEqual([expect.objectContaining({ published: true, mediaType: 'IMAGE' })]);
	expect(n8n.nodeOutput(execution, 'Publishing limit')[0]).toEqual(expect.objectContaining({ quotaUsage: expect.any(Number) }));
	expect(sb.admin.calls({ path: '/*/media_publish' }).filter((c) => c.status === 200)).toHaveLength(1);
	expect(JSON.stringify(execution)).not.toContain(sb.seedResult.tokens.adaUser);
});

test("the editor's node list has versions 1 and 2 of each action node and of its AI tool; new nodes get version 2", async () => {
	const types = await env.n8n.nodeTypes();
	for (const name of ACTION_NODES) {
		for (const typeName of [`${PACKAGE_NAME}.${name}`, `${PACKAGE_NAME}.${name}Tool`]) {
			const entries = types.filter((t) => t.name === typeName);
			expect({ typeName, versions: entries.map((t) => t.version).sort() }).toEqual({ typeName, versions: [1, 2] });
			// The node creator adds `defaultVersion` (n8n's editor: nodeTypeDescription.defaultVersion ?? the highest version).
			for (const entry of entries) expect(entry.defaultVersion).toBe(2);
		}
	}
	const v2 = types.find((t) => t.name === `${PACKAGE_NAME}.instagramBusiness` && t.version === 2);
	expect(JSON.stringify(v2.properties)).not.toContain('retryWaitSeconds');
	const v1 = types.find((t) => t.name === `${PACKAGE_NAME}.instagramBusiness` && t.version === 1);
	expect(JSON.stringify(v1.properties)).toContain('retryWaitSeconds');
});
