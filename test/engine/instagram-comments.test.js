'use strict';
// Instagram Business node, Comment and Mention resources, through real WorkflowExecute against the sandbox.
const { useFixture } = require('../support/fixture');
const { instagramTools, rl } = require('../support/instagram');
const { addComment } = require('../sandbox/products/instagram/comments');
const { addForeignMedia } = require('../sandbox/products/instagram/mentions');

const fixture = useFixture();
let fx;
let ig;
let media;
beforeEach(() => {
	fx = fixture();
	ig = instagramTools(fx);
	media = ig.publishedMedia();
});

const comments = () => [...ig.store().comments.values()];
const runComment = (operation, extra, opts) => ig.run({ resource: 'comment', operation, ...extra }, opts);

describe('comments', () => {
	test('Get Many pages through 120 comments (50 a page) and adds replies on request', async () => {
		const state = fx.sandbox.state;
		const first = addComment(state, { mediaId: media.id, text: 'oldest', username: 'ann' });
		for (let i = 0; i < 119; i++) addComment(state, { mediaId: media.id, text: `c${i}`, timestampMs: state.nowMs() + 1000 + i });
		addComment(state, { mediaId: media.id, parentId: first.id, text: 'a reply' });
		const all = await runComment('getMany', { media: rl(media.id), returnAll: true, options: { includeReplies: true } });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(120);
		expect(all.items[119]).toMatchObject({ text: 'oldest', username: 'ann', replies: [expect.objectContaining({ text: 'a reply' })] });
		const pages = fx.calls({ path: `/${media.id}/comments` });
		expect(pages.length).toBeGreaterThanOrEqual(3); // Meta's later pages may be short or empty
		expect(pages.every((c) => c.query.limit === '50')).toBe(true);
		const few = await runComment('getMany', { media: rl(media.id), returnAll: false, limit: 3 });
		expect(few.items.map((c) => c.text)).toEqual(['c118', 'c117', 'c116']);
		expect(few.items[0].replies).toBeUndefined();
	});

	test('reply, get, hide, unhide and delete a comment; both login paths', async () => {
		const theirs = addComment(fx.sandbox.state, { mediaId: media.id, text: 'Where do you ship?' });
		const reply = await runComment('reply', { commentId: theirs.id, message: 'Everywhere in the EU!' });
		expect(reply.items[0]).toMatchObject({ parentId: theirs.id, text: 'Everywhere in the EU!' });
		const got = await runComment('get', { commentId: theirs.id });
		expect(got.items[0]).toMatchObject({ id: theirs.id, text: 'Where do you ship?', hidden: false, replies: [expect.objectContaining({ text: 'Everywhere in the EU!', username: 'adas.shop' })] });
		expect((await runComment('hide', { commentId: rl(theirs.id, 'list') }, { login: 'instagram' })).items[0]).toEqual({ commentId: theirs.id, hidden: true, success: true });
		expect(comments().find((c) => c.id === theirs.id).hidden).toBe(true);
		await runComment('unhide', { commentId: theirs.id });
		expect(comments().find((c) => c.id === theirs.id).hidden).toBe(false);
		expect((await runComment('delete', { commentId: theirs.id })).items[0]).toEqual({ commentId: theirs.id, deleted: true });
		expect(comments().filter((c) => !c.deleted)).toHaveLength(0);
	});

	test('hiding the account’s own comment is refused by Meta with its reason', async () => {
		const own = await runComment('create', { media: rl(media.id), message: 'Our own note' });
		expect(own.items[0]).toMatchObject({ mediaId: media.id, text: 'Our own note' });
		const run = await runComment('hide', { commentId: own.items[0].id });
		expect(run.error.context.metaError.code).toBe(100);
		expect(run.error.description).toMatch(/media owner cannot be hidden/);
	});

	test('turn comments off and on; a comment while off fails', async () => {
		expect((await runComment('setCommentsEnabled', { media: rl(media.id), commentsEnabled: false })).items[0]).toEqual({ mediaId: media.id, commentsEnabled: false });
		expect(media.commentEnabled).toBe(false);
		expect((await runComment('create', { media: rl(media.id), message: 'hi' })).error).toBeDefined();
		await runComment('setCommentsEnabled', { media: rl(media.id), commentsEnabled: true });
		expect(media.commentEnabled).toBe(true);
	});

	test('an empty reply is refused before calling Meta', async () => {
		fx.admin.clearCalls();
		const run = await runComment('reply', { commentId: '17858893269000001', message: '   ' });
		expect(run.error.message).toMatch(/Reply is empty/);
		expect(fx.calls({})).toHaveLength(0);
	});
});

describe('mentions', () => {
	test('tagged media, mentioned media and comment, and a reply in the thread', async () => {
		const foreign = addForeignMedia(fx.sandbox.state, { caption: 'Great mugs from @adas.shop', userTags: [{ username: 'adas.shop', x: 0.2, y: 0.3 }] });
		const comment = addComment(fx.sandbox.state, { mediaId: foreign.id, text: '@adas.shop do you restock?' });
		const tagged = await ig.run({ resource: 'mention', operation: 'getTagged', returnAll: true });
		expect(tagged.items).toEqual([expect.objectContaining({ id: foreign.id, username: 'someone.else' })]);
		const mentioned = await ig.run({ resource: 'mention', operation: 'getMentionedMedia', mentionMediaId: foreign.id });
		expect(mentioned.items[0]).toMatchObject({ id: foreign.id, caption: 'Great mugs from @adas.shop' });
		const mentionedComment = await ig.run({ resource: 'mention', operation: 'getMentionedComment', commentId: comment.id });
		expect(mentionedComment.items[0]).toMatchObject({ text: '@adas.shop do you restock?', media: { id: foreign.id } });
		const reply = await ig.run({ resource: 'mention', operation: 'reply', mentionedIn: 'comment', mentionId: comment.id, message: 'Next week!' });
		expect(reply.error).toBeUndefined();
		expect(comments().find((c) => c.id === reply.items[0].id)).toMatchObject({ parentId: comment.id, text: 'Next week!' });
	});

	test('with Instagram Login, mention reads say they need Facebook Login', async () => {
		const run = await ig.run({ resource: 'mention', operation: 'getTagged', returnAll: true }, { login: 'instagram' });
		expect(run.error.message).toMatch(/needs Facebook Login/);
	});
});
