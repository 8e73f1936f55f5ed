'use strict';
// WhatsApp Cloud node, every message kind, media, recipients, the 24-hour window and Setup → Check, through real
// WorkflowExecute against the sandbox.
const { useFixture } = require('../support/fixture');
const w = require('../support/whatsapp');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

const CUSTOMER = '16505551234'; // has written to the seeded number a minute ago (open service window)
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

test('outside the 24-hour window a text fails with an error saying a template is needed', async () => {
	const result = await run(w.messageParams(fx.seed, 'sendText', { to: '+4915112345678', textBody: 'hi' }));
	expect(result.error.name).toBe('NodeApiError');
	expect(result.error.context.metaError).toMatchObject({ code: 131047, category: 'fix_configuration' });
	expect(result.error.description).toMatch(/approved template.*24 hours/);
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

test('Setup → Check reports on the token the node uses', async () => {
	const result = await run({ authentication: 'metaAccessTokenApi', resource: 'setup', operation: 'check' });
	expect(result.error).toBeUndefined();
	expect(result.items[0]).toMatchObject({ status: expect.stringMatching(/pass|warn/), checks: expect.arrayContaining([expect.objectContaining({ id: 'token.valid', status: 'pass' })]) });
});
