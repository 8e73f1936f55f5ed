'use strict';
// Every example workflow of docs/examples, imported into a real n8n 2.41.1 the way `npm run demo` does (credentials
// by name, pointing at the sandbox), runs against the sandbox and does what its sticky note says: the Instagram one
// answers DMs and answers or hides comments, the leads one saves the person's answers in a data table, and so on.
const { useN8nWithSandbox } = require('./use-n8n');
const { demoCredentials, demoUserToken, upsertCredentials } = require('../../scripts/demo/credentials');
const { loadExamples, upsertWorkflows } = require('../../scripts/demo/workflows');
const { fireSampleEvent } = require('../sandbox/products/sample-events');
const { store: instagramStore } = require('../sandbox/products/instagram/store');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

const env = useN8nWithSandbox('e2e examples');
/** Workflow name → id in this n8n. */
const ids = {};
const FALLBACK = 'WhatsApp: template when a text fails outside the 24-hour window';

beforeAll(async () => {
	const { sb, n8n } = env;
	// This n8n listens on http://127.0.0.1; Meta (the sandbox's default) accepts only HTTPS callbacks.
	sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	await upsertCredentials(n8n, demoCredentials(sb.seedResult, sb.url, { userToken: demoUserToken(sb) }));
	for (const workflow of await upsertWorkflows(n8n, loadExamples(), sb)) ids[workflow.name] = workflow.id;
});

/**
 * Fires a sample event (as Meta sends it) and resolves to the finished execution it started in `workflowName` from
 * `triggerName` (a workflow with two entry points may run the other one too, e.g. a status page Meta opens).
 */
