'use strict';
// WhatsApp Cloud node, templates: the send form built from the template itself, pre-send checks, list and get,
// through real WorkflowExecute against the sandbox.
const { useFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

const run = (parameters, items = [{}], extra = {}) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters, items, ...extra });
const messagesCalls = () => fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages` });

const INVOICE_VALUES = {
	header_media: '={{ $json.invoiceUrl }}',
	header_filename: '={{ $json.invoice + ".pdf" }}',
	body_customer_name: '={{ $json.firstName }}',
	body_invoice_number: '={{ $json.invoice }}',
	button_0_url: '={{ $json.invoice }}',
};

test('a document-header template with two named variables and a URL button, filled from expressions, reaches Meta exactly as Meta expects', async () => {
	const items = [{ phone: '+49 151 1234-5678', firstName: 'Jess', invoice: 'INV-2041', invoiceUrl: 'https://files.example/INV-2041.pdf' }];
	const result = await run(w.templateParams(fx.seed, 'invoice_ready', 'en_US', INVOICE_VALUES, { to: '={{ $json.phone }}' }), items);
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([
		{
			messageId: expect.stringMatching(/^wamid\./),
			status: 'accepted',
			note: expect.stringMatching(/^Accepted by WhatsApp, not delivered yet/),
			to: '+4915112345678',
			waId: '4915112345678',
			phoneNumberId: fx.seed.waba.phoneNumberId,
			type: 'template',
		},
	]);
	const [call] = messagesCalls();
	expect(call.status).toBe(200);
	expect(call.body).toEqual({
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: '+4915112345678',
		type: 'template',
		template: {
			name: 'invoice_ready',
			language: { code: 'en_US' },
			components: [
				{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://files.example/INV-2041.pdf', filename: 'INV-2041.pdf' } }] },
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'customer_name', text: 'Jess' },
						{ type: 'text', parameter_name: 'invoice_number', text: 'INV-2041' },
					],
				},
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'INV-2041' }] },
			],
		},
	});
});

test('a positional template with an image header from binary data uploads the image first and sends its media id', async () => {
	w.useBinaryStart(fx);
	const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
	const items = [{ json: { name: 'Ana', order: '#77' }, binary: { photo: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } }];
	const values = { header_media: 'photo', body_1: '={{ $json.name }}', body_2: '={{ $json.order }}', button_0_payload: 'TRACK_77', button_1_url: '77' };
	const result = await run(w.templateParams(fx.seed, 'order_update', 'pt_BR', values, { to: '4915112345678', headerMediaSource: 'binary' }), items);
	expect(result.error).toBeUndefined();
	const upload = fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/media` });
	expect(upload).toHaveLength(1);
	const [mediaId] = w.whatsappAdmin(fx.sandbox.state).store().media.keys();
	expect(messagesCalls()[0].body.template.components).toEqual([
		{ type: 'header', parameters: [{ type: 'image', image: { id: mediaId } }] },
		{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#77' }] },
		{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK_77' }] },
		{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '77' }] },
	]);
});

