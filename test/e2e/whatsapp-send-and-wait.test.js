'use strict';
// Send and Wait for Response in a real n8n 2.41.1 (package installed from its tarball) against the sandbox: the
// message reaches WhatsApp with this execution's signed links, the execution waits, n8n refuses a tampered link (401),
// and the person's tap resumes the workflow with the answer.
const { PACKAGE_NAME } = require('./n8n-instance');
const { useN8nWithSandbox } = require('./use-n8n');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

const env = useN8nWithSandbox('e2e send and wait');
let credential;
beforeAll(async () => {
	const { sb, n8n } = env;
	credential = await n8n.createCredential({ name: 'Meta system user token (send and wait)', type: 'metaAccessTokenApi', data: { accessToken: sb.seedResult.tokens.systemUser, baseUrlOverride: sb.url } });
});

const rl = (value) => ({ __rl: true, mode: 'id', value });

async function waitForStatus(n8n, id, status, timeoutMs = 60000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const execution = await n8n.getExecution(id);
		if (execution.status === status) return execution;
		if (Date.now() > end) throw new Error(`execution ${id} is ${execution.status}, not ${status}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

test('approve or decline: the execution waits, a tampered link is refused, the tap resumes it with the answer', async () => {
	const { sb, n8n } = env;
	const { waba } = sb.seedResult;
	whatsappAdmin(sb.state).customerMessaged(waba.phoneNumberId, '4915112345678');
	const workflow = await n8n.createWorkflow({
		name: 'Refund approval over WhatsApp',
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'ask',
				name: 'Ask for approval',
				type: `${PACKAGE_NAME}.whatsAppCloud`,
				typeVersion: 1,
				position: [260, 0],
				parameters: { authentication: 'metaAccessTokenApi', resource: 'message', operation: 'sendAndWait', wabaId: rl(waba.id), phoneNumberId: rl(waba.phoneNumberId), to: '+4915112345678', waitMessage: 'Refund 40 EUR for order #1234?' },
				credentials: { metaAccessTokenApi: { id: credential.id, name: credential.name } },
			},
			{ id: 'after', name: 'After answer', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [520, 0], parameters: {} },
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Ask for approval', type: 'main', index: 0 }]] }, 'Ask for approval': { main: [[{ node: 'After answer', type: 'main', index: 0 }]] } },
	});
	const { executionId } = await n8n.rest('POST', `/workflows/${workflow.id}/run`, { triggerToStartFrom: { name: 'Manual Trigger' } });
	await waitForStatus(n8n, executionId, 'waiting');
	const [message] = whatsappAdmin(sb.state).accepted().filter((m) => m.type === 'text' && /Refund 40 EUR/.test(m.payload.text.body));
	const [approve, decline] = [...message.payload.text.body.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
	expect(new URL(approve).pathname).toBe(`/webhook-waiting/${executionId}/ask`);
	const tampered = new URL(decline);
	tampered.searchParams.set('approved', 'true');
	expect((await fetch(tampered)).status).toBe(401);
	expect((await n8n.getExecution(executionId)).status).toBe('waiting');
	const tap = await fetch(decline, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' } });
	expect(tap.status).toBe(200);
	expect(await tap.text()).toMatch(/Got it, thanks/);
	// waitForExecution stops at the stoppedAt the waiting phase left: wait for the resumed run's success instead.
	const done = await waitForStatus(n8n, executionId, 'success');
	expect(n8n.nodeOutput(done, 'After answer')).toEqual([{ data: { approved: false, respondedAt: expect.any(String) } }]);
});
