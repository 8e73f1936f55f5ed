'use strict';
// WhatsApp Cloud node, every message kind, media, recipients, the 24-hour window and Setup → Check, through real
// WorkflowExecute against the sandbox.
const { useTriggerFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const triggers = useTriggerFixture();
let fx;
beforeEach(() => {
	fx = triggers.fixture();
	// The customer wrote a minute ago, as a customer does (nothing opens a window by default).
	w.whatsappAdmin(fx.sandbox.state).customerMessaged(fx.seed.waba.phoneNumberId, CUSTOMER, 60);
});

const CUSTOMER = '16505551234';
const run = (parameters, items = [{}], extra = {}) => fx.engine.runNode({ type: w.NODE_TYPE, credentials: w.systemUserCredential(fx), parameters, items, ...extra });
const send = (operation, extra, items) => run(w.messageParams(fx.seed, operation, { to: CUSTOMER, ...extra }), items);
const sentPayloads = () => w.accepted(fx).map((m) => m.payload);

test('text with link preview, as a reply in context, with callback data', async () => {
	const result = await send('sendText', {
		textBody: 'Your order shipped: https://shop.example/o/1',
		previewUrl: true,
		sendOptions: { replyToMessageId: 'wamid.in123', bizOpaqueCallbackData: 'order-1' },
	});
	expect(result.error).toBeUndefined();
	expect(result.items[0]).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), to: `+${CUSTOMER}`, waId: CUSTOMER, type: 'text' });
	expect(sentPayloads()).toEqual([
		{
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: `+${CUSTOMER}`,
			type: 'text',
			text: { body: 'Your order shipped: https://shop.example/o/1', preview_url: true },
			context: { message_id: 'wamid.in123' },
			biz_opaque_callback_data: 'order-1',
		},
	]);
});

/** Polls until `find()` gives something (the sandbox sends status webhooks a few milliseconds after the send). */
async function eventually(find, ms = 3000) {
	for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
		const found = find();
		if (found) return found;
	}
	return find();
}

describe('outside the 24-hour window', () => {
	test('Meta accepts the text (the node says accepted, not delivered) and 131047 arrives later as a failed status on the subscribed trigger', async () => {
		const { app, waba, tokens } = fx.seed;
		const triggerCredentials = {
			...fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'verify-me' }),
			...fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser }),
		};
		// Why: the harness serves the trigger on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS URLs.
		fx.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
		const hook = await triggers.start('whatsAppCloudTrigger', { events: ['status'], statuses: ['failed'], subscribe: true, whatsappAccountId: waba.id }, triggerCredentials);
		expect(await hook.runWebhookMethod('create')).toBe(true);

		const result = await run(w.messageParams(fx.seed, 'sendText', { to: '+4915112345678', textBody: 'hi' }));
		expect(result.error).toBeUndefined();
		const [sent] = result.items;
		expect(sent).toMatchObject({ messageId: expect.stringMatching(/^wamid\./), status: 'accepted', waId: '4915112345678' });
		expect(sent.note).toMatch(/not delivered yet/i);
		expect(sent.note).toMatch(/WhatsApp Cloud Trigger/);
		expect(fx.calls({ path: `/${waba.phoneNumberId}/messages` }).map((c) => c.status)).toEqual([200]);

		const failed = await eventually(() => hook.executions.flatMap((e) => e.outputs[0]).find((item) => item.eventId === `status:${sent.messageId}:failed`));
		expect(failed).toMatchObject({ kind: 'status', status: 'failed', accountId: waba.id, recipientId: '4915112345678', phoneNumberId: waba.phoneNumberId });
		expect(failed.error).toMatchObject({ code: 131047, title: 'Re-engagement message' });
		// Posted by the sandbox's signed sender to the URL the trigger subscribed (the trigger checked the signature).
		expect(hook.responses.some((r) => r.method === 'POST' && r.status === 200)).toBe(true);
	});

	test('the template-fallback example: the failed status it listens for sends its template to that customer', async () => {
		const example = require('../../docs/examples/whatsapp-template-fallback.json');
		const node = (type) => example.nodes.find((n) => n.type === type);
		const trigger = node('n8n-nodes-meta-business.whatsAppCloudTrigger');
		const check = node('n8n-nodes-base.if').parameters.conditions.conditions[0];
		const fallback = node('n8n-nodes-meta-business.whatsAppCloud');
		expect(JSON.stringify(example)).not.toMatch(/1[56]000000000000\d\d/); // no sandbox IDs: the user sets the account
		expect(check).toMatchObject({ leftValue: '={{ $json.error?.code }}', rightValue: 131047, operator: { type: 'number', operation: 'equals' } });
		expect(example.connections[trigger.name].main[0][0].node).toBe('Outside the 24-hour window?');

		const { app, waba, tokens } = fx.seed;
		const triggerCredentials = {
			...fx.credential('metaAppApi', { appId: app.id, appSecret: app.secret, verifyToken: 'verify-me' }),
			...fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser }),
		};
		// Why: the harness serves the trigger on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS URLs.
		fx.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
		const hook = await triggers.start(trigger.type.split('.')[1], { ...trigger.parameters, whatsappAccountId: waba.id }, triggerCredentials);
		expect(await hook.runWebhookMethod('create')).toBe(true);
		const [sent] = (await run(w.messageParams(fx.seed, 'sendText', { to: '+4915112345678', textBody: 'Your table is ready' }))).items;
		const failed = await eventually(() => hook.executions.flatMap((e) => e.outputs[0]).find((item) => item.eventId === `status:${sent.messageId}:failed`));
		expect(failed.error.code).toBe(check.rightValue);

		const result = await run(fallback.parameters, [failed]);
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ status: 'accepted', waId: '4915112345678', type: 'template' });
		expect(sentPayloads().at(-1)).toMatchObject({ to: '+4915112345678', type: 'template', template: { name: 'hello_world' }, biz_opaque_callback_data: `fallback for ${sent.messageId}` });
	});

	test('with Meta set to refuse at once (the older behaviour), the error says a template is needed', async () => {
		// Kind setting: Meta sometimes refuses synchronously; the node must explain that refusal too.
		w.whatsappAdmin(fx.sandbox.state).settings({ windowErrorMode: 'sync' });
		const result = await run(w.messageParams(fx.seed, 'sendText', { to: '+4915112345678', textBody: 'hi' }));
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.context.metaError).toMatchObject({ code: 131047, category: 'fix_configuration' });
		expect(result.error.description).toMatch(/approved template.*24 hours/);
	});
});

