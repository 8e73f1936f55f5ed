'use strict';
// Workflows saved before the action nodes became versioned (test/fixtures/saved-v1, written with those nodes) still
// load and run the same way in n8n's real engine against the sandbox: typeVersion 1 with only the parameters n8n stored.
// The waits the nodes take are recorded (n8n-workflow's sleep), so a retry's wait is read exactly, not timed.
jest.mock('n8n-workflow', () => require('../support/recordedSleep').n8nWorkflowWithRecordedSleep());
const { waits, clearWaits } = require('../support/recordedSleep');
const { useFixture } = require('../support/fixture');
const { FILES, savedWorkflow, savedCredentialData, CUSTOMER } = require('../support/savedWorkflows');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	clearWaits();
});

async function runSaved(file) {
	const credentialIds = {};
	for (const [id, { type, data }] of Object.entries(savedCredentialData(fx.seed, fx.url))) {
		credentialIds[id] = fx.engine.credentials.add(type, data);
	}
	const workflow = savedWorkflow(file);
	const run = await fx.engine.runWorkflow(workflow, { credentialIds });
	expect(run.error).toBeUndefined();
	const ours = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-meta-business.'));
	expect(ours.every((n) => n.typeVersion === 1)).toBe(true);
	expect(run.ran).toEqual(expect.arrayContaining(ours.map((n) => n.name)));
	return run;
}

test('the fixtures are the four action nodes at version 1', () => {
	const types = new Set(FILES.flatMap((f) => savedWorkflow(f).nodes.map((n) => n.type)));
	for (const node of ['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor']) expect(types).toContain(`n8n-nodes-meta-business.${node}`);
});

test('Instagram: the saved publish posts once and reads the limit; its Retry Wait option still sets the retry wait', async () => {
	fx.admin.addFault({ match: { path: '/*/content_publishing_limit' }, kind: 'http5xx', code: 2, times: 1 });
	const run = await runSaved('instagram-publish-image');
	expect(run.items('Publish image')).toEqual([expect.objectContaining({ published: true, mediaType: 'IMAGE' })]);
	expect(fx.calls({ path: '/*/media_publish' }).filter((c) => c.status === 200)).toHaveLength(1);
	const limitCalls = fx.calls({ path: '/*/content_publishing_limit' });
	expect(limitCalls.map((c) => c.status)).toEqual([500, 200]);
	// The saved 0.05 s Retry Wait, not the 1 s default: the repeat waited 25–50 ms (jittered half to all of it).
	expect(waits().filter((ms) => ms >= 25 && ms <= 50)).toHaveLength(1);
	expect(run.items('Publishing limit')[0]).toEqual(expect.objectContaining({ quotaUsage: expect.any(Number) }));
});

test('WhatsApp: the saved text goes out once to the customer', async () => {
	whatsappAdmin(fx.sandbox.state).customerMessaged(fx.seed.waba.phoneNumberId, CUSTOMER, 60);
	const run = await runSaved('whatsapp-send-text');
	expect(run.items('Send text')).toEqual([expect.objectContaining({ messageId: expect.stringMatching(/^wamid\./), waId: CUSTOMER })]);
	expect(fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages`, method: 'POST' })).toHaveLength(1);
});

test('Meta Ads: the saved insights run with version 1 defaults (Facebook Login, all rows, simplified)', async () => {
	const run = await runSaved('meta-ads-insights');
	const rows = run.items('Ad insights');
	expect(rows.length).toBeGreaterThan(0);
	expect(typeof rows[0].impressions).toBe('number'); // simplified, as version 1 does by default
	const insightCalls = fx.calls({ path: '/*/insights' });
	expect(insightCalls.length).toBeGreaterThan(0);
	// Signed with the Facebook Login credential's token (version 1's default authentication).
	expect(insightCalls.every((c) => c.tokenType === 'USER')).toBe(true);
});

test('Setup Doctor: the saved check reports on the system user token', async () => {
	const run = await runSaved('setup-doctor');
	const [report] = run.items('Check token');
	expect(report.status).toMatch(/^(pass|warn|fail)$/);
	expect(report.checks.find((c) => c.id === 'token.valid')).toMatchObject({ status: 'pass' });
});