async function afterEvent(workflowName, fire, triggerName) {
	const { n8n } = env;
	const before = new Set((await n8n.listExecutions(ids[workflowName])).map((e) => e.id));
	const fired = await fire();
	const deadline = Date.now() + 30000;
	for (;;) {
		for (const fresh of (await n8n.listExecutions(ids[workflowName])).filter((e) => !before.has(e.id))) {
			const execution = await n8n.waitForExecution(fresh.id);
			if (!triggerName || execution.data?.resultData?.runData?.[triggerName]) return { fired, execution };
		}
		if (Date.now() > deadline) throw new Error(`no execution of "${workflowName}" after the event: ${JSON.stringify(fired)}\n${n8n.logTail()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const sampleEvent = (kind, text) => async () => {
	const result = await fireSampleEvent(env.sb.state, env.sb.webhooks, { kind, text });
	expect(result).toMatchObject({ delivered: true, status: 200 });
	return result;
};

test('all examples are imported', () => {
	expect(Object.keys(ids).sort()).toEqual(loadExamples().map((e) => e.workflow.name).sort());
});

test('Check all Meta connections now: three Setup Doctor reports, each token valid', async () => {
	const execution = await env.n8n.runManually(ids['Check all Meta connections now'], 'Manual Trigger');
	expect(execution.status).toBe('success');
	for (const name of ['Check the system user token', 'Check the user token', 'Check the Instagram Login token']) {
		expect(env.n8n.nodeOutput(execution, name)[0].summary).toMatch(/^Valid/);
	}
});

test('Daily Meta token check: the doctor reports, and anything but pass fails the run with the fixes', async () => {
	const execution = await env.n8n.runManually(ids['Daily Meta token check'], 'Every day at 8:00');
	const [report] = env.n8n.nodeOutput(execution, 'Check the Meta setup');
	expect(report.status).toMatch(/^(pass|warn|fail)$/);
	expect(execution.status).toBe(report.status === 'pass' ? 'success' : 'error');
	// Each finding comes with what to do (`problem → fix`).
	if (report.status !== 'pass') expect(execution.data.resultData.error.message).toMatch(/^Meta setup check .*: .+ → .+/s);
});

test('Daily ad results by campaign: one simplified row per campaign', async () => {
	const execution = await env.n8n.runManually(ids['Daily ad results by campaign'], 'Every morning');
	expect(execution.status).toBe('success');
	const rows = env.n8n.nodeOutput(execution, 'Yesterday by campaign');
	expect(rows.length).toBeGreaterThan(1);
	for (const row of rows) expect(typeof row.spend).toBe('number');
});

describe('Instagram DMs and comments', () => {
	const workflow = 'Instagram DMs and comments';
	const ig = () => instagramStore(env.sb.state);

	test('a DM gets a reply in the conversation', async () => {
		const { execution } = await afterEvent(workflow, sampleEvent('dm', 'Is this still available?'));
		expect(execution.status).toBe('success');
		const [sent] = env.n8n.nodeOutput(execution, 'Reply to the DM');
		expect(sent.messageId).toBeTruthy();
		const replies = [...ig().messages.values()].filter((m) => m.from === 'business' && m.igsid === '9100000000000001');
		expect(replies).toHaveLength(1);
		expect(JSON.stringify(replies[0].message)).toContain('Thanks for your message');
	});

	test('an ordinary comment gets a reply', async () => {
		const { execution } = await afterEvent(workflow, sampleEvent('comment', 'Love this!'));
		expect(execution.status).toBe('success');
		expect(env.n8n.nodeOutput(execution, 'Answer the comment')).toHaveLength(1);
		const comment = [...ig().comments.values()].find((c) => c.text === 'Love this!');
		const replies = [...ig().comments.values()].filter((c) => c.parentId === comment.id);
		expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('@jane.customer thank you')]);
		expect(comment.hidden).toBe(false);
	});

	test('a comment with a link is hidden, not answered', async () => {
		const text = 'Free followers at www.spam.example';
		const { execution } = await afterEvent(workflow, sampleEvent('comment', text));
		expect(execution.status).toBe('success');
		expect(env.n8n.nodeOutput(execution, 'Hide the comment')).toHaveLength(1);
		const comment = [...ig().comments.values()].find((c) => c.text === text);
		expect(comment.hidden).toBe(true);
		expect([...ig().comments.values()].filter((c) => c.parentId === comment.id)).toHaveLength(0);
	});
});

test('WhatsApp incoming messages: the customer gets a reply in context', async () => {
	const { execution } = await afterEvent('WhatsApp incoming messages', sampleEvent('whatsapp-reply', 'Yes please'));
	expect(execution.status).toBe('success');
	expect(env.n8n.nodeOutput(execution, 'Reply on WhatsApp')[0]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./) });
});

test('New leads from lead ads: the person’s answers end up in the Meta leads data table', async () => {
	const { execution, fired } = await afterEvent('New leads from lead ads', sampleEvent('lead', 'Jess Doe'));
	expect(execution.status).toBe('success');
	const [lead] = env.n8n.nodeOutput(execution, 'Meta Trigger');
	expect(lead).toMatchObject({ leadgen_id: fired.leadId, email: 'jess@example.com', full_name: 'Jess Doe' });
	const [row] = env.n8n.nodeOutput(execution, 'Save the answers');
	expect(row).toMatchObject({ leadId: fired.leadId, fullName: 'Jess Doe', email: 'jess@example.com', phone: '+16505551234' });
	expect(JSON.parse(row.answers).map((a) => a.name)).toEqual(expect.arrayContaining(['email', 'full_name', 'phone_number']));
});

test('Meta data deletion requests: Meta gets a confirmation code and the request is recorded and completed', async () => {
	const { execution } = await afterEvent('Meta data deletion requests (App Review)', async () => {
		const res = await fetch(`${env.sb.url}/__admin/compliance/removeApp`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: env.sb.seedResult.users.eddie.id, requestDeletion: true }),
		});
		const result = await res.json();
		expect(result.dataDeletion.meta.accepted).toBe(true);
		return result;
		// Removing the app also sends the deauthorize callback: two executions, in either order; take the deletion one.
	}, 'Record request');
	expect(execution.status).toBe('success');
	expect(env.n8n.nodeOutput(execution, 'Mark request completed')).toHaveLength(1);
});

test('WhatsApp template fallback: a text that failed outside the 24-hour window is followed by the template', async () => {
	const { n8n, sb } = env;
	const { waba, tokens } = sb.seedResult;
	// Meta sends an account's events to one URL: the fallback takes over the account from the incoming-messages example.
	await n8n.deactivateWorkflow(ids['WhatsApp incoming messages']);
	const stored = await n8n.getWorkflow(ids[FALLBACK]);
	const trigger = stored.nodes.find((n) => n.name === 'Message failed');
	trigger.parameters.whatsappAccountId = waba.id; // what the sticky note asks the user to set
	await n8n.rest('PATCH', `/workflows/${stored.id}`, { nodes: stored.nodes, connections: stored.connections, versionId: stored.versionId });
	await n8n.activateWorkflow(stored.id);
	const customer = '4915112345678'; // never wrote: outside the window (its WhatsApp ID: country code first, no +)
	const { execution } = await afterEvent(FALLBACK, async () => {
		const res = await fetch(`${sb.url}/graph.facebook.com/v26.0/${waba.phoneNumberId}/messages`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.systemUser}` },
			body: JSON.stringify({ messaging_product: 'whatsapp', to: `+${customer}`, type: 'text', text: { body: 'Your order shipped' } }),
		});
		expect(res.status).toBe(200); // accepted now, failed later (131047), as at Meta
		return await res.json();
	});
	expect(execution.status).toBe('success');
	expect(n8n.nodeOutput(execution, 'Message failed')[0]).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 131047 }) });
	expect(n8n.nodeOutput(execution, 'Send the template instead')[0]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./) });
	const templates = whatsappAdmin(sb.state).accepted().filter((m) => m.type === 'template' && m.waId === customer);
	expect(templates).toHaveLength(1);
});