test('a WhatsApp ID without + (as a webhook gives it) goes out with +, so Meta does not put the business country code in front', async () => {
	// The seeded number is American (+1): without the +, Meta would read the digits as a national number.
	const admin = w.whatsappAdmin(fx.sandbox.state);
	admin.setNumber(fx.seed.waba.phoneNumberId, { display_phone_number: '+49 30 5550 1111' });
	admin.customerMessaged(fx.seed.waba.phoneNumberId, '4915112345678', 60);
	const result = await send('sendText', { to: '4915112345678', textBody: 'hi' });
	expect(result.error).toBeUndefined();
	expect(sentPayloads()[0].to).toBe('+4915112345678');
	expect(result.items[0].waId).toBe('4915112345678');
});

describe('recipients are normalised, never given a guessed country code', () => {
	test.each([
		['00 49 (151) 1234-5678', '+4915112345678'],
		['+1 650.555.1234', '+16505551234'],
		['16505551234', '+16505551234'],
	])('%s → %s', async (input, expected) => {
		w.whatsappAdmin(fx.sandbox.state).customerMessaged(fx.seed.waba.phoneNumberId, expected);
		const result = await send('sendText', { to: input, textBody: 'hi' });
		expect(result.error).toBeUndefined();
		expect(sentPayloads()[0].to).toBe(expected);
	});
	test.each([
		['0151 12345678', /starts with 0, so it has no country code/],
		['call me', /contains characters that are not part of a phone number/],
		['+49 151', /has 5 digits/],
		['', /is empty/],
	])('%j is refused before sending', async (input, message) => {
		const result = await send('sendText', { to: '={{ $json.to }}', textBody: 'hi' }, [{ to: input }]);
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(result.error.message).toMatch(/"To"/);
		expect(fx.calls({ path: `/${fx.seed.waba.phoneNumberId}/messages` })).toHaveLength(0);
	});
});

