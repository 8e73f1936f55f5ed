'use strict';
// Every text, ID and number parameter of every action node, enumerated from the node descriptions, fed objects,
// lists, null, numbers, empty and whitespace-only values by expression: each run fails before any Meta call, with
// an error naming the field (its display name) and showing what it got.
const { useFixture } = require('../support/fixture');
const { actionNodeFields } = require('../support/parameterFields');

const fixture = useFixture();
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

/** Valid values for the fields that are not under test, so only the field under test can be refused. */
function goodValues(seed) {
	const { campaigns } = seed.adAccount;
	return {
		account: rl(seed.instagram.id),
		media: rl('17900000000000001'),
		pickerMedia: rl('17900000000000001'),
		commentId: rl('17800000000000001'),
		message: 'Thanks for the comment!',
		containerId: '17900000000000002',
		imageUrl: 'https://cdn.example.com/photo.jpg',
		videoUrl: 'https://cdn.example.com/clip.mp4',
		binaryPropertyName: 'data',
		caption: 'Hello',
		mentionMediaId: '17900000000000003',
		mentionId: '17800000000000002',
		text: 'Hi there',
		recipientId: '27000000000000009',
		messageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx',
		reaction: 'love',
		mediaUrl: 'https://cdn.example.com/photo.jpg',
		warnDays: 14,
		limit: 5,
		wabaId: rl(seed.waba.id),
		phoneNumberId: rl(seed.waba.phoneNumberId),
		downloadMediaId: '1234567890123',
		outputBinaryField: 'data',
		readMessageId: WAMID,
		to: '+15551234567',
		headerText: 'Header',
		bodyText: 'Body',
		footerText: 'Footer',
		listButtonText: 'Choose',
		ctaDisplayText: 'Open',
		ctaUrl: 'https://example.com/offer',
		latitude: 52.52,
		longitude: 13.4,
		locationName: 'Office',
		address: 'Main Street 1',
		mediaId: '1234567890123',
		fileName: 'invoice.pdf',
		reactionMessageId: WAMID,
		emoji: '👍',
		templateName: rl('hello_world', 'name'),
		textBody: 'Hello',
		adAccount: rl(seed.adAccount.id),
		campaign: rl(campaigns.springSale),
		adSet: rl('120200000000010002'),
		ad: rl('120200000000010003'),
		otherFields: '',
		timeIncrementDays: 3,
	};
}

/** Option and list fields n8n or the operation requires, set so only the field under test can be refused. */
const REQUIRED_LISTS = {
	templateLanguage: 'en_US',
	contacts: { contact: [{ formattedName: 'Ada Lovelace' }] },
	replyButtons: { button: [{ id: 'yes', title: 'Yes' }] },
	listRows: { row: [{ id: 'row-1', title: 'First' }] },
};

const FALLBACK = { string: 'value', number: 1, resourceLocator: rl('1234567890') };

/** What an expression may hand a field by mistake; an unsafe integer is refused by text and ID fields alike. */
function badValues(field) {
	const common = [
		['an object', '={{ { "caption": "hi" } }}'],
		['a list', '={{ ["x", "y"] }}'],
		['null', '={{ null }}'],
	];
	if (field.type === 'number') return [...common, ['text', '={{ "twelve" }}']];
	const text = [...common, ['a number', '={{ 12345678901234567890 }}']];
	return field.required ? [...text, ['empty text', '={{ "" }}'], ['whitespace', '={{ "   " }}']] : text;
}

function credentialFor(fx, node) {
	const { tokens, app } = fx.seed;
	if (node === 'whatsAppCloud') return fx.credential('metaAccessTokenApi', { accessToken: tokens.systemUser });
	return fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
}

const fields = actionNodeFields();

test('the enumeration finds the fields of every action node', () => {
	const nodes = new Set(fields.map((f) => f.node));
	expect([...nodes].sort()).toEqual(['instagramBusiness', 'metaAds', 'metaSetupDoctor', 'whatsAppCloud']);
	expect(fields.length).toBeGreaterThan(100);
	// A field behind another option is found too.
	expect(fields.find((f) => f.name === 'videoUrl')?.reveal).toMatchObject({ postType: expect.any(String) });
});

describe.each(['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'])('%s', (node) => {
	test('bad values are refused before any Meta call, naming the field', async () => {
		const fx = fixture();
		const good = goodValues(fx.seed);
		const failures = [];
		for (const field of fields.filter((f) => f.node === node)) {
			for (const [what, expression] of badValues(field)) {
				fx.reset();
				const parameters = {
					authentication: 'metaAccessTokenApi',
					...(field.resource ? { resource: field.resource } : {}),
					operation: field.operation,
					...field.reveal,
				};
				for (const other of field.others) parameters[other.name] = good[other.name] ?? FALLBACK[other.type];
				// Options-type fields n8n requires (e.g. a template's language) get their valid value too.
				Object.assign(parameters, REQUIRED_LISTS);
				parameters[field.name] = field.type === 'resourceLocator' ? rl(expression) : expression;
				let message;
				try {
					const run = await fx.engine.runNode({ type: `n8n-nodes-meta-business.${node}`, parameters, credentials: credentialFor(fx, node) });
					message = run.error ? `${run.error.message} ${run.error.description ?? ''}` : '';
				} catch (error) {
					message = `n8n refused the workflow: ${error.message}`;
				}
				const calls = fx.calls().length;
				if (calls !== 0 || !message.includes(field.displayName)) {
					failures.push(`${field.resource ?? ''}.${field.operation} ${field.displayName} (${field.name}) given ${what}: ${calls} Meta call(s); error: ${message.slice(0, 160) || 'none'}`);
				}
			}
		}
		expect(failures).toEqual([]);
	});
});
