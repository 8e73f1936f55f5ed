'use strict';
// WhatsApp Cloud node, template management: create (every component kind the send form fills in), edit, delete,
// status and quality, Meta's refusals as NodeApiErrors, exactly-once writes, and a new template reaching the send form
// and Send Template without a restart; real WorkflowExecute against the sandbox over HTTP.
const { useFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

const credentials = () => w.systemUserCredential(fx);
const base = (operation, extra = {}) => ({ authentication: 'metaAccessTokenApi', resource: 'template', operation, wabaId: w.rl(fx.seed.waba.id), ...extra });
const run = (parameters, items = [{}], extra = {}) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: credentials(), parameters, items, ...extra });
const createCalls = () => fx.calls({ method: 'POST', path: `/${fx.seed.waba.id}/message_templates` });
const admin = () => w.whatsappAdmin(fx.sandbox.state);
const stored = (name) => w.templatesOf(fx.sandbox.state, fx.seed.waba.id).filter((t) => t.name === name);

const ORDER_SHIPPED = {
	newTemplateName: 'order_shipped',
	newTemplateLanguage: 'en_US',
	templateCategory: 'UTILITY',
	headerType: 'text',
	templateHeaderText: 'Order {{1}}',
	headerExample: '#1234',
	templateBodyText: 'Hi {{1}}, your order {{2}} is on its way.',
	bodyExamples: { example: [{ variable: '{{2}}', value: '#1234' }, { variable: '1', value: 'Jess' }] },
	templateFooterText: 'Reply STOP to opt out',
	templateButtons: {
		button: [
			{ type: 'quickReply', text: 'Stop updates' },
			{ type: 'url', text: 'Track', url: 'https://shop.example/t/{{1}}', urlExample: 'https://shop.example/t/1234' },
			{ type: 'phoneNumber', text: 'Call us', phoneNumber: '+49 30 1234567' },
			{ type: 'copyCode', couponExample: 'THANKS10' },
			{ type: 'flow', text: 'Rate us', flowId: '1234567890', flowAction: 'navigate', navigateScreen: 'RATE' },
		],
	},
};

test('create sends every component kind as Meta expects and says the template is in review', async () => {
	const result = await run(base('create', ORDER_SHIPPED));
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([
		expect.objectContaining({ id: expect.stringMatching(/^\d+$/), name: 'order_shipped', language: 'en_US', status: 'PENDING', category: 'UTILITY', note: expect.stringContaining('reviews') }),
	]);
	const [call] = createCalls();
	expect(call.status).toBe(200);
	expect(call.body).toEqual({
		name: 'order_shipped',
		language: 'en_US',
		category: 'UTILITY',
		parameter_format: 'POSITIONAL',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
			{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is on its way.', example: { body_text: [['Jess', '#1234']] } },
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Stop updates' },
					{ type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}', example: ['https://shop.example/t/1234'] },
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+49301234567' },
					{ type: 'COPY_CODE', example: 'THANKS10' },
					{ type: 'FLOW', text: 'Rate us', flow_id: '1234567890', flow_action: 'navigate', navigate_screen: 'RATE' },
				],
			},
		],
	});
});