describe('media', () => {
	test('by URL with caption, by media id, and from binary data (uploaded first) as a document', async () => {
		const admin = w.whatsappAdmin(fx.sandbox.state);
		const stored = admin.storeMedia({ phoneNumberId: fx.seed.waba.phoneNumberId, data: Buffer.from('RIFF....WEBP'), mimeType: 'image/webp' });
		expect((await send('sendMedia', { mediaType: 'image', mediaSource: 'url', mediaUrl: 'https://cdn.example/p.jpg', caption: 'New!' })).error).toBeUndefined();
		expect((await send('sendMedia', { mediaType: 'sticker', mediaSource: 'id', mediaId: stored.id })).error).toBeUndefined();
		w.useBinaryStart(fx);
		const pdf = Buffer.from('%PDF-1.4 invoice');
		const items = [{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'invoice.pdf' } } }];
		const doc = await send('sendMedia', { mediaType: 'document', mediaSource: 'binary', binaryPropertyName: 'data', caption: 'Invoice', fileName: 'invoice.pdf' }, items);
		expect(doc.error).toBeUndefined();
		const payloads = sentPayloads();
		expect(payloads[0].image).toEqual({ link: 'https://cdn.example/p.jpg', caption: 'New!' });
		expect(payloads[1].sticker).toEqual({ id: stored.id });
		const uploadedId = payloads[2].document.id;
		expect(payloads[2].document).toEqual({ id: uploadedId, caption: 'Invoice', filename: 'invoice.pdf' });
		expect(admin.store().media.get(uploadedId).data.toString()).toBe('%PDF-1.4 invoice');
	});

	test('upload gives an id; download turns a media id into n8n binary data', async () => {
		w.useBinaryStart(fx);
		const bytes = Buffer.from('89504e470d0a1a0a', 'hex');
		const upload = await run(
			{ authentication: 'metaAccessTokenApi', resource: 'media', operation: 'upload', wabaId: w.rl(fx.seed.waba.id), phoneNumberId: w.rl(fx.seed.waba.phoneNumberId), binaryPropertyName: 'img' },
			[{ json: {}, binary: { img: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: 'a.png' } } }],
		);
		expect(upload.error).toBeUndefined();
		const id = upload.items[0].id;
		expect(id).toMatch(/^\d+$/);
		const download = await run({ authentication: 'metaAccessTokenApi', resource: 'media', operation: 'download', downloadMediaId: id, outputBinaryField: 'file' });
		expect(download.error).toBeUndefined();
		expect(download.items[0]).toMatchObject({ id, mime_type: 'image/png', file_size: bytes.length });
		expect(download.items[0].url).toBeUndefined();
		const binary = download.taskData.data.main[0][0].binary.file;
		expect(binary.mimeType).toBe('image/png');
		expect(Buffer.from(binary.data, 'base64').equals(bytes)).toBe(true);
		const fetched = fx.calls({ host: 'lookaside.fbsbx.com' });
		expect(fetched).toHaveLength(1);
		expect(fetched[0].status).toBe(200);
	});
});

