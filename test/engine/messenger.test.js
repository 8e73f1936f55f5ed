'use strict';
// Meta Messenger node (replies from a Facebook Page) through n8n-core's real WorkflowExecute against the sandbox.
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { useFixture } = require('../support/fixture');
const { messengerAdmin } = require('../sandbox/products/messenger');

const NODE = 'n8n-nodes-meta-business.metaMessenger';
const PSID = '7000000000000001';
const MESSAGES = '/*/messages';
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

/** Ada's user token with pages_messaging (Messenger's Send API needs it); the node derives the Page token from it. */
function credential(scopes = [...fx.seed.scopes.facebook, 'pages_messaging']) {
	const { tokens } = fx.admin.seed({ tokens: [{ type: 'USER', appId: fx.seed.app.id, userId: fx.seed.users.ada.id, scopes, expiresIn: 5183944 }] });
	return fx.credential('metaAccessTokenApi', { accessToken: tokens[0], appId: fx.seed.app.id, appSecret: fx.seed.app.secret });
}

const messenger = () => messengerAdmin(fx.sandbox.state);
const wrote = (secondsAgo = 0) => messenger().personMessaged({ pageId: fx.seed.page.id, psid: PSID, atMs: fx.sandbox.state.nowMs() - secondsAgo * 1000 });

async function send(operation, parameters = {}, options = {}) {
	const { options: nodeOptions, ...rest } = parameters;
	return await fx.engine.runNode({
		type: NODE,
		parameters: { authentication: 'metaAccessTokenApi', resource: 'message', operation, page: rl(fx.seed.page.id), recipientId: PSID, ...rest, options: nodeOptions ?? {} },
		credentials: options.creds ?? credential(),
		...options,
	});
}

describe('sending from the Page', () => {
	test('text with quick replies: sent as the Page with its derived Page token, token in the header, appsecret_proof added', async () => {
		wrote();
		const run = await send('sendText', { text: 'Which size?', quickReplies: { reply: [{ title: 'Small', payload: 'S' }, { title: 'Large' }] } });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([{ recipientId: PSID, messageId: expect.stringMatching(/^m_/), pageId: fx.seed.page.id }]);
		expect(messenger().sent()[0]).toMatchObject({
			psid: PSID,
			messagingType: 'RESPONSE',
			message: { text: 'Which size?', quick_replies: [{ content_type: 'text', title: 'Small', payload: 'S' }, { content_type: 'text', title: 'Large', payload: 'Large' }] },
		});
		const call = fx.calls({ path: MESSAGES })[0];
		expect(call).toMatchObject({ path: `/${fx.seed.page.id}/messages`, tokenType: 'PAGE' });
		expect(call.query.access_token).toBeUndefined();
		expect(call.query.appsecret_proof).toMatch(/^[a-f0-9]{64}$/);
	});

	test('media by URL: image, video, audio and file', async () => {
		wrote();
		for (const type of ['image', 'video', 'audio', 'file']) {
			const run = await send('sendMedia', { attachmentType: type, mediaUrl: `https://cdn.example.com/x.${type}` });
			expect(run.error).toBeUndefined();
		}
		expect(messenger().sent().map((m) => m.message.attachment)).toEqual(
			['image', 'video', 'audio', 'file'].map((type) => ({ type, payload: { url: `https://cdn.example.com/x.${type}` } })),
		);
	});

	test('a button template with a web link, a postback and a phone number', async () => {
		wrote();
		const buttons = {
			button: [
				{ type: 'web_url', title: 'Open the shop', url: 'https://shop.example.com' },
				{ type: 'postback', title: 'Talk to us', payload: 'TALK' },
				{ type: 'phone_number', title: 'Call', phoneNumber: '+1 650 555 1234' },
			],
		};
		const run = await send('sendButtons', { buttonText: 'What next?', buttons });
		expect(run.error).toBeUndefined();
		expect(messenger().sent()[0].message).toEqual({
			attachment: {
				type: 'template',
				payload: {
					template_type: 'button',
					text: 'What next?',
					buttons: [
						{ type: 'web_url', title: 'Open the shop', url: 'https://shop.example.com' },
						{ type: 'postback', title: 'Talk to us', payload: 'TALK' },
						{ type: 'phone_number', title: 'Call', payload: '+16505551234' },
					],
				},
			},
		});
	});
});

describe('the 24-hour window and the Human Agent tag', () => {
	test('window closed: Meta refuses with 10/2018278 and the error says what is allowed instead', async () => {
		wrote(25 * 3600);
		const run = await send('sendText', { text: 'Still there?' });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.context.metaError).toMatchObject({ code: 10, subcode: 2018278, category: 'policy' });
		expect(run.error.description).toMatch(/within 24 hours/);
		expect(run.error.description).toMatch(/Human Agent option on/);
		expect(messenger().sent()).toHaveLength(0);
	});

	test('Human Agent on an app without the feature (most apps): fails saying how to get it', async () => {
		wrote(25 * 3600);
		const run = await send('sendText', { text: 'Ada here, sorry for the wait', options: { humanAgent: true } });
		expect(run.error.description).toMatch(/does not have the Human Agent feature/);
		expect(run.error.context.metaError).toMatchObject({ title: 'Human Agent feature not approved' });
		expect(fx.calls({ path: MESSAGES }).pop().body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
	});

	test('Human Agent with the feature approved: sends up to 7 days after the person’s last message, not later', async () => {
		// An app with the reviewed Human Agent feature: the 7-day rule is what this test checks.
		fx.admin.settings({ messengerHumanAgentApproved: true });
		wrote(3 * 24 * 3600);
		expect((await send('sendText', { text: 'Ada here', options: { humanAgent: true } })).error).toBeUndefined();
		expect(messenger().sent()[0]).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
		fx.admin.advanceClock(5 * 24 * 3600);
		const late = await send('sendText', { text: 'Ada again', options: { humanAgent: true } });
		expect(late.error.context.metaError).toMatchObject({ code: 10, subcode: 2018278 });
	});
});

