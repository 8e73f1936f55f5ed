'use strict';
/**
 * The example workflows of docs/examples/, imported into the demo's n8n the way the editor's "Import from File"
 * saves them: credentials are referenced by name only ({ id: null, name }) and n8n resolves them to the
 * credential of that name and type when the workflow is saved.
 */
const fs = require('fs');
const path = require('path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'docs', 'examples');

/** Workflows the demo publishes (their triggers run on their own) and what that means; the others run from the editor. */
const PUBLISH = {
	'Daily Meta token check': 'published: runs every day at 8:00',
	'Instagram DMs and comments': 'published: subscribed with the sandbox; fire events with npm run demo:event',
	'WhatsApp incoming messages': 'published: its WhatsApp account points at it (npm run demo:event -- whatsapp-reply)',
	'New leads from lead ads': 'published: the Page sends it lead ads (npm run demo:event -- lead)',
	'Meta data deletion requests (App Review)': 'published: its two URLs are the sandbox app\'s dashboard URLs (npm run demo:event -- delete-data)',
};

const COMPLIANCE_TRIGGER = 'n8n-nodes-meta-business.metaComplianceTrigger';

/**
 * What Meta's App Dashboard would hold for the demo's app: the compliance trigger's two Production URLs. The status
 * page it answers Meta with is the demo n8n's own Webhook node, so the link a person gets works locally.
 */
function localiseCompliance(workflow, editorUrl) {
	const trigger = workflow.nodes.find((node) => node.type === COMPLIANCE_TRIGGER);
	if (!trigger) return null;
	trigger.parameters = { ...trigger.parameters, statusUrl: `${editorUrl}/webhook/meta-deletion-status?code={code}` };
	return {
		dataDeletionUrl: `${editorUrl}/webhook/${trigger.webhookId}/data-deletion`,
		deauthorizeUrl: `${editorUrl}/webhook/${trigger.webhookId}/deauthorize`,
	};
}
const RUN_BY_HAND = 'run it with "Execute workflow"';

/** Every docs/examples/*.json, parsed, in file-name order. */
function loadExamples(dir = EXAMPLES_DIR) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: f, workflow: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/**
 * Creates each workflow, or updates the (not archived) one of the same name a previous run left, then publishes
 * the ones in PUBLISH. Resolves to [{ id, name, action: 'created' | 'updated', active, note }].
 */
async function upsertWorkflows(n8n, examples, sandbox) {
	const filter = encodeURIComponent(JSON.stringify({ isArchived: false }));
	const existing = await n8n.rest('GET', `/workflows?filter=${filter}`);
	const results = [];
	for (const { workflow } of examples) {
		const complianceUrls = localiseCompliance(workflow, n8n.url);
		const { name, nodes, connections, settings = {} } = workflow;
		const match = existing.find((w) => w.name === name);
		const saved = match
			? await n8n.rest('PATCH', `/workflows/${match.id}`, { name, nodes, connections, settings })
			: await n8n.createWorkflow({ name, nodes, connections, settings });
		const active = name in PUBLISH;
		if (active) await n8n.activateWorkflow(saved.id);
		if (active && complianceUrls && sandbox) sandbox.webhooks.compliance.configure(complianceUrls);
		results.push({ id: saved.id, name, action: match ? 'updated' : 'created', active, note: PUBLISH[name] ?? RUN_BY_HAND });
	}
	return results;
}

module.exports = { EXAMPLES_DIR, loadExamples, upsertWorkflows };