test('named variables, media and location headers become the examples Meta reviews', async () => {
	const named = { newTemplateName: 'welcome_named', parameterFormat: 'NAMED', headerType: 'image', headerHandle: '4::aW1hZ2U=', templateBodyText: 'Welcome {{first_name}}, see you at {{store}}!', bodyExamples: { example: [{ variable: 'first_name', value: 'Jess' }, { variable: 'store', value: 'Berlin' }] } };
	const location = { newTemplateName: 'pickup_point', headerType: 'location', templateBodyText: 'Your parcel waits here for you.' };
	const result = await run(base('create', { templateCategory: 'MARKETING', newTemplateLanguage: 'de' , ...named }));
	expect(result.error).toBeUndefined();
	const second = await run(base('create', { templateCategory: 'UTILITY', newTemplateLanguage: 'en_US', ...location }));
	expect(second.error).toBeUndefined();
	const [first, other] = createCalls().map((c) => c.body);
	expect(first.components).toEqual([
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
		{ type: 'BODY', text: 'Welcome {{first_name}}, see you at {{store}}!', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Jess' }, { param_name: 'store', example: 'Berlin' }] } },
	]);
	expect(first.parameter_format).toBe('NAMED');
	expect(other.components[0]).toEqual({ type: 'HEADER', format: 'LOCATION' });
});

test.each([
	[{ bodyExamples: { example: [{ variable: '1', value: 'Jess' }] } }, /"Body Examples" has no example for \{\{2\}\}/],
	[{ templateBodyText: '{{1}} your order {{2}} shipped' }, /"Body" starts or ends with a variable/],
	[{ templateBodyText: 'Hi {{2}}, order {{1}}' }, /"Body" has the variables \{\{2\}\}, \{\{1\}\}/],
	[{ newTemplateName: 'Order Shipped' }, /"Name" "Order Shipped" is not a valid template name/],
	[{ templateFooterText: 'x'.repeat(61) }, /"Footer" is 61 characters long; WhatsApp allows 60/],
	[{ templateButtons: { button: [{ type: 'url', text: 'Go', url: 'https://a.example/{{1}}/x' }] } }, /"Buttons \(button 1\) URL" may have one variable, only at its end/],
])('bad content is refused before any call to Meta, naming the field (%#)', async (change, message) => {
	const result = await run(base('create', { ...ORDER_SHIPPED, ...change }));
	expect(result.error?.message).toMatch(message);
	expect(createCalls()).toHaveLength(0);
});

test("Meta's refusals become NodeApiErrors with the catalog's advice: name exists, variable at the edge (JSON mode), invalid example", async () => {
	const exists = await run(base('create', { ...ORDER_SHIPPED, newTemplateName: 'order_update' }));
	expect(exists.error?.name).toBe('NodeApiError');
	expect(exists.error.description).toMatch(/already exists in this language/);
	expect(exists.error.description).toMatch(/Meta error 100\/2388024/);
	const json = (components) => base('create', { newTemplateName: 'raw_json', contentSource: 'json', componentsJson: JSON.stringify(components) });
	const edge = await run(json([{ type: 'BODY', text: '{{1}} is ready', example: { body_text: [['Jess']] } }]));
	expect(edge.error?.name).toBe('NodeApiError');
	expect(edge.error.description).toMatch(/must not start or end with a variable/);
	expect(edge.error.description).toMatch(/Meta error 100\/2388299/);
	const noExample = await run(json([{ type: 'BODY', text: 'Hi {{1}}, thanks' }]));
	expect(noExample.error?.name).toBe('NodeApiError');
	expect(noExample.error.description).toMatch(/every variable needs an example/);
	expect(createCalls().map((c) => c.status)).toEqual([400, 400, 400]);
});

test('a template Meta rejects at once is an error that says where to read the reason', async () => {
	// Opt-in: the sandbox decides the review at once instead of leaving the template PENDING.
	admin().settings({ templateReview: 'reject' });
	const result = await run(base('create', ORDER_SHIPPED));
	expect(result.error?.name).toBe('NodeApiError');
	expect(result.error.description).toMatch(/rejected the template "order_shipped" \(en_US\).*Get Status/);
	expect(stored('order_shipped')[0].status).toBe('REJECTED');
});

test('status and quality: Get Status reads the review outcome, with the rejection reason, by name or by ID', async () => {
	const created = await run(base('create', ORDER_SHIPPED));
	const id = created.items[0].id;
	await admin().reviewTemplate(id, 'REJECTED', 'INVALID_FORMAT');
	const byName = await run(base('getStatus', { templateName: w.rl('order_shipped', 'name') }));
	expect(byName.items).toEqual([expect.objectContaining({ id, name: 'order_shipped', language: 'en_US', status: 'REJECTED', rejectedReason: 'INVALID_FORMAT', quality: 'UNKNOWN' })]);
	await admin().reviewTemplate(id, 'APPROVED');
	const byId = await run(base('getStatus', { templateBy: 'id', templateId: id }));
	expect(byId.items).toEqual([expect.objectContaining({ id, status: 'APPROVED', rejectedReason: null })]);
	const seeded = await run(base('getStatus', { templateName: w.rl('order_update', 'name') }));
	expect(seeded.items.map((t) => [t.language, t.quality])).toEqual([
		['en_US', 'GREEN'],
		['pt_BR', 'GREEN'],
	]);
});

test('edit replaces the content of a rejected template; an approved one is limited to one edit a day', async () => {
	const created = await run(base('create', ORDER_SHIPPED));
	const id = created.items[0].id;
	await admin().reviewTemplate(id, 'REJECTED', 'INVALID_FORMAT');
	const edit = (change = {}) => run(base('edit', { templateName: w.rl('order_shipped', 'name'), templateLanguage: 'en_US', templateBodyText: 'Hello {{1}}, order {{2}} has shipped today.', bodyExamples: ORDER_SHIPPED.bodyExamples, ...change }));
	const first = await edit();
	expect(first.error).toBeUndefined();
	expect(first.items).toEqual([expect.objectContaining({ id, edited: true, status: 'PENDING', previousStatus: 'REJECTED' })]);
	const [call] = fx.calls({ method: 'POST', path: `/${id}` });
	expect(call.body).toEqual({ components: [{ type: 'BODY', text: 'Hello {{1}}, order {{2}} has shipped today.', example: { body_text: [['Jess', '#1234']] } }] });
	await admin().reviewTemplate(id, 'APPROVED');
	const categoryChange = await edit({ newCategory: 'MARKETING' });
	expect(categoryChange.error?.message).toMatch(/"New Category" cannot change an approved template/);
	const once = await edit({ templateBodyText: 'Hello {{1}}, order {{2}} is out for delivery.' });
	expect(once.error).toBeUndefined();
	await admin().reviewTemplate(id, 'APPROVED');
	const twice = await edit({ templateBodyText: 'Hi {{1}}, order {{2}} is out for delivery now.' });
	expect(twice.error?.name).toBe('NodeApiError');
	expect(twice.error.description).toMatch(/edited once in 24 hours/);
});

test('delete by name removes every translation; by ID one translation', async () => {
	const byId = await run(base('delete', { templateBy: 'id', templateId: stored('order_update').find((t) => t.language === 'pt_BR').id }));
	expect(byId.items).toEqual([{ deleted: true, name: 'order_update', ids: [expect.any(String)], languages: ['pt_BR'] }]);
	expect(stored('order_update').map((t) => t.language)).toEqual(['en_US']);
	const [call] = fx.calls({ method: 'DELETE' });
	expect(call.query).toEqual(expect.objectContaining({ name: 'order_update', hsm_id: byId.items[0].ids[0] }));
	const byName = await run(base('delete', { templateName: w.rl('invoice_ready', 'name') }));
	expect(byName.error).toBeUndefined();
	expect(stored('invoice_ready')).toEqual([]);
	const again = await run(base('delete', { templateName: w.rl('invoice_ready', 'name') }));
	expect(again.error?.message).toMatch(/No template "invoice_ready"/);
});

test('exactly once: a retried execution does not create again, and a lost answer finds the template Meta created', async () => {
	const items = [{ n: 1 }];
	const first = await run(base('create', ORDER_SHIPPED), items);
	const retried = await fx.engine.rerun(first, { mode: 'retry' });
	expect(retried.items).toEqual(first.items);
	expect(createCalls()).toHaveLength(1);
	fx.admin.addFault({ kind: 'lostResponse', times: 1, match: { method: 'POST', path: `/${fx.seed.waba.id}/message_templates` } });
	const lost = await run(base('create', { ...ORDER_SHIPPED, newTemplateName: 'order_delayed' }));
	expect(lost.error).toBeUndefined();
	expect(lost.items).toEqual([expect.objectContaining({ name: 'order_delayed', status: 'PENDING', foundAfterLostAnswer: true })]);
	expect(stored('order_delayed')).toHaveLength(1);
});

test('a new template reaches the send form and Send Template once approved, without a restart', async () => {
	const templateValues = { body_1: 'Jess', body_2: '#1234', header_1: '#1234', button_1_url: '1234', button_3_coupon_code: 'THANKS10' };
	const send = () => fx.engine.runNode({ type: w.NODE_TYPE, credentials: credentials(), parameters: w.templateParams(fx.seed, 'order_shipped', 'en_US', templateValues, { to: '+4915112345678' }) });
	const before = await send();
	expect(before.error?.message).toMatch(/"order_shipped" does not exist/);
	const created = await run(base('create', ORDER_SHIPPED));
	const pending = await send();
	expect(pending.error?.message).toMatch(/is PENDING, not approved/);
	await admin().reviewTemplate(created.items[0].id, 'APPROVED');
	const picker = await w.callMethod(fx, credentials(), base('create'), 'listSearch', 'searchTemplates', 'order_sh');
	expect(picker.results).toEqual([{ name: 'order_shipped (en_US)', value: 'order_shipped' }]);
	const form = await w.callMethod(fx, credentials(), { ...w.templateParams(fx.seed, 'order_shipped', 'en_US', {}) }, 'resourceMapping', 'getTemplateVariables');
	expect(form.fields.map((f) => f.id)).toEqual(['header_1', 'body_1', 'body_2', 'button_0_payload', 'button_1_url', 'button_3_coupon_code']);
	const sent = await send();
	expect(sent.error).toBeUndefined();
	expect(sent.items[0]).toEqual(expect.objectContaining({ status: 'accepted', type: 'template' }));
});

test('the create-template example: its Create and Get Status nodes submit the template and read PENDING', async () => {
	const example = require('../../docs/examples/whatsapp-create-template.json');
	const node = (name) => example.nodes.find((n) => n.name === name);
	const created = await run(node('Create template').parameters);
	expect(created.error).toBeUndefined();
	expect(createCalls()[0].body.components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
	const status = await run(node('Review status').parameters, created.items);
	expect(status.items).toEqual([expect.objectContaining({ id: created.items[0].id, name: 'order_shipped', status: 'PENDING' })]);
});
