'use strict';
// Meta Conversions API node, Event → Send, through n8n-core's real WorkflowExecute against the sandbox over HTTP.
const crypto = require('crypto');
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { useFixture } = require('../support/fixture');
const { conversionsTools, NODE, DEFAULT_PIXEL } = require('../support/conversions');

const fixture = useFixture();
let fx;
let capi;
beforeEach(() => {
	fx = fixture();
	capi = conversionsTools(fx);
});

const sha = (text) => crypto.createHash('sha256').update(text).digest('hex');
const EVENTS = '/*/events';

describe('sending', () => {
	test('a Lead from a CRM: email and phone normalised and hashed, lead id as event_id, test code; the answer is counted', async () => {
		const run = await capi.run({
			eventName: 'Lead',
			actionSource: 'system_generated',
			eventId: '441000000000001',
			userData: { email: '  Jess@Example.COM ', phone: '+1 (650) 555-1234', firstName: 'Jess', leadId: '441000000000001' },
			options: { testEventCode: 'TEST123' },
		});
		expect(run.error).toBeUndefined();
		const [event] = capi.events();
		expect(event).toEqual({
			event_name: 'Lead',
			event_time: expect.any(Number),
			action_source: 'system_generated',
			event_id: '441000000000001',
			user_data: { em: [sha('jess@example.com')], ph: [sha('16505551234')], fn: sha('jess'), lead_id: '441000000000001' },
			pixelId: DEFAULT_PIXEL.id,
			testEventCode: 'TEST123',
		});
		expect(Math.abs(event.event_time - Date.now() / 1000)).toBeLessThan(60);
		expect(run.items).toEqual([
			expect.objectContaining({ eventName: 'Lead', eventId: '441000000000001', datasetId: DEFAULT_PIXEL.id, eventsReceived: 1, testEventCode: 'TEST123', fbtraceId: expect.any(String) }),
		]);
		// The token travels in the Authorization header, never in the URL; appsecret_proof is added.
		const call = fx.calls({ path: EVENTS })[0];
		expect(call.query.access_token).toBeUndefined();
		expect(call.query.appsecret_proof).toMatch(/^[a-f0-9]{64}$/);
	});

	test('Meta’s own normalisation examples hash to Meta’s published values; a value that is already a hash is not hashed twice', async () => {
		const hashed = sha('already@hashed.example');
		await capi.run({
			actionSource: 'website',
			eventSourceUrl: 'https://shop.example.com/thanks',
			eventName: 'Purchase',
			customData: { value: 42.5, currency: 'EUR', contentIds: 'sku-1, sku-2', orderId: 'o-7' },
			userData: { email: 'John_Smith@gmail.com', phone: '1 (650)555-1212', lastName: 'Mary', externalId: hashed, clientUserAgent: 'Mozilla/5.0', clientIpAddress: '203.0.113.9', fbp: 'fb.1.1.2' },
		});
		const [event] = capi.events();
		// "Customer Information Parameters" page: john_smith@gmail.com, 16505551212 and mary.
		expect(event.user_data.em).toEqual(['62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f']);
		expect(event.user_data.ph).toEqual(['e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176']);
		expect(event.user_data.ln).toBe('6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec');
		expect(event.user_data.external_id).toBe(hashed);
		expect(event.user_data).toMatchObject({ client_user_agent: 'Mozilla/5.0', client_ip_address: '203.0.113.9', fbp: 'fb.1.1.2' });
		expect(event).toMatchObject({ event_source_url: 'https://shop.example.com/thanks', custom_data: { value: 42.5, currency: 'eur', content_ids: ['sku-1', 'sku-2'], order_id: 'o-7' } });
	});

	test('1,001 items go out as a request of 1,000 and one of 1 (Meta’s maximum per request), one output item each', async () => {
		const items = Array.from({ length: 1001 }, () => ({}));
		const run = await capi.run({ eventName: 'custom', customEventName: 'QualifiedLead', actionSource: 'other', userData: { email: 'person@example.com' } }, { items });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: EVENTS }).map((c) => JSON.parse(c.body.data).length)).toEqual([1000, 1]);
		expect(run.items).toHaveLength(1001);
		expect(run.items[1000]).toMatchObject({ eventName: 'QualifiedLead', eventsReceived: 1 });
	});

	test('a smaller Batch Size and mapped values: each item its own event, in order', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ email: `person${i}@example.com`, id: `order-${i}` }));
		const run = await capi.run({ actionSource: 'other', eventId: '={{ $json.id }}', userData: { email: '={{ $json.email }}' }, options: { batchSize: 2 } }, { items });
		expect(fx.calls({ path: EVENTS }).map((c) => JSON.parse(c.body.data).length)).toEqual([2, 2, 1]);
		expect(run.items.map((i) => i.eventId)).toEqual(['order-0', 'order-1', 'order-2', 'order-3', 'order-4']);
		expect(capi.events()[3].user_data.em).toEqual([sha('person3@example.com')]);
	});
});

