'use strict';
// WhatsApp Cloud product of the sandbox: phone numbers, templates, message validation, limits, media, status webhooks.
const crypto = require('crypto');
const { startSandbox, startReceiver } = require('./helpers');
const { whatsappAdmin } = require('../sandbox/products/whatsapp');

let ctx;
let wa;
let auth;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(async () => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	wa = whatsappAdmin(ctx.sandbox.state);
	auth = { headers: { Authorization: `Bearer ${ctx.seed.tokens.systemUser}` } };
});

const PHONE = '1600000000000001';
const WABA = '1500000000000001';
const get = (path) => ctx.api.get(ctx.fb(path), auth);
const send = (body, phone = PHONE) => ctx.api.post(ctx.fb(`/${phone}/messages`), { messaging_product: 'whatsapp', ...body }, auth);
const template = (name, components, code = 'en_US') => ({ to: '+4915112345678', type: 'template', template: { name, language: { code }, components } });
const text = (t) => ({ type: 'text', text: t });
/** The app's callback for whatsapp_business_account `messages`, and the account's install of the app (as Meta needs both). */
async function subscribeApp(url) {
	// Why: the receivers listen on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS callbacks.
	ctx.sandbox.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	const sub = await ctx.api.post(
		ctx.fb(`/${ctx.seed.app.id}/subscriptions`),
		new URLSearchParams({ object: 'whatsapp_business_account', callback_url: url, fields: 'messages', verify_token: 'v', access_token: ctx.seed.tokens.app }).toString(),
	);
	expect(sub.data).toEqual({ success: true });
	const install = await ctx.api.post(ctx.fb(`/${WABA}/subscribed_apps`), {}, auth);
	expect(install.data).toEqual({ success: true });
}

describe('phone numbers and accounts', () => {
	test('numbers of a WABA are paged and every field can be seeded per number', async () => {
		const ids = Array.from({ length: 5 }, (_, i) => String(1600000000000100 + i));
		ctx.sandbox.admin.seed({
			wabas: [
				{
					id: WABA,
					name: 'Sandbox WhatsApp Account',
					phoneNumberIds: [PHONE, ...ids],
					phoneNumbers: [
						{ id: ids[0], status: 'PENDING', code_verification_status: 'NOT_VERIFIED' },
						{ id: ids[1], quality_rating: 'RED' },
						{ id: ids[2], messaging_limit_tier: 'TIER_250', whatsapp_business_manager_messaging_limit: 'TIER_250' },
					],
				},
			],
		});
		const fields = 'id,display_phone_number,verified_name,quality_rating,code_verification_status,status,name_status,messaging_limit_tier,throughput';
		ctx.sandbox.admin.settings({ pagingShortPages: false }); // checks exact page sizes, which need full pages
		const first = await get(`/${WABA}/phone_numbers?limit=4&fields=${fields}`);
		expect(first.status).toBe(200);
		expect(first.data.data).toHaveLength(4);
		expect(first.data.paging.next).toBeDefined();
		const second = await get(`/${WABA}/phone_numbers?limit=4&fields=${fields}&after=${first.data.paging.cursors.after}`);
		expect(second.data.data).toHaveLength(2);
		expect(second.data.paging.next).toBeUndefined();
		const all = [...first.data.data, ...second.data.data];
		expect(all.find((n) => n.id === ids[0])).toMatchObject({ status: 'PENDING', code_verification_status: 'NOT_VERIFIED' });
		expect(all.find((n) => n.id === ids[1]).quality_rating).toBe('RED');
		expect(all.find((n) => n.id === PHONE)).toMatchObject({ status: 'CONNECTED', quality_rating: 'GREEN', messaging_limit_tier: 'TIER_1K', throughput: { level: 'STANDARD' }, name_status: 'APPROVED' });
		const one = await get(`/${ids[2]}?fields=messaging_limit_tier,status`);
		expect(one.data).toEqual({ messaging_limit_tier: 'TIER_250', status: 'CONNECTED', id: ids[2] });
	});

	test('WABA node and discovery through /me/businesses', async () => {
		const waba = await get(`/${WABA}?fields=id,name,currency,owner_business_info`);
		expect(waba.data).toMatchObject({ id: WABA, name: 'Sandbox WhatsApp Account', owner_business_info: { id: ctx.seed.business.id } });
		const businesses = await get('/me/businesses');
		expect(businesses.data.data.map((b) => b.id)).toEqual([ctx.seed.business.id]);
		const owned = await get(`/${ctx.seed.business.id}/owned_whatsapp_business_accounts`);
		expect(owned.data.data.map((w) => w.id)).toEqual([WABA, '1500000000000002']);
	});

	test('a token without WhatsApp permissions is refused; unknown fields are Graph errors', async () => {
		const r = await ctx.api.get(ctx.fb(`/${WABA}/phone_numbers`), { headers: { Authorization: `Bearer ${ctx.seed.tokens.eddieUser}` } });
		expect(r.data.error.code).toBe(200);
		const bad = await get(`/${PHONE}?fields=nope`);
		expect(bad.data.error.message).toMatch(/nonexisting field \(nope\) on node type \(WhatsAppBusinessPhoneNumber\)/);
	});

	test('sending from a number that is not registered fails with 133010', async () => {
		wa.setNumber(PHONE, { status: 'PENDING' });
		const r = await send(text({ body: 'hi' }));
		expect(r.data.error.code).toBe(133010);
	});
});