describe('exactly once', () => {
	test('no answer from Meta: Retry On Fail does not send the message again, and the item says the outcome is unknown', async () => {
		wrote();
		fx.admin.addFault({ kind: 'lostResponse', times: 1, match: { path: MESSAGES } });
		const run = await send('sendText', { text: 'Your order shipped' }, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0, continueOnFail: true });
		expect(messenger().sent()).toHaveLength(1);
		expect(fx.calls({ path: MESSAGES })).toHaveLength(1);
		expect(run.items[0].details).toMatchObject({ outcome: 'unknown', retryable: false });
	});

	test('a retried execution returns the first result instead of sending again', async () => {
		wrote();
		const first = await send('sendText', { text: 'Thanks!' });
		const again = await fx.engine.rerun(first, { mode: 'retry' });
		expect(again.items[0]).toEqual(first.items[0]);
		expect(messenger().sent()).toHaveLength(1);
	});
});

test('a token without pages_messaging is refused with Meta’s permission error', async () => {
	wrote();
	const run = await send('sendText', { text: 'Hi' }, { creds: credential(fx.seed.scopes.facebook) });
	expect(run.error.name).toBe('NodeApiError');
	expect(run.error.context.metaError.code).toBe(200);
	expect(messenger().sent()).toHaveLength(0);
});

describe('checked before any call to Meta', () => {
	const cases = [
		['text over 2,000 characters', 'sendText', { text: 'x'.repeat(2001) }, /2001 characters long: Messenger allows at most 2000/],
		['14 quick replies', 'sendText', { text: 'Pick', quickReplies: { reply: Array.from({ length: 14 }, (_, i) => ({ title: `T${i}` })) } }, /14 buttons: Messenger shows at most 13/],
		['a recipient that is not a PSID', 'sendText', { text: 'x', recipientId: 'jane.doe' }, /not a Page-scoped user ID/],
		['a media URL that is not one', 'sendMedia', { attachmentType: 'image', mediaUrl: 'photo.jpg' }, /Media URL "photo.jpg" is not a web address/],
		['four buttons', 'sendButtons', { buttonText: 'Pick', buttons: { button: Array.from({ length: 4 }, (_, i) => ({ type: 'postback', title: `B${i}` })) } }, /4 buttons: a button message takes 1 to 3/],
		['a button title over 20 characters', 'sendButtons', { buttonText: 'Pick', buttons: { button: [{ type: 'postback', title: 'This title is far too long' }] } }, /is 26 characters: at most 20/],
		['a phone button without the country code', 'sendButtons', { buttonText: 'Call us', buttons: { button: [{ type: 'phone_number', title: 'Call', phoneNumber: '650 555 1234' }] } }, /must start with \+ and the country code/],
	];
	test.each(cases)('%s', async (_name, operation, parameters, message) => {
		const run = await send(operation, parameters);
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toMatch(message);
		expect(fx.calls({ path: MESSAGES })).toHaveLength(0);
	});
});

test('the Page picker lists the Pages of the credential', async () => {
	const parameters = { authentication: 'metaAccessTokenApi', resource: 'message', operation: 'sendText' };
	const node = { id: 'm', name: 'Meta Messenger', type: NODE, typeVersion: 1, position: [0, 0], parameters, credentials: credential() };
	const workflow = new Workflow({ id: 'w', name: 'w', active: false, nodeTypes: fx.engine.nodeTypeProvider, nodes: [node], connections: {} });
	const context = new core.LoadOptionsContext(workflow, node, { ...fx.engine.additionalData(workflow), currentNodeParameters: parameters }, 'parameters.page');
	const list = await fx.engine.nodeTypeProvider.getByNameAndVersion(NODE, 1).methods.listSearch.searchPages.call(context);
	expect(list.results).toContainEqual({ name: fx.seed.page.name, value: fx.seed.page.id, url: `https://www.facebook.com/${fx.seed.page.id}` });
});

test('the example workflow’s reply node answers a Page message item as the Meta Trigger emits it', async () => {
	const example = require('../../docs/examples/messenger-reply.json');
	const reply = example.nodes.find((n) => n.type === NODE);
	wrote();
	const run = await fx.engine.runNode({
		type: NODE,
		parameters: reply.parameters,
		credentials: credential(),
		items: [{ kind: 'message', object: 'page', field: 'messages', accountId: fx.seed.page.id, senderId: PSID, message: { text: 'Hello?' } }],
	});
	expect(run.error).toBeUndefined();
	expect(messenger().sent()[0].message.attachment.payload.buttons.map((b) => b.title)).toEqual(['Visit the shop', 'Track my order', 'Talk to a person']);
});