describe('exactly once', () => {
	test('a retried execution does not send an event again and returns its first result', async () => {
		const first = await capi.run({ actionSource: 'other', eventId: 'lead-1', userData: { email: 'a@example.com' } });
		expect(first.error).toBeUndefined();
		const again = await fx.engine.rerun(first, { mode: 'retry' });
		expect(again.error).toBeUndefined();
		expect(capi.events()).toHaveLength(1);
		expect(again.items[0]).toMatchObject({ eventId: 'lead-1', alreadySent: true });
	});

	test('no answer from Meta: the event is not sent again by Retry On Fail, and the item says the outcome is unknown', async () => {
		fx.admin.addFault({ kind: 'lostResponse', times: 1, match: { path: EVENTS } });
		const run = await capi.run({ actionSource: 'other', userData: { email: 'b@example.com' } }, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0, continueOnFail: true });
		expect(capi.events()).toHaveLength(1);
		expect(fx.calls({ path: EVENTS })).toHaveLength(1);
		expect(run.items[0].details).toMatchObject({ outcome: 'unknown', retryable: false });
	});

	test('Meta counting fewer events than were sent is an error for each event of that request, not a success', async () => {
		fx.admin.addFault({ kind: 'answer', times: 1, status: 200, body: { events_received: 1, messages: [], fbtrace_id: 'AbC' }, match: { path: EVENTS } });
		const run = await capi.run({ actionSource: 'other', userData: { email: '={{ $json.email }}' } }, { items: [{ email: 'c@example.com' }, { email: 'd@example.com' }], continueOnFail: true });
		expect(run.items.map((i) => i.details && i.details.outcome)).toEqual(['unknown', 'unknown']);
		expect(run.items[0].message).toMatch(/counted 1 of the 2 events/);
	});
});

describe('Meta’s refusals', () => {
	test('an invalid hashed field (sent as given under More User Data): Meta refuses the request and nothing is kept', async () => {
		const run = await capi.run({ actionSource: 'other', userData: { email: 'e@example.com' }, options: { extraUserDataJson: JSON.stringify({ ct: 'Berlin' }) } });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.context.metaError).toMatchObject({ code: 100 });
		expect(run.error.description).toMatch(/Meta said: data\[0\]\.user_data\.ct must be a SHA-256 hash/);
		expect(capi.events()).toHaveLength(0);
	});

	test('an event Meta sees as more than 7 days old (n8n’s clock behind Meta’s): 100/2804003 with what to do', async () => {
		fx.admin.advanceClock(8 * 24 * 3600);
		const run = await capi.run({ actionSource: 'other', userData: { email: 'f@example.com' } });
		expect(run.error.context.metaError).toMatchObject({ code: 100, subcode: 2804003, title: 'Event time too old' });
		expect(run.error.description).toMatch(/up to 7 days after they happened/);
		expect(capi.events()).toHaveLength(0);
	});

	test('a token without ads_management is refused with the permission error', async () => {
		const creds = fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.adaUser, appId: fx.seed.app.id, appSecret: fx.seed.app.secret });
		const run = await capi.run({ actionSource: 'other', userData: { email: 'g@example.com' } }, { creds });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.context.metaError.code).toBe(200);
		expect(capi.events()).toHaveLength(0);
	});
});

describe('checked before any call to Meta', () => {
	const eightDaysAgo = () => new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
	const cases = [
		['an email that is not one', { actionSource: 'other', userData: { email: 'jess at example' } }, /Email "jess at example" is not an email address/],
		['a phone without enough digits', { actionSource: 'other', userData: { phone: '12-34' } }, /Phone "12-34" is not a phone number with its country code/],
		['no user data', { actionSource: 'other', userData: {} }, /User Data is empty/],
		['an event time 8 days ago', { actionSource: 'other', eventTime: eightDaysAgo(), userData: { email: 'h@example.com' } }, /more than 7 days ago/],
		['an event time in the future', { actionSource: 'other', eventTime: String(Math.floor(Date.now() / 1000) + 3600), userData: { email: 'h@example.com' } }, /is in the future/],
		['a website event without its URL', { actionSource: 'website', userData: { email: 'h@example.com', clientUserAgent: 'UA' } }, /Event Source URL is required for website events/],
		['a website event without the user agent', { actionSource: 'website', eventSourceUrl: 'https://x.example', userData: { email: 'h@example.com' } }, /need User Data → Client User Agent/],
		['a Purchase without value and currency', { actionSource: 'other', eventName: 'Purchase', userData: { email: 'h@example.com' } }, /Purchase event needs Custom Data → Value and Currency/],
		['a country that is not a code', { actionSource: 'other', userData: { email: 'h@example.com', country: 'Germany' } }, /Country "Germany" is not a two-letter ISO 3166 country code/],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		const run = await capi.run(parameters);
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toMatch(message);
		expect(fx.calls({ path: EVENTS })).toHaveLength(0);
	});
});

test('the dataset picker lists the datasets of the credential’s ad accounts', async () => {
	capi.admin().addPixel({ id: '1800000000000002', name: 'Newsletter dataset' });
	const parameters = capi.parameters();
	const node = { id: 'capi', name: 'Meta Conversions API', type: NODE, typeVersion: 1, position: [0, 0], parameters, credentials: capi.credential() };
	const workflow = new Workflow({ id: 'w', name: 'w', active: false, nodeTypes: fx.engine.nodeTypeProvider, nodes: [node], connections: {} });
	const context = new core.LoadOptionsContext(workflow, node, { ...fx.engine.additionalData(workflow), currentNodeParameters: parameters }, 'parameters.pixel');
	const list = await fx.engine.nodeTypeProvider.getByNameAndVersion(NODE, 1).methods.listSearch.searchPixels.call(context, 'news');
	expect(list.results).toEqual([{ name: "Newsletter dataset (Ada's Shop Ads)", value: '1800000000000002', url: 'https://business.facebook.com/events_manager2/list/dataset/1800000000000002' }]);
});