describe('templates', () => {
	test('list is paged and filtered by status, category, language and name', async () => {
		const page1 = await get(`/${WABA}/message_templates?limit=3`);
		expect(page1.data.data).toHaveLength(3);
		expect(page1.data.paging.next).toBeDefined();
		const approved = await get(`/${WABA}/message_templates?status=APPROVED&limit=100`);
		expect(approved.data.data.every((t) => t.status === 'APPROVED')).toBe(true);
		const marketing = await get(`/${WABA}/message_templates?category=MARKETING&limit=100&fields=name,category`);
		expect(marketing.data.data.every((t) => t.category === 'MARKETING')).toBe(true);
		const pt = await get(`/${WABA}/message_templates?language=pt_BR`);
		expect(pt.data.data.map((t) => `${t.name}/${t.language}`)).toEqual(['order_update/pt_BR']);
		const one = await get(`/${pt.data.data[0].id}?fields=name,language,status`);
		expect(one.data).toMatchObject({ name: 'order_update', language: 'pt_BR', status: 'APPROVED' });
	});

	const invoice = (over = {}) => [
		{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://files.example/i.pdf', filename: 'i.pdf' } }] },
		{ type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Jess' }, { type: 'text', parameter_name: 'invoice_number', text: 'INV-9' }] },
		{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'INV-9' }] },
	].map((c) => over[c.type] ?? c);

	test.each([
		['valid named template', template('invoice_ready', invoice()), null],
		['unknown template', template('nope', []), 132001],
		['missing language', template('order_update', [], 'de_DE'), 132001],
		['pending template', template('new_feature', []), 132001],
		['paused template', template('spring_sale', []), 132015],
		['disabled template', template('old_promo', []), 132016],
		['missing body variable', template('invoice_ready', invoice({ body: { type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Jess' }] } })), 132000],
		['named parameter without name', template('invoice_ready', invoice({ body: { type: 'body', parameters: [{ type: 'text', text: 'Jess' }, { type: 'text', text: 'x' }] } })), 132012],
		['unknown parameter name', template('invoice_ready', invoice({ body: { type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Jess' }, { type: 'text', parameter_name: 'nope', text: 'x' }] } })), 132012],
		['wrong header kind', template('invoice_ready', invoice({ header: { type: 'header', parameters: [{ type: 'image', image: { link: 'https://x/y.jpg' } }] } })), 132012],
		['missing URL button', template('invoice_ready', invoice().slice(0, 2)), 132000],
		['button index out of range', template('invoice_ready', invoice({ button: { type: 'button', sub_type: 'url', index: '4', parameters: [{ type: 'text', text: 'x' }] } })), 131009],
		['positional count', template('order_update', [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://x/p.jpg' } }] }, { type: 'body', parameters: [{ type: 'text', text: 'Jess' }] }, { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '1' }] }]), 132000],
		['static template with no components', template('hello_world', []), null],
	])('%s', async (_name, body, code) => {
		const r = await send(body);
		if (code === null) {
			expect(r.status).toBe(200);
			expect(r.data.messages[0]).toMatchObject({ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' });
		} else {
			expect(r.data.error.code).toBe(code);
			expect(r.data.error.error_data.details).toEqual(expect.any(String));
		}
	});
});

describe('messages', () => {
	test('recipient format: tolerated punctuation, refused letters, sender = recipient', async () => {
		const ok = await send({ to: '+1 (650) 555-1234', ...text({ body: 'hi' }) });
		expect(ok.data.contacts[0].wa_id).toBe('16505551234');
		expect((await send({ to: 'call me', ...text({ body: 'hi' }) })).data.error.code).toBe(131009);
		expect((await send({ to: '+1 555-000-1111', ...text({ body: 'hi' }) })).data.error.code).toBe(131021);
	});

	test('the seed opens no service window: a text to the seed\'s customer is accepted, then fails with 131047 at the subscribed callback', async () => {
		const receiver = await startReceiver((req) => (req.method === 'GET' ? { status: 200, body: new URL(req.url, 'http://x').searchParams.get('hub.challenge') } : { status: 200 }));
		try {
			await subscribeApp(receiver.url);
			const r = await send({ to: '+16505551234', ...text({ body: 'hi' }) });
			expect(r.status).toBe(200);
			expect(r.data.messages[0].id).toMatch(/^wamid\./);
			const posts = () => receiver.received.filter((x) => x.method === 'POST');
			for (let i = 0; i < 100 && posts().length < 1; i++) await new Promise((res) => setTimeout(res, 10));
			const [delivery] = posts();
			const sig = 'sha256=' + crypto.createHmac('sha256', ctx.seed.app.secret).update(delivery.raw).digest('hex');
			expect(delivery.headers['x-hub-signature-256']).toBe(sig);
			const status = JSON.parse(delivery.raw.toString()).entry[0].changes[0].value.statuses[0];
			expect(status).toMatchObject({ id: r.data.messages[0].id, status: 'failed', recipient_id: '16505551234', errors: [expect.objectContaining({ code: 131047, title: 'Re-engagement message' })] });
			// failed only, no sent/delivered/read for it (Meta may deliver an event twice, hence the set)
			expect([...new Set(posts().map((x) => JSON.parse(x.raw.toString()).entry[0].changes[0].value.statuses[0].status))]).toEqual(['failed']);
		} finally {
			await receiver.close();
		}
	});

	test('a customer message opens the window for 24 hours; the kind setting refuses at once (131047) outside it', async () => {
		const to = '+4915112345678';
		wa.customerMessaged(PHONE, to, 3600);
		expect((await send({ to, ...text({ body: 'hi' }) })).status).toBe(200);
		expect(wa.accepted().at(-1).category).toBe('service');
		ctx.sandbox.state.advanceClock(23 * 3600 + 1);
		const late = await send({ to, ...text({ body: 'hi' }) });
		expect(late.status).toBe(200); // accepted; it fails later as a status
		wa.settings({ windowErrorMode: 'sync' });
		expect((await send({ to, ...text({ body: 'hi' }) })).data.error.code).toBe(131047);
		expect((await send(template('hello_world', []))).status).toBe(200);
	});

	test('a sample customer message (the demo\'s whatsapp-reply event) opens the window of the number it was sent to', async () => {
		const { fireSampleEvent } = require('../sandbox/products/sample-events');
		await fireSampleEvent(ctx.sandbox.state, ctx.sandbox.webhooks, { kind: 'whatsapp-reply', text: 'Yes please' });
		const r = await send({ to: '+16505551234', ...text({ body: 'Thanks!' }) });
		expect(r.status).toBe(200);
		expect(wa.accepted().at(-1)).toMatchObject({ waId: '16505551234', category: 'service' });
	});

	test('a recipient without + is read as a national number of the business: Meta puts the business country code in front', async () => {
		const tmpl = (to) => ({ ...template('hello_world', []), to });
		const us = await send(tmpl('6505551234'));
		expect(us.data.contacts).toEqual([{ input: '6505551234', wa_id: '16505551234' }]);
		wa.setNumber(PHONE, { display_phone_number: '+49 30 5550 1111' });
		const de = await send(tmpl('4915112345678'));
		expect(de.data.contacts[0].wa_id).toBe('494915112345678'); // not the +49 151… number the digits meant
		expect((await send(tmpl('+4915112345678'))).data.contacts[0].wa_id).toBe('4915112345678');
		// Kind setting: digits without + taken as international.
		wa.settings({ recipientWithoutPlus: 'international' });
		expect((await send(tmpl('4915112345678'))).data.contacts[0].wa_id).toBe('4915112345678');
	});

	test('mark as read: only a message the number received; an unknown wamid is refused', async () => {
		wa.customerMessaged(PHONE, '+16505551234', 0, 'wamid.in1');
		expect((await send({ status: 'read', message_id: 'wamid.in1' })).data).toEqual({ success: true });
		const unknown = await send({ status: 'read', message_id: 'wamid.unknown1' });
		expect(unknown.status).toBe(400);
		expect(unknown.data.error).toMatchObject({ code: 131009, error_data: { details: expect.stringMatching(/wamid\.unknown1.*received/) } });
		expect(wa.reads().map((r) => r.messageId)).toEqual(['wamid.in1']);
		// Kind setting: any wamid is accepted.
		wa.settings({ markReadUnknown: 'accept' });
		expect((await send({ status: 'read', message_id: 'wamid.unknown1' })).data).toEqual({ success: true });
	});

	test('messaging limit: unique customers reached outside a window per business portfolio and rolling 24 h', async () => {
		const receiver = await startReceiver();
		try {
			wa.statusWebhook({ url: receiver.url, delaysMs: { sent: 1, delivered: 1, read: 1, failed: 1 }, skipDelivered: true });
			const limit = await get(`/${PHONE}?fields=whatsapp_business_manager_messaging_limit,messaging_limit_tier`);
			expect(limit.data).toMatchObject({ whatsapp_business_manager_messaging_limit: 'TIER_2K', messaging_limit_tier: 'TIER_1K' });
			wa.setNumber(PHONE, { whatsapp_business_manager_messaging_limit: 'TIER_50' });
			const to = (n) => `+49151${2000000 + n}`;
			const results = [];
			for (let n = 0; n < 51; n++) results.push(await send({ ...template('hello_world', []), to: to(n) }));
			expect(results.every((r) => r.status === 200)).toBe(true); // accepted: Meta reports it later
			expect(wa.messagingLimitUsage(ctx.seed.business.id)).toBe(50);
			// The same 50 people again, and a customer who wrote (open window): not new, not counted.
			expect((await send({ ...template('hello_world', []), to: to(0) })).status).toBe(200);
			wa.customerMessaged(PHONE, to(99), 60);
			expect((await send({ ...template('hello_world', []), to: to(99) })).status).toBe(200);
			expect(wa.messagingLimitUsage(ctx.seed.business.id)).toBe(50);
			const over = results[50].data.messages[0].id;
			for (let i = 0; i < 200 && !receiver.received.some((r) => r.raw.includes(over)); i++) await new Promise((res) => setTimeout(res, 10));
			const statuses = receiver.received.map((r) => JSON.parse(r.raw.toString()).entry[0].changes[0].value.statuses[0]);
			const failed = statuses.filter((st) => st.status === 'failed');
			expect([...new Set(failed.map((st) => st.id))]).toEqual([over]);
			expect(failed[0].errors).toBeUndefined(); // Meta documents no error code for it (test/sandbox/README.md)
			ctx.sandbox.state.advanceClock(24 * 3600 + 1);
			expect(wa.messagingLimitUsage(ctx.seed.business.id)).toBe(0);
		} finally {
			await receiver.close();
		}
	});

	test('sends carry no X-Business-Use-Case-Usage header (Cloud API sending is not a BUC use case)', async () => {
		const r = await send(template('hello_world', []));
		expect(r.status).toBe(200);
		expect(r.headers['x-business-use-case-usage']).toBeUndefined();
		// Business Management calls on the account keep theirs, keyed by the WABA.
		const templates = await get(`/${WABA}/message_templates?limit=1`);
		expect(Object.keys(JSON.parse(templates.headers['x-business-use-case-usage']))).toEqual([WABA]);
	});

	test('interactive limits: 3 reply buttons, list rows, cta url', async () => {
		const to = '+16505551234';
		wa.customerMessaged(PHONE, to, 60);
		const button = (n) => ({ type: 'reply', reply: { id: `b${n}`, title: `Button ${n}` } });
		const buttons = (n) => ({ to, type: 'interactive', interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: Array.from({ length: n }, (_, i) => button(i)) } } });
		expect((await send(buttons(3))).status).toBe(200);
		expect((await send(buttons(4))).data.error.code).toBe(131009);
		const rows = (n) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
		const list = (n) => ({ to, type: 'interactive', interactive: { type: 'list', body: { text: 'Menu' }, action: { button: 'Open', sections: [{ title: 'A', rows: rows(n) }] } } });
		expect((await send(list(10))).status).toBe(200);
		expect((await send(list(11))).data.error.code).toBe(131009);
		const cta = { to, type: 'interactive', interactive: { type: 'cta_url', body: { text: 'See' }, action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://shop.example' } } } };
		expect((await send(cta)).status).toBe(200);
	});

	test('text, reaction, location, contacts and mark as read with typing indicator', async () => {
		const to = '+16505551234';
		wa.customerMessaged(PHONE, to, 60, 'wamid.in1');
		expect((await send({ to, ...text({ body: 'x'.repeat(4097) }) })).data.error.code).toBe(100);
		expect((await send({ to, type: 'reaction', reaction: { message_id: 'wamid.abc', emoji: '👍' } })).status).toBe(200);
		expect((await send({ to, type: 'location', location: { latitude: 52.5, longitude: 13.4, name: 'Office' } })).status).toBe(200);
		expect((await send({ to, type: 'contacts', contacts: [{ name: { formatted_name: 'Jess' } }] })).status).toBe(200);
		expect((await send({ to, type: 'contacts', contacts: [{ name: {} }] })).data.error.code).toBe(131008);
		const read = await send({ status: 'read', message_id: 'wamid.in1', typing_indicator: { type: 'text' } });
		expect(read.data).toEqual({ success: true });
		expect(wa.reads()).toEqual([expect.objectContaining({ messageId: 'wamid.in1', typing: true })]);
	});

	test('throughput: beyond the number’s rate within one second → 130429, nothing counted for refusals', async () => {
		wa.setNumber(PHONE, { mps: 5 });
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send(template('hello_world', []), PHONE).then((r) => r.data.error?.code ?? 'ok')).map((p, i) => p));
		expect(results.filter((r) => r === 'ok')).toHaveLength(5);
		expect(results.filter((r) => r === 130429)).toHaveLength(3);
		ctx.sandbox.state.advanceClock(1.1);
		expect((await send(template('hello_world', []))).status).toBe(200);
	});

	test('pair rate: too many messages to the same person → 131056, other recipients unaffected', async () => {
		wa.settings({ pairBurst: 2, pairRefillSeconds: 6 });
		const one = { ...template('hello_world', []), to: '+4915100000001' };
		expect((await send(one)).status).toBe(200);
		expect((await send(one)).status).toBe(200);
		expect((await send(one)).data.error.code).toBe(131056);
		expect((await send({ ...one, to: '+4915100000002' })).status).toBe(200);
		ctx.sandbox.state.advanceClock(6);
		expect((await send(one)).status).toBe(200);
	});
});

describe('media', () => {
	test('upload → id, GET id → url, download needs the token; unsupported types refused', async () => {
		const FormData = globalThis.FormData;
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('type', 'application/pdf');
		form.append('file', new Blob([Buffer.from('%PDF-1.4 sandbox')], { type: 'application/pdf' }), 'a.pdf');
		const up = await ctx.api.post(ctx.fb(`/${PHONE}/media`), form, auth);
		expect(up.data.id).toMatch(/^\d+$/);
		const meta = await get(`/${up.data.id}`);
		expect(meta.data).toMatchObject({ messaging_product: 'whatsapp', mime_type: 'application/pdf', file_size: 16, id: up.data.id });
		expect(meta.data.sha256).toBe(crypto.createHash('sha256').update('%PDF-1.4 sandbox').digest('hex'));
		const path = meta.data.url.replace(ctx.url, '');
		expect((await ctx.api.get(path)).status).toBeGreaterThanOrEqual(400);
		const bytes = await ctx.api.get(path, { ...auth, responseType: 'arraybuffer' });
		expect(Buffer.from(bytes.data).toString()).toBe('%PDF-1.4 sandbox');
		wa.customerMessaged(PHONE, '+16505551234', 60);
		expect((await send({ to: '+16505551234', type: 'document', document: { id: up.data.id, filename: 'a.pdf' } })).status).toBe(200);
		expect((await send({ to: '+16505551234', type: 'document', document: { id: '999' } })).data.error.code).toBe(131009);
		const bad = new FormData();
		bad.append('messaging_product', 'whatsapp');
		bad.append('type', 'application/zip');
		bad.append('file', new Blob([Buffer.from('zip')]), 'a.zip');
		expect((await ctx.api.post(ctx.fb(`/${PHONE}/media`), bad, auth)).data.error.code).toBe(131053);
	});
});

describe('status webhooks', () => {
	test('sent, delivered, read signed to the configured URL; failed with errors[] for undeliverable recipients', async () => {
		const receiver = await startReceiver();
		try {
			wa.statusWebhook({ url: receiver.url, delaysMs: { sent: 1, delivered: 2, read: 3, failed: 1 } });
			wa.settings({ undeliverable: new Set(['4915199999999']) });
			const ok = await send(template('hello_world', []));
			const bad = await send({ ...template('hello_world', []), to: '+4915199999999' });
			expect(bad.status).toBe(200);
			for (let i = 0; i < 100 && receiver.received.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
			const bodies = receiver.received.map((r) => {
				const sig = 'sha256=' + crypto.createHmac('sha256', ctx.seed.app.secret).update(r.raw).digest('hex');
				expect(r.headers['x-hub-signature-256']).toBe(sig);
				return JSON.parse(r.raw.toString()).entry[0].changes[0].value.statuses[0];
			});
			const of = (id) => bodies.filter((s) => s.id === id).map((s) => s.status).sort();
			expect(of(ok.data.messages[0].id)).toEqual(['delivered', 'read', 'sent']);
			const failed = bodies.find((s) => s.id === bad.data.messages[0].id);
			expect(failed).toMatchObject({ status: 'failed', recipient_id: '4915199999999', errors: [expect.objectContaining({ code: 131026 })] });
		} finally {
			await receiver.close();
		}
	});

	test('without a configured URL, statuses go where the app subscribed whatsapp_business_account messages', async () => {
		const receiver = await startReceiver((req) => (req.method === 'GET' ? { status: 200, body: new URL(req.url, 'http://x').searchParams.get('hub.challenge') } : { status: 200 }));
		try {
			await subscribeApp(receiver.url);
			const ok = await send(template('hello_world', []));
			for (let i = 0; i < 100 && receiver.received.filter((r) => r.method === 'POST').length < 3; i++) await new Promise((r) => setTimeout(r, 10));
			const statuses = receiver.received.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.raw.toString()).entry[0].changes[0].value.statuses[0]);
			expect(statuses.map((st) => st.status).sort()).toEqual(['delivered', 'read', 'sent']);
			expect(statuses.every((st) => st.id === ok.data.messages[0].id)).toBe(true);
		} finally {
			await receiver.close();
		}
	});
});
