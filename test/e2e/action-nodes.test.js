'use strict';
// The action nodes inside a real n8n 2.41.1 (package installed from its tarball), against the sandbox: one manual
// workflow publishes to Instagram, sends a WhatsApp message and reads ad insights; Meta's refusals reach the user as
// n8n errors that say what to do.
const { PACKAGE_NAME } = require('./n8n-instance');
const { useN8nWithSandbox } = require('./use-n8n');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

const env = useN8nWithSandbox('e2e actions');
let sb;
let n8n;
let userCredential;
let systemCredential;
beforeAll(async () => {
	({ sb, n8n } = env);
	const { tokens, app } = sb.seedResult;
	userCredential = await n8n.createCredential({
		name: 'Meta user token (actions)',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride: sb.url },
	});
	systemCredential = await n8n.createCredential({
		name: 'Meta system user token (actions)',
		type: 'metaAccessTokenApi',
		data: { accessToken: tokens.systemUser, baseUrlOverride: sb.url },
	});
});

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const credentialRef = (credential) => ({ metaAccessTokenApi: { id: credential.id, name: credential.name } });

/** Manual Trigger fanning out to each of `nodes` (each with its credential). */
function manualWorkflow(name, nodes) {
	return {
		name,
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...nodes.map(({ credential, ...node }, i) => ({ id: `n${i}`, typeVersion: 1, position: [260, i * 200], ...node, credentials: credentialRef(credential) })),
		],
		connections: { 'Manual Trigger': { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] } },
	};
}

/** A WhatsApp Cloud node sending `text` to `to` from the seeded number, with the system-user credential. */
function whatsAppText(to, text) {
	const { waba } = sb.seedResult;
	return {
		name: 'WhatsApp Cloud',
		type: `${PACKAGE_NAME}.whatsAppCloud`,
		credential: systemCredential,
		parameters: {
			authentication: 'metaAccessTokenApi',
			resource: 'message',
			operation: 'sendText',
			wabaId: rl(waba.id),
			phoneNumberId: rl(waba.phoneNumberId),
			to,
			textBody: text,
		},
	};
}

const CUSTOMER = '16505551234';

test('one workflow publishes an Instagram image, sends a WhatsApp text and reads ad insights', async () => {
	const { instagram, waba, adAccount } = sb.seedResult;
	whatsappAdmin(sb.state).customerMessaged(waba.phoneNumberId, CUSTOMER, 60); // the customer wrote a minute ago
	const workflow = await n8n.createWorkflow(
		manualWorkflow('Meta action nodes e2e', [
			{
				name: 'Instagram Business',
				type: `${PACKAGE_NAME}.instagramBusiness`,
				credential: userCredential,
				parameters: {
					authentication: 'metaAccessTokenApi',
					resource: 'media',
					operation: 'publish',
					account: rl(instagram.id),
					postType: 'image',
					imageUrl: 'https://cdn.example.com/e2e.jpg',
					caption: 'Published from a real n8n #e2e',
				},
			},
			whatsAppText(CUSTOMER, 'Your order shipped'),
			{
				name: 'Meta Ads',
				type: `${PACKAGE_NAME}.metaAds`,
				credential: userCredential,
				parameters: {
					authentication: 'metaAccessTokenApi',
					resource: 'insights',
					operation: 'get',
					insightsOf: 'account',
					adAccount: rl(adAccount.id),
					fields: ['campaign_name', 'impressions', 'spend'],
					datePreset: 'last_7d',
					timeIncrement: 'all_days',
					returnAll: true,
					simplify: true,
				},
			},
		]),
	);

	sb.admin.clearCalls();
	const execution = await n8n.runManually(workflow.id);
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');

	const [post] = n8n.nodeOutput(execution, 'Instagram Business');
	expect(post).toMatchObject({ published: true, mediaType: 'IMAGE' });
	expect(post.permalink).toMatch(/^https:\/\/www\.instagram\.com\//);
	// Published once: Meta may refuse with 9007 right after FINISHED before that (sandbox default).
	expect(sb.admin.calls({ path: '/*/media_publish' }).filter((c) => c.status === 200)).toHaveLength(1);

	const [message] = n8n.nodeOutput(execution, 'WhatsApp Cloud');
	expect(message).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), waId: CUSTOMER });
	expect(sb.admin.calls({ path: `/${waba.phoneNumberId}/messages`, method: 'POST' })).toHaveLength(1);

	const rows = n8n.nodeOutput(execution, 'Meta Ads');
	expect(rows.length).toBeGreaterThan(0);
	expect(typeof rows[0].impressions).toBe('number'); // simplified: numeric strings became numbers

	const json = JSON.stringify(execution);
	for (const secret of [sb.seedResult.tokens.adaUser, sb.seedResult.tokens.systemUser, sb.seedResult.app.secret]) expect(json).not.toContain(secret);
});

test("Meta's refusal of a text outside the 24-hour window reaches the user as an error saying a template is needed", async () => {
	const { waba } = sb.seedResult;
	whatsappAdmin(sb.state).settings({ windowErrorMode: 'sync' }); // kind setting: Meta refuses at once instead of failing later
	const workflow = await n8n.createWorkflow(
		manualWorkflow('WhatsApp outside the window e2e', [
			whatsAppText('+4915112345678', 'hi'),
		]),
	);
	const execution = await n8n.runManually(workflow.id);
	expect(execution.status).toBe('error');
	const error = execution.data.resultData.error;
	expect(`${error.message} ${error.description ?? ''}`).toMatch(/template/i);
	expect(JSON.stringify(error)).not.toContain(sb.seedResult.tokens.systemUser);
});

test('"On Error → Continue (using error output)": a refused send arrives on the error branch with the fix sentence, a sent one on the success branch', async () => {
	const { findMetaError } = require('../../dist/nodes/shared/errors/catalog');
	const nodes = [
		{ ...whatsAppText('+4915112345678', 'outside the window'), name: 'Refused send', onError: 'continueErrorOutput' },
		{ ...whatsAppText(CUSTOMER, 'inside the window'), name: 'Good send', onError: 'continueErrorOutput' },
	];
	const base = manualWorkflow('WhatsApp error output e2e', nodes);
	const noOp = (name, y) => ({ id: name, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [520, y], parameters: {} });
	const workflow = await n8n.createWorkflow({
		...base,
		nodes: [...base.nodes, noOp('Sent', 0), noOp('Failed', 200)],
		connections: {
			...base.connections,
			'Refused send': { main: [[{ node: 'Sent', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] },
			'Good send': { main: [[{ node: 'Sent', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] },
		},
	});
	const execution = await n8n.runManually(workflow.id);
	expect(execution.status).toBe('success');
	const failed = execution.data.resultData.runData.Failed.flatMap((run) => run.data.main[0].map((item) => item.json));
	const sent = execution.data.resultData.runData.Sent.flatMap((run) => run.data.main[0].map((item) => item.json));
	expect(failed).toHaveLength(1);
	expect(failed[0].details).toMatchObject({ outcome: 'failed', code: 131047, category: expect.any(String), fbtraceId: expect.any(String) });
	expect(failed[0].details.fix).toBe(findMetaError(131047).sentence);
	expect(failed[0].message).toContain(findMetaError(131047).sentence);
	expect(sent).toEqual([expect.objectContaining({ messageId: expect.stringMatching(/^wamid\./), waId: CUSTOMER })]);
	expect(JSON.stringify(execution)).not.toContain(sb.seedResult.tokens.systemUser);
});
