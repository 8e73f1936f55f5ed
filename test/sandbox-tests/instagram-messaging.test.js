'use strict';
// Instagram Direct in the sandbox (reference §3): Send API on both hosts, messaging windows, private replies.
const { startSandbox } = require('./helpers');
const { userMessaged } = require('../sandbox/products/instagram/messaging');
const { addComment } = require('../sandbox/products/instagram/comments');
const { createContainer } = require('../sandbox/products/instagram/containers');
const { publish } = require('../sandbox/products/instagram/publishing');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

const IGSID = '27000000000000777';
const page = () => ctx.seed.page.id;
const send = (body, { token = ctx.seed.tokens.adaPage, host = 'fb', id = page() } = {}) =>
	ctx.api.post(ctx[host](`/${id}/messages`), body, { headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
const state = () => ctx.sandbox.state;

test('text within the window works on both hosts; the Page token is required on graph.facebook.com', async () => {
	userMessaged(state(), { igUserId: ctx.seed.instagram.id, igsid: IGSID });
	const fb = await send({ recipient: { id: IGSID }, message: { text: 'Hello 👋' } });
	expect(fb.data).toEqual({ recipient_id: IGSID, message_id: expect.stringMatching(/^aWdf/) });
	const ig = await send({ recipient: { id: IGSID }, message: { text: 'Hi' } }, { token: ctx.seed.tokens.instagramLogin, host: 'ig', id: 'me' });
	expect(ig.data.recipient_id).toBe(IGSID);
	const withUserToken = await send({ recipient: { id: IGSID }, message: { text: 'x' } }, { token: ctx.seed.tokens.adaUser });
	expect(withUserToken.data.error.code).toBe(210);
});

test('HUMAN_AGENT without the reviewed Human Agent feature (the default): refused with the permission error, in or out of the window', async () => {
	userMessaged(state(), { igUserId: ctx.seed.instagram.id, igsid: IGSID });
	const tagged = { recipient: { id: IGSID }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'A person here' } };
	const inWindow = await send(tagged);
	expect(inWindow.data.error).toEqual(expect.objectContaining({ code: 10, message: '(#10) Application does not have permission for this action' }));
	expect(inWindow.data.error.error_subcode).toBeUndefined();
	ctx.sandbox.admin.advanceClock(86400 + 1);
	expect((await send(tagged)).data.error.code).toBe(10);
	expect([...ctx.sandbox.state.ns('instagram').messages.values()].filter((m) => m.from === 'business')).toHaveLength(0);
});

test('24-hour window: outside it 10/2534022; HUMAN_AGENT works up to 7 days', async () => {
	// An app with the reviewed Human Agent feature: the window rules are what this test checks.
	ctx.sandbox.admin.settings({ igHumanAgentApproved: true });
	userMessaged(state(), { igUserId: ctx.seed.instagram.id, igsid: IGSID });
	ctx.sandbox.admin.advanceClock(86400 + 1);
	const late = await send({ recipient: { id: IGSID }, message: { text: 'late' } });
	expect(late.data.error).toMatchObject({ code: 10, error_subcode: 2534022 });
	const human = await send({ recipient: { id: IGSID }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'A person here' } });
	expect(human.status).toBe(200);
	ctx.sandbox.admin.advanceClock(6 * 86400);
	expect((await send({ recipient: { id: IGSID }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'x' } })).data.error.code).toBe(10);
});

test('limits: 1000 bytes of text, 13 quick replies (titles cut at 20), unknown recipient 2534014', async () => {
	userMessaged(state(), { igUserId: ctx.seed.instagram.id, igsid: IGSID });
	expect((await send({ recipient: { id: IGSID }, message: { text: 'é'.repeat(501) } })).data.error.code).toBe(100);
	const qr = (n) => Array.from({ length: n }, (_, i) => ({ content_type: 'text', title: `Option number ${i} is long`, payload: `P${i}` }));
	expect((await send({ recipient: { id: IGSID }, message: { text: 'Pick', quick_replies: qr(14) } })).data.error.code).toBe(100);
	expect((await send({ recipient: { id: IGSID }, message: { text: 'Pick', quick_replies: qr(13) } })).status).toBe(200);
	const stored = [...ctx.sandbox.state.ns('instagram').messages.values()].pop();
	expect(stored.message.quick_replies[0].title).toHaveLength(20);
	expect((await send({ recipient: { id: '999' }, message: { text: 'x' } })).data.error).toMatchObject({ code: 100, error_subcode: 2534014 });
});

test('attachments, heart sticker, reactions and typing/seen', async () => {
	const { mid } = userMessaged(state(), { igUserId: ctx.seed.instagram.id, igsid: IGSID });
	expect((await send({ recipient: { id: IGSID }, message: { attachment: { type: 'image', payload: { url: 'https://cdn.example.com/a.jpg' } } } })).status).toBe(200);
	expect((await send({ recipient: { id: IGSID }, message: { attachment: { type: 'like_heart' } } })).status).toBe(200);
	const images = (n) => Array.from({ length: n }, (_, i) => ({ type: 'image', payload: { url: `https://cdn.example.com/${i}.jpg` } }));
	expect((await send({ recipient: { id: IGSID }, message: { attachments: images(10) } })).status).toBe(200);
	expect((await send({ recipient: { id: IGSID }, message: { attachments: images(11) } })).data.error.code).toBe(100);
	expect((await send({ recipient: { id: IGSID }, sender_action: 'react', payload: { message_id: mid, reaction: 'love' } })).data).toEqual({ recipient_id: IGSID });
	expect(ctx.sandbox.state.ns('instagram').messages.get(mid).reaction).toBe('love');
	await send({ recipient: { id: IGSID }, sender_action: 'unreact', payload: { message_id: mid } });
	expect(ctx.sandbox.state.ns('instagram').messages.get(mid).reaction).toBeUndefined();
	expect((await send({ recipient: { id: IGSID }, sender_action: 'typing_on' })).data).toEqual({ recipient_id: IGSID });
});

test('private reply: once per comment, within 7 days, gives the commenter’s IGSID', async () => {
	const s = state();
	const account = s.igAccounts.get(ctx.seed.instagram.id);
	const media = publish(s, createContainer(s, { igUserId: account.id, kind: 'IMAGE', params: { image_url: 'https://cdn.example.com/p.jpg' } }), account);
	const comment = addComment(s, { mediaId: media.id, text: 'Price?', fromId: IGSID });
	const first = await send({ recipient: { comment_id: comment.id }, message: { text: 'Sent you the price!' } });
	expect(first.data).toEqual({ recipient_id: IGSID, message_id: expect.any(String) });
	expect((await send({ recipient: { comment_id: comment.id }, message: { text: 'again' } })).data.error).toMatchObject({ code: 10, error_subcode: 2534025 });
	const old = addComment(s, { mediaId: media.id, text: 'old', timestampMs: s.nowMs() - 8 * 86400 * 1000 });
	expect((await send({ recipient: { comment_id: old.id }, message: { text: 'late' } })).data.error).toMatchObject({ code: 10, error_subcode: 2534022 });
});
