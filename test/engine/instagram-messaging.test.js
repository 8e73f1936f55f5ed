'use strict';
// Instagram Business node, Message resource (Instagram Direct), through real WorkflowExecute against the sandbox.
const { useFixture } = require('../support/fixture');
const { instagramTools } = require('../support/instagram');
const { userMessaged } = require('../sandbox/products/instagram/messaging');
const { addComment } = require('../sandbox/products/instagram/comments');

const fixture = useFixture();
let fx;
let ig;
const IGSID = '27000000000000777';
beforeEach(() => {
	fx = fixture();
	ig = instagramTools(fx);
});

const sendMessage = (operation, extra, opts) => ig.run({ resource: 'message', operation, recipientId: IGSID, ...extra }, opts);
const sent = () => [...ig.store().messages.values()].filter((m) => m.from === 'business');
const opened = () => userMessaged(fx.sandbox.state, { igUserId: fx.seed.instagram.id, igsid: IGSID });

describe('sending', () => {
	test('text with quick replies via Facebook Login: sent from the Page with its derived Page token', async () => {
		opened();
		const run = await sendMessage('sendText', { text: 'Which size?', quickReplies: { reply: [{ title: 'Small', payload: 'S' }, { title: 'Large' }] } });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toEqual({ recipientId: IGSID, messageId: expect.stringMatching(/^aWdf/) });
		expect(sent()[0].message).toEqual({ text: 'Which size?', quick_replies: [{ content_type: 'text', title: 'Small', payload: 'S' }, { content_type: 'text', title: 'Large', payload: 'Large' }] });
		const call = fx.calls({ path: '/*/messages' })[0];
		expect(call).toMatchObject({ path: `/${fx.seed.page.id}/messages`, tokenType: 'PAGE' });
	});

	test('text via Instagram Login goes to graph.instagram.com', async () => {
		opened();
		const run = await sendMessage('sendText', { text: 'Hi from IG login' }, { login: 'instagram' });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: '/*/messages' })[0]).toMatchObject({ host: 'graph.instagram.com', tokenType: 'IG_USER' });
	});

	test('media by URL, heart sticker, react and remove the reaction, typing and seen', async () => {
		const { mid } = opened();
		expect((await sendMessage('sendMedia', { attachmentType: 'file', mediaUrl: 'https://cdn.example.com/menu.pdf' })).error).toBeUndefined();
		expect((await sendMessage('sendHeart', {})).error).toBeUndefined();
		expect(sent().map((m) => m.message.attachment.type)).toEqual(['file', 'like_heart']);
		expect((await sendMessage('react', { messageId: mid, reaction: 'love' })).items[0]).toEqual({ recipientId: IGSID, messageId: mid, reaction: 'love' });
		expect(ig.store().messages.get(mid).reaction).toBe('love');
		await sendMessage('removeReaction', { messageId: mid });
		expect(ig.store().messages.get(mid).reaction).toBeUndefined();
		for (const action of ['typing_on', 'mark_seen']) expect((await sendMessage('senderAction', { senderAction: action })).items[0]).toEqual({ recipientId: IGSID, senderAction: action });
	});

	test('private reply to a comment: once, then Meta refuses a second one', async () => {
		const media = ig.publishedMedia();
		const comment = addComment(fx.sandbox.state, { mediaId: media.id, text: 'How much?', fromId: IGSID });
		const first = await ig.run({ resource: 'message', operation: 'privateReply', commentId: comment.id, text: 'Sent you the prices!' });
		expect(first.items[0]).toMatchObject({ recipientId: IGSID, commentId: comment.id });
		const second = await ig.run({ resource: 'message', operation: 'privateReply', commentId: comment.id, text: 'again' });
		expect(second.error.context.metaError).toMatchObject({ code: 10, subcode: 2534025, category: 'policy' });
		expect(second.error.description).toMatch(/only one private reply/);
	});
});

describe('the 24-hour window', () => {
	test('"a person is answering" on an app without the Human Agent feature (most apps): fails saying what to do', async () => {
		opened();
		fx.admin.advanceClock(25 * 3600);
		const run = await sendMessage('sendText', { text: 'Sorry for the wait, Ada here', options: { humanAgent: true } });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.description).toMatch(/does not have the Human Agent feature/);
		expect(run.error.description).toMatch(/App Review → Permissions and Features → Human Agent/);
		expect(run.error.description).toMatch(/reply within 24 hours of the person’s last message/);
		expect(run.error.context.metaError).toMatchObject({ code: 10, category: 'fix_configuration', title: 'Human Agent feature not approved' });
		expect(fx.calls({ path: '/*/messages' }).pop()).toMatchObject({ status: 400, body: expect.objectContaining({ tag: 'HUMAN_AGENT' }) });
		expect(sent()).toHaveLength(0);
	});

	test('outside the window the error says so and what is allowed instead; HUMAN_AGENT sends within 7 days', async () => {
		// An app with the reviewed Human Agent feature: the window rules are what this test checks.
		fx.admin.settings({ igHumanAgentApproved: true });
		opened();
		fx.admin.advanceClock(25 * 3600);
		const late = await sendMessage('sendText', { text: 'Still there?' });
		expect(late.error.context.metaError).toMatchObject({ code: 10, subcode: 2534022 });
		expect(late.error.description).toMatch(/within 24 hours/);
		expect(late.error.description).toMatch(/Human Agent option on .*Private Reply/);
		const human = await sendMessage('sendText', { text: 'Sorry for the wait, Ada here', options: { humanAgent: true } });
		expect(human.error).toBeUndefined();
		expect(fx.calls({ path: '/*/messages' }).pop().body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
	});
});

describe('validation before any call to Meta', () => {
	const cases = [
		['text over 1000 bytes', 'sendText', { text: 'é'.repeat(501) }, /1002 bytes long: Instagram allows at most 1000 bytes/],
		['14 quick replies', 'sendText', { text: 'Pick', quickReplies: { reply: Array.from({ length: 14 }, (_, i) => ({ title: `T${i}` })) } }, /14 buttons: Instagram shows at most 13/],
		['quick reply title over 20', 'sendText', { text: 'Pick', quickReplies: { reply: [{ title: 'This title is far too long' }] } }, /is 26 characters: at most 20/],
		['recipient not an IGSID', 'sendText', { text: 'x', recipientId: '@jane' }, /not an Instagram-scoped user ID/],
		['media URL not a URL', 'sendMedia', { attachmentType: 'image', mediaUrl: 'photo.jpg' }, /Media URL "photo.jpg" is not a web address/],
		['private reply without comment id', 'privateReply', { commentId: 'abc', text: 'x' }, /Comment ID "abc" is not a valid id/],
	];
	test.each(cases)('%s', async (_name, operation, extra, message) => {
		fx.admin.clearCalls();
		const run = await sendMessage(operation, extra);
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toMatch(message);
		expect(fx.calls({ path: '/*/messages' })).toHaveLength(0);
	});
});