describe('media download file names', () => {
	const download = (parameters, items) =>
		run({ authentication: 'metaAccessTokenApi', resource: 'media', operation: 'download', outputBinaryField: 'file', ...parameters }, items);
	const fileOf = (result) => result.taskData.data.main[0][0].binary.file;

	test('a voice note (audio/ogg; codecs=opus) is named .ogg, not .bin', async () => {
		const voice = w.whatsappAdmin(fx.sandbox.state).storeMedia({ phoneNumberId: fx.seed.waba.phoneNumberId, data: Buffer.from('OggS voice'), mimeType: 'audio/ogg; codecs=opus' });
		const result = await download({ downloadMediaId: voice.id });
		expect(result.error).toBeUndefined();
		expect(fileOf(result).fileName).toBe(`whatsapp-${voice.id}.ogg`);
		expect(fileOf(result).mimeType).toMatch(/^audio\/ogg/);
	});

	test("a document keeps the name the sender gave it: from the field, or read from the incoming message item", async () => {
		const admin = w.whatsappAdmin(fx.sandbox.state);
		const pdf = admin.storeMedia({ phoneNumberId: fx.seed.waba.phoneNumberId, data: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf' });
		const named = await download({ downloadMediaId: pdf.id, downloadFileName: 'Invoice March.pdf' });
		expect(named.error).toBeUndefined();
		expect(fileOf(named).fileName).toBe('Invoice March.pdf');
		// The WhatsApp Cloud Trigger's item of an incoming document: the node finds the file name there itself.
		const incoming = [{ kind: 'message', messageType: 'document', document: { id: pdf.id, mime_type: 'application/pdf', filename: 'contract-2041.pdf' } }];
		const fromItem = await download({ downloadMediaId: '={{ $json.document.id }}' }, incoming);
		expect(fromItem.error).toBeUndefined();
		expect(fileOf(fromItem).fileName).toBe('contract-2041.pdf');
		expect(fileOf(fromItem).fileExtension).toBe('pdf');
	});
});

describe('interactive', () => {
	test('three reply buttons, a list grouped into sections, a call-to-action URL', async () => {
		const buttons = { button: [1, 2, 3].map((n) => ({ id: `b${n}`, title: `Option ${n}` })) };
		expect((await send('sendInteractive', { interactiveType: 'button', bodyText: 'Pick one', footerText: 'Thanks', replyButtons: buttons })).error).toBeUndefined();
		const rows = { row: [
			{ section: 'Shoes', id: 's1', title: 'Sneakers', description: 'White' },
			{ section: 'Shoes', id: 's2', title: 'Boots' },
			{ section: 'Bags', id: 'b1', title: 'Tote' },
		] };
		expect((await send('sendInteractive', { interactiveType: 'list', headerText: 'Menu', bodyText: 'Browse', listButtonText: 'Open', listRows: rows })).error).toBeUndefined();
		expect((await send('sendInteractive', { interactiveType: 'cta_url', bodyText: 'Track it', ctaDisplayText: 'Track', ctaUrl: 'https://shop.example/t/1' })).error).toBeUndefined();
		const [b, l, c] = sentPayloads().map((p) => p.interactive);
		expect(b).toEqual({ type: 'button', body: { text: 'Pick one' }, footer: { text: 'Thanks' }, action: { buttons: buttons.button.map((reply) => ({ type: 'reply', reply })) } });
		expect(l.action).toEqual({
			button: 'Open',
			sections: [
				{ title: 'Shoes', rows: [{ id: 's1', title: 'Sneakers', description: 'White' }, { id: 's2', title: 'Boots' }] },
				{ title: 'Bags', rows: [{ id: 'b1', title: 'Tote' }] },
			],
		});
		expect(l.header).toEqual({ type: 'text', text: 'Menu' });
		expect(c.action).toEqual({ name: 'cta_url', parameters: { display_text: 'Track', url: 'https://shop.example/t/1' } });
	});

	test('a fourth button or a too-long title is refused before sending', async () => {
		const four = { button: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Option ${n}` })) };
		expect((await send('sendInteractive', { interactiveType: 'button', bodyText: 'Pick', replyButtons: four })).error.message).toMatch(/has 4 buttons; WhatsApp allows 1 to 3/);
		const long = { button: [{ id: 'x', title: 'A title that is far too long' }] };
		expect((await send('sendInteractive', { interactiveType: 'button', bodyText: 'Pick', replyButtons: long })).error.message).toMatch(/"Button 1 Title" is 28 characters long; WhatsApp allows 20/);
		expect(w.accepted(fx)).toHaveLength(0);
	});
});

test('reaction, location, contacts and mark as read with the typing indicator', async () => {
	expect((await send('sendReaction', { reactionMessageId: 'wamid.in1', emoji: '❤️' })).error).toBeUndefined();
	expect((await send('sendLocation', { latitude: 52.520008, longitude: 13.404954, locationName: 'Shop', address: 'Berlin' })).error).toBeUndefined();
	expect((await send('sendContacts', { contacts: { contact: [{ formattedName: 'Jess Doe', firstName: 'Jess', phone: '+16505551234', email: 'jess@example.com' }] } })).error).toBeUndefined();
	w.whatsappAdmin(fx.sandbox.state).customerMessaged(fx.seed.waba.phoneNumberId, CUSTOMER, 0, 'wamid.in9');
	const read = await run(w.messageParams(fx.seed, 'markAsRead', { readMessageId: 'wamid.in9', typingIndicator: true }));
	expect(read.error).toBeUndefined();
	expect(read.items).toEqual([{ success: true, messageId: 'wamid.in9' }]);
	const [reaction, location, contacts] = sentPayloads();
	expect(reaction.reaction).toEqual({ message_id: 'wamid.in1', emoji: '❤️' });
	expect(location.location).toEqual({ latitude: 52.520008, longitude: 13.404954, name: 'Shop', address: 'Berlin' });
	expect(contacts.contacts).toEqual([
		{ name: { formatted_name: 'Jess Doe', first_name: 'Jess' }, phones: [{ phone: '+16505551234', type: 'CELL' }], emails: [{ email: 'jess@example.com', type: 'WORK' }] },
	]);
	expect(w.whatsappAdmin(fx.sandbox.state).reads()).toEqual([expect.objectContaining({ messageId: 'wamid.in9', typing: true })]);
	const badRead = await run(w.messageParams(fx.seed, 'markAsRead', { readMessageId: '12345' }));
	expect(badRead.error.message).toMatch(/"Message ID" should be a WhatsApp message ID/);
});

test('mark as read of a message the number never received: Meta refuses it and the error names the message ID', async () => {
	const result = await run(w.messageParams(fx.seed, 'markAsRead', { readMessageId: 'wamid.neverReceived1' }));
	expect(result.error.name).toBe('NodeApiError');
	expect(result.error.description).toMatch(/wamid\.neverReceived1/);
	expect(result.error.description).toMatch(/received/);
	expect(w.whatsappAdmin(fx.sandbox.state).reads()).toEqual([]);
});

test('Setup → Check reports on the token the node uses', async () => {
	const result = await run({ authentication: 'metaAccessTokenApi', resource: 'setup', operation: 'check' });
	expect(result.error).toBeUndefined();
	expect(result.items[0]).toMatchObject({ status: expect.stringMatching(/pass|warn/), checks: expect.arrayContaining([expect.objectContaining({ id: 'token.valid', status: 'pass' })]) });
});