test('a location header and an authentication code button', async () => {
	const pickup = await run(
		w.templateParams(fx.seed, 'store_pickup', 'en_US', { header_location_latitude: '52.52', header_location_longitude: '13.405', header_location_name: 'Shop', body_1: '#12' }, { to: '+4915112345678' }),
	);
	expect(pickup.error).toBeUndefined();
	const code = await run(w.templateParams(fx.seed, 'login_code', 'en_US', { body_1: '482913', button_0_url: '482913' }, { to: '+4915112345678' }));
	expect(code.error).toBeUndefined();
	const [a, b] = messagesCalls().map((c) => c.body.template.components);
	expect(a).toEqual([
		{ type: 'header', parameters: [{ type: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Shop' } }] },
		{ type: 'body', parameters: [{ type: 'text', text: '#12' }] },
	]);
	expect(b).toEqual([
		{ type: 'body', parameters: [{ type: 'text', text: '482913' }] },
		{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482913' }] },
	]);
});

describe('checked against the template before anything is sent', () => {
	const cases = [
		['a missing variable', 'invoice_ready', 'en_US', { ...INVOICE_VALUES, body_invoice_number: '' }, /"Body \{\{invoice_number\}\}" is empty/],
		['an extra variable', 'invoice_ready', 'en_US', { ...INVOICE_VALUES, body_discount: '10%' }, /"body_discount" is not a variable of the template "invoice_ready"/],
		['a wrong header kind', 'invoice_ready', 'en_US', { ...INVOICE_VALUES, header_media: 'https://files.example/photo.jpg' }, /points to a image file, but this needs a document/],
		['a template that is not approved', 'new_feature', 'en_US', { body_1: 'x' }, /"new_feature" \(en_US\) is PENDING, not approved/],
		['a paused template', 'spring_sale', 'en_US', {}, /"spring_sale" \(en_US\) is PAUSED/],
		['a language the template does not have', 'order_update', 'de_DE', {}, /"order_update" has no "de_DE" translation \(field "Language"\)/],
		['a template that does not exist', 'no_such_template', 'en_US', {}, /"no_such_template" does not exist/],
	];
	test.each(cases)('%s', async (_name, template, language, values, message) => {
		const items = [{ firstName: 'Jess', invoice: 'INV-1', invoiceUrl: 'https://files.example/INV-1.pdf' }];
		const result = await run(w.templateParams(fx.seed, template, language, values, { to: '+4915112345678' }), items);
		expect(result.error).toBeDefined();
		expect(result.error.name).toBe('NodeOperationError');
		expect(`${result.error.message}`).toMatch(message);
		expect(messagesCalls()).toHaveLength(0);
	});

	test('a binary header of the wrong kind is refused before upload', async () => {
		w.useBinaryStart(fx);
		const items = [{ json: {}, binary: { file: { data: Buffer.from('x').toString('base64'), mimeType: 'image/png', fileName: 'x.png' } } }];
		const values = { header_media: 'file', body_customer_name: 'Jess', body_invoice_number: 'INV-1', button_0_url: 'INV-1' };
		const result = await run(w.templateParams(fx.seed, 'invoice_ready', 'en_US', values, { to: '+4915112345678', headerMediaSource: 'binary' }), items);
		expect(result.error.message).toMatch(/holds image\/png, which is not a document/);
		expect(fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/media` })).toHaveLength(0);
		expect(messagesCalls()).toHaveLength(0);
	});
});

describe('the editor: account, number and template pickers, language list and the variables form', () => {
	test('accounts and numbers are listed page by page', async () => {
		fx.admin.settings({ pagingShortPages: false }); // checks exact picker page sizes, which need full Graph pages
		const ids = Array.from({ length: 60 }, (_, i) => String(1600000000000200 + i));
		fx.admin.seed({ wabas: [{ id: fx.seed.waba.id, name: 'Sandbox WhatsApp Account', phoneNumberIds: [fx.seed.waba.phoneNumberId, ...ids], phoneNumbers: [{ id: ids[3], quality_rating: 'RED' }] }] });
		const creds = w.systemUserCredential(fx);
		const params = w.messageParams(fx.seed, 'sendText');
		const accounts = await w.callMethod(fx, creds, params, 'listSearch', 'searchAccounts');
		expect(accounts.results.map((r) => r.value)).toEqual([fx.seed.waba.id, fx.seed.secondWaba.id]);
		const first = await w.callMethod(fx, creds, params, 'listSearch', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBeDefined();
		const second = await w.callMethod(fx, creds, params, 'listSearch', 'searchPhoneNumbers', undefined, first.paginationToken);
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].find((r) => r.value === ids[3]).name).toMatch(/quality RED/);
	});

	test('templates: approved only, filtered by a language code; languages and the variables form come from the template', async () => {
		fx.admin.settings({ pagingShortPages: false }); // checks exact picker page sizes, which need full Graph pages
		const creds = w.systemUserCredential(fx);
		const params = w.templateParams(fx.seed, 'invoice_ready', 'en_US', {});
		const all = await w.callMethod(fx, creds, params, 'listSearch', 'searchTemplates');
		const names = all.results.map((r) => r.value);
		expect(names).toEqual(expect.arrayContaining(['order_update', 'invoice_ready', 'hello_world']));
		expect(names).not.toContain('spring_sale');
		w.whatsappAdmin(fx.sandbox.state).addTemplates(fx.seed.waba.id, Array.from({ length: 70 }, (_, i) => ({ name: `promo_${String(i).padStart(2, '0')}`, components: [{ type: 'BODY', text: 'x' }] })));
		const page1 = await w.callMethod(fx, creds, params, 'listSearch', 'searchTemplates');
		const page2 = await w.callMethod(fx, creds, params, 'listSearch', 'searchTemplates', undefined, page1.paginationToken);
		expect(page1.paginationToken).toBeDefined();
		expect(page2.paginationToken).toBeUndefined();
		expect(new Set([...page1.results, ...page2.results].map((r) => r.value)).size).toBe(names.length + 70);
		const pt = await w.callMethod(fx, creds, params, 'listSearch', 'searchTemplates', 'pt_BR');
		expect(pt.results).toEqual([{ name: 'order_update (pt_BR)', value: 'order_update' }]);
		const languages = await w.callMethod(fx, creds, { ...params, templateName: w.rl('order_update', 'name') }, 'loadOptions', 'getTemplateLanguages');
		expect(languages.map((l) => l.value)).toEqual(['en_US', 'pt_BR']);
		const form = await w.callMethod(fx, creds, params, 'resourceMapping', 'getTemplateVariables');
		expect(form.fields.map((f) => [f.id, f.required])).toEqual([
			['header_media', true],
			['header_filename', false],
			['body_customer_name', true],
			['body_invoice_number', true],
			['button_0_url', true],
		]);
	});
});

describe('template operations', () => {
	test('get many: filters by status, category and language, paginated over every page', async () => {
		const extra = Array.from({ length: 130 }, (_, i) => ({ name: `bulk_${String(i).padStart(3, '0')}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] }));
		w.whatsappAdmin(fx.sandbox.state).addTemplates(fx.seed.waba.id, extra);
		const base = { authentication: 'metaAccessTokenApi', resource: 'template', operation: 'list', wabaId: w.rl(fx.seed.waba.id) };
		const all = await run({ ...base, returnAll: true, filters: { status: ['APPROVED'], category: ['UTILITY'] } });
		expect(all.error).toBeUndefined();
		const approvedUtility = w.whatsappAdmin(fx.sandbox.state).store().templates.get(fx.seed.waba.id).filter((t) => t.status === 'APPROVED' && t.category === 'UTILITY');
		expect(approvedUtility.length).toBeGreaterThan(130);
		expect(all.items.map((t) => t.id).sort()).toEqual(approvedUtility.map((t) => t.id).sort());
		expect(all.items.every((t) => t.status === 'APPROVED' && t.category === 'UTILITY')).toBe(true);
		expect(fx.calls({ path: `/${fx.seed.waba.id}/message_templates` }).length).toBeGreaterThanOrEqual(2); // later pages may be short or empty
		const pt = await run({ ...base, returnAll: false, limit: 5, filters: { language: 'pt_BR' } });
		expect(pt.items.map((t) => t.name)).toEqual(['order_update']);
	});

	test('get: every translation, or one language', async () => {
		const base = { authentication: 'metaAccessTokenApi', resource: 'template', operation: 'get', wabaId: w.rl(fx.seed.waba.id), templateName: w.rl('order_update', 'name') };
		const both = await run({ ...base, templateLanguage: '' });
		expect(both.items.map((t) => t.language)).toEqual(['en_US', 'pt_BR']);
		const one = await run({ ...base, templateLanguage: 'pt_BR' });
		expect(one.items).toEqual([expect.objectContaining({ name: 'order_update', language: 'pt_BR', status: 'APPROVED', components: expect.any(Array) })]);
	});
});
