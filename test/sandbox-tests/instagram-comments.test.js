'use strict';
// Comments and mentions in the sandbox (reference §4).
const { startSandbox, form } = require('./helpers');
const { addComment } = require('../sandbox/products/instagram/comments');
const { addForeignMedia } = require('../sandbox/products/instagram/mentions');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
let mediaId;
beforeEach(async () => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
	const c = await post(`/${ctx.seed.instagram.id}/media`, { image_url: 'https://cdn.example.com/p.jpg', caption: 'Our post' });
	ctx.sandbox.admin.advanceClock(10); // past the image's processing and Meta's moment of 9007 after FINISHED
	mediaId = (await post(`/${ctx.seed.instagram.id}/media_publish`, { creation_id: c.data.id })).data.id;
});

const token = () => ctx.seed.tokens.adaUser;
const post = (path, fields, t = token(), host = 'fb') => ctx.api.post(ctx[host](path), form({ ...fields, access_token: t }));
const get = (path, params = {}, t = token(), host = 'fb') => ctx.api.get(ctx[host](path), { params: { ...params, access_token: t } });
const del = (path, t = token()) => ctx.api.delete(ctx.fb(path), { params: { access_token: t } });

test('comments list top level only, newest first, at most 50 a page, with replies on request', async () => {
	ctx.sandbox.admin.settings({ pagingShortPages: false }); // checks the 50-a-page cap, which needs full pages
	const state = ctx.sandbox.state;
	const first = addComment(state, { mediaId, text: 'first', username: 'ann' });
	ctx.sandbox.admin.advanceClock(1);
	for (let i = 0; i < 60; i++) addComment(state, { mediaId, text: `c${i}`, timestampMs: state.nowMs() + i });
	addComment(state, { mediaId, parentId: first.id, text: 'reply to first' });
	const page = await get(`/${mediaId}/comments`, { fields: 'id,text,username,replies{text}', limit: 100 });
	expect(page.data.data).toHaveLength(50);
	expect(page.data.data[0].text).toBe('c59');
	expect(page.data.paging.next).toBeDefined();
	const rest = await get(`/${mediaId}/comments`, { fields: 'id,text,replies{text}', limit: 50, after: page.data.paging.cursors.after });
	expect(rest.data.data).toHaveLength(11);
	expect(rest.data.data[10]).toMatchObject({ text: 'first', replies: { data: [{ text: 'reply to first' }] } });
	expect((await get(`/${first.id}/replies`, { fields: 'text,parent_id' })).data.data).toEqual([{ text: 'reply to first', parent_id: first.id, id: expect.any(String) }]);
});

test('reply, hide/unhide, owner’s own comment cannot be hidden, delete removes replies, comments off', async () => {
	const theirs = addComment(ctx.sandbox.state, { mediaId, text: 'spam?' });
	const reply = await post(`/${theirs.id}/replies`, { message: 'Thanks!' });
	expect(reply.status).toBe(200);
	expect((await get(`/${reply.data.id}`, { fields: 'text,username,parent_id' })).data).toMatchObject({ text: 'Thanks!', username: 'adas.shop', parent_id: theirs.id });
	expect((await post(`/${theirs.id}`, { hide: 'true' })).data).toEqual({ success: true });
	expect((await get(`/${theirs.id}`, { fields: 'hidden' })).data.hidden).toBe(true);
	expect((await post(`/${reply.data.id}`, { hide: 'true' })).data.error.code).toBe(100);
	expect((await del(`/${theirs.id}`)).data).toEqual({ success: true });
	expect((await get(`/${reply.data.id}`)).data.error.code).toBe(100);
	expect((await post(`/${mediaId}`, { comment_enabled: 'false' })).data).toEqual({ success: true });
	expect((await get(`/${mediaId}`, { fields: 'is_comment_enabled' })).data.is_comment_enabled).toBe(false);
	expect((await post(`/${mediaId}/comments`, { message: 'hello' })).data.error.code).toBe(100);
});

test('Instagram Login host serves the same comment endpoints', async () => {
	const theirs = addComment(ctx.sandbox.state, { mediaId, text: 'hi' });
	const list = await get(`/${mediaId}/comments`, { fields: 'id,text' }, ctx.seed.tokens.instagramLogin, 'ig');
	expect(list.data.data.map((c) => c.id)).toEqual([theirs.id]);
	expect((await post(`/${theirs.id}`, { hide: 'true' }, ctx.seed.tokens.instagramLogin, 'ig')).data).toEqual({ success: true });
});

test('mentions: mentioned_media, mentioned_comment, tags edge and replying in the thread', async () => {
	const ig = ctx.seed.instagram.id;
	const foreign = addForeignMedia(ctx.sandbox.state, { caption: 'Love @adas.shop mugs', userTags: [{ username: 'adas.shop', x: 0.5, y: 0.5 }] });
	const comment = addComment(ctx.sandbox.state, { mediaId: foreign.id, text: '@adas.shop look' });
	const byMedia = await get(`/${ig}`, { fields: `mentioned_media.media_id(${foreign.id}){caption,username}` });
	expect(byMedia.data.mentioned_media).toMatchObject({ caption: 'Love @adas.shop mugs', username: 'someone.else', id: foreign.id });
	const byComment = await get(`/${ig}`, { fields: `mentioned_comment.comment_id(${comment.id}){text}` });
	expect(byComment.data.mentioned_comment).toMatchObject({ text: '@adas.shop look' });
	expect((await get(`/${ig}`, { fields: `mentioned_media.media_id(${mediaId}){caption}` })).data.error.code).toBe(100);
	expect((await get(`/${ig}/tags`, { fields: 'id,caption' })).data.data).toEqual([{ id: foreign.id, caption: 'Love @adas.shop mugs' }]);
	expect((await post(`/${ig}/mentions`, { comment_id: comment.id, message: 'Thank you!' })).status).toBe(200);
});
