'use strict';
// Lead Ads: the Meta Trigger on `leadgen` with Fetch Lead Details, and Meta Ads → Lead → Get, through the real engine
// against the sandbox (GET /{leadgen_id} and GET /{form_id} with the Page's token, leads_retrieval).
const { useTriggerFixture } = require('../support/fixture');
const { leadsAdmin, DEFAULT_FORM } = require('../sandbox/products/leads');
const { fireSampleEvent } = require('../sandbox/products/sample-events');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
});

const locator = (value) => ({ __rl: true, mode: 'id', value });
const ANSWERS = { email: 'jess@example.com', full_name: 'Jess Doe', phone_number: '+16505551234', preferred_colour: ['red', 'blue'] };

/** A user token of Ada's that carries leads_retrieval (the default seed's does not, as many real tokens do not). */
function leadsToken() {
	const { app, users } = fx.seed;
	const { tokens } = fx.admin.seed({ tokens: [{ type: 'USER', appId: app.id, userId: users.ada.id, scopes: [...fx.seed.scopes.facebook, 'leads_retrieval'], expiresIn: 5183944 }] });
	return tokens[0];
}

function accessCredential(token) {
	const { app } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret });
}

async function getLead(parameters, token = leadsToken()) {
	return await fx.engine.runNode({
		type: 'n8n-nodes-meta-business.metaAds',
		parameters: { authentication: 'metaAccessTokenApi', resource: 'lead', operation: 'get', page: locator(fx.seed.page.id), ...parameters },
		credentials: accessCredential(token),
	});
}

describe('Meta Ads → Lead → Get', () => {
	test("a known lead comes back as the person's answers, the form's name and Meta's raw answers", async () => {
		const lead = leadsAdmin(fx.sandbox.state).addLead({ answers: ANSWERS, adId: '6100000000000001' });
		const run = await getLead({ leadId: lead.id });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ ...ANSWERS, leadId: lead.id, formId: DEFAULT_FORM.id, formName: DEFAULT_FORM.name, pageId: fx.seed.page.id, adId: '6100000000000001' });
		expect(run.items[0].fieldData).toContainEqual({ name: 'email', values: ['jess@example.com'] });
		// Read with the Page's token, as Meta requires.
		const leadCall = fx.calls({ path: `/${lead.id}` }).pop();
		expect(leadCall.status).toBe(200);
	});

	test('a lead ID that is not digits is refused naming the field, before any call to Meta', async () => {
		const before = fx.calls().length;
		const run = await getLead({ leadId: '12/../me' });
		expect(`${run.error.message} ${run.error.description ?? ''}`).toMatch(/Lead ID must be the numeric ID.*"12\/\.\.\/me"/);
		expect(fx.calls().length).toBe(before);
	});

	test('without leads_retrieval Meta refuses and the node says which permission is missing', async () => {
		const lead = leadsAdmin(fx.sandbox.state).addLead({ answers: ANSWERS });
		const run = await getLead({ leadId: lead.id }, fx.seed.tokens.adaUser);
		expect(run.error).toBeDefined();
		expect(`${run.error.message} ${run.error.description ?? ''}`).toMatch(/leads_retrieval/);
	});
});

describe('Meta Trigger on leadgen with Fetch Lead Details', () => {
	async function leadTrigger(parameters = {}, token = leadsToken()) {
		const { app } = fx.seed;
		const credentials = {
			...fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'verify-me' }),
			...accessCredential(token),
		};
		// Why: the harness serves the trigger on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS URLs.
		fx.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
		return await triggers.start('metaTrigger', { object: 'page', fields: 'leadgen', subscribe: true, pageId: fx.seed.page.id, fetchLeadDetails: true, ...parameters }, credentials);
	}

	test('a lead delivered by the sandbox becomes one item with the answers and the form name', async () => {
		const hook = await leadTrigger();
		const admin = leadsAdmin(fx.sandbox.state);
		const lead = admin.addLead({ answers: ANSWERS });
		const result = await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: { object: 'page', entry: [admin.leadgenEntry(lead)] } });
		expect(result.status).toBe(200);
		expect(hook.executions).toHaveLength(1);
		const [item] = hook.executions[0].outputs[0];
		expect(item).toMatchObject({ field: 'leadgen', leadgen_id: lead.id, ...ANSWERS, formName: DEFAULT_FORM.name, leadId: lead.id });
	});

	test('the sample "lead" event reaches the subscribed trigger and carries the answers', async () => {
		const hook = await leadTrigger();
		// Activation subscribes the app (callback + leadgen) and installs it on the Page, as in n8n.
		expect(await hook.runWebhookMethod('create')).toBe(true);
		const sent = await fireSampleEvent(fx.sandbox.state, fx.sandbox.webhooks, { kind: 'lead', text: 'Sam Sample' });
		if (!sent.delivered) throw new Error(`the sandbox did not deliver the sample lead: ${sent.reason}`);
		expect(hook.executions).toHaveLength(1);
		expect(hook.executions[0].outputs[0][0]).toMatchObject({ full_name: 'Sam Sample', email: 'jess@example.com', leadId: sent.leadId });
	});

	test('a lead that cannot be read still becomes its item, saying why (nothing lost)', async () => {
		const hook = await leadTrigger({}, fx.seed.tokens.adaUser);
		const admin = leadsAdmin(fx.sandbox.state);
		const lead = admin.addLead({ answers: ANSWERS });
		await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: { object: 'page', entry: [admin.leadgenEntry(lead)] } });
		const [item] = hook.executions[0].outputs[0];
		expect(item.leadgen_id).toBe(lead.id);
		expect(item.email).toBeUndefined();
		expect(item.leadDetailsError).toMatch(/leads_retrieval/);
	});

	test('with a form chosen, leads of other forms are acknowledged and start nothing', async () => {
		const admin = leadsAdmin(fx.sandbox.state);
		const other = admin.addForm({ id: '567567567999', name: 'Other form' });
		const hook = await leadTrigger({ leadForm: locator(DEFAULT_FORM.id) });
		const wanted = admin.addLead({ answers: ANSWERS });
		const unwanted = admin.addLead({ formId: other.id, answers: { email: 'x@example.com' } });
		const result = await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: { object: 'page', entry: [admin.leadgenEntry(unwanted)] } });
		expect(result.status).toBe(200);
		expect(hook.executions).toHaveLength(0);
		await fx.sandbox.webhooks.deliver({ url: hook.url(), payload: { object: 'page', entry: [admin.leadgenEntry(wanted)] } });
		expect(hook.executions.map((e) => e.outputs[0][0].leadId)).toEqual([wanted.id]);
	});
});
