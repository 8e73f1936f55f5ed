'use strict';
// The searchable pickers of the Instagram Business node (account, media), in n8n-core's LoadOptionsContext.
const { useFixture } = require('../support/fixture');
const { instagramTools, rl } = require('../support/instagram');

const fixture = useFixture();
let fx;
let ig;
beforeEach(() => {
	fx = fixture();
	ig = instagramTools(fx);
});

test('Facebook Login: accounts reachable through the user’s Pages, filterable', async () => {
	fx.admin.seed({
		pages: [{ id: '1200000000000002', name: 'Second Shop', instagramBusinessAccountId: '17841400000000003' }, { id: '1200000000000003', name: 'No IG Page' }],
		instagramAccounts: [{ id: '17841400000000003', username: 'second.shop', name: 'Second', pageId: '1200000000000002' }],
		roles: [
			{ userId: fx.seed.users.ada.id, pageId: '1200000000000002' },
			{ userId: fx.seed.users.ada.id, pageId: '1200000000000003' },
		],
	});
	const all = await ig.listSearch('searchAccounts');
	expect(all.results.map((r) => r.value).sort()).toEqual([fx.seed.instagram.id, '17841400000000003'].sort());
	expect(all.results.find((r) => r.value === fx.seed.instagram.id).name).toBe("@adas.shop (Ada's Shop) via Ada's Shop");
	const filtered = await ig.listSearch('searchAccounts', { filter: 'second' });
	expect(filtered.results.map((r) => r.value)).toEqual(['17841400000000003']);
});

test('a Page token lists the Page’s own account; Instagram Login lists the account itself', async () => {
	const viaPage = await ig.listSearch('searchAccounts', { creds: fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.adaPage }) });
	expect(viaPage.results.map((r) => [r.value, r.name])).toEqual([[fx.seed.instagram.id, "@adas.shop (Ada's Shop) via Ada's Shop"]]);
	const viaIg = await ig.listSearch('searchAccounts', { login: 'instagram' });
	expect(viaIg.results).toEqual([{ name: "@adas.shop (Ada's Shop)", value: fx.seed.instagram.id, url: 'https://www.instagram.com/adas.shop/' }]);
});

test('media picker lists the chosen account’s recent media with a next-page token', async () => {
	fx.admin.settings({ pagingShortPages: false }); // checks exact picker page sizes, which need full Graph pages
	for (let i = 0; i < 55; i++) {
		fx.admin.advanceClock(1);
		ig.publishedMedia(`Post ${i}`);
	}
	const first = await ig.listSearch('searchMedia', { parameters: { account: rl(fx.seed.instagram.id) } });
	expect(first.results).toHaveLength(50);
	expect(first.results[0].name).toMatch(/IMAGE: Post 54$/);
	expect(first.paginationToken).toBeDefined();
	const second = await ig.listSearch('searchMedia', { parameters: { account: rl(fx.seed.instagram.id) }, paginationToken: first.paginationToken });
	expect(second.results).toHaveLength(5);
	expect(second.paginationToken).toBeUndefined();
});

test('comment picker lists the comments of the media chosen for picking', async () => {
	const { addComment } = require('../sandbox/products/instagram/comments');
	const media = ig.publishedMedia();
	addComment(fx.sandbox.state, { mediaId: media.id, text: 'Love it', username: 'ann' });
	addComment(fx.sandbox.state, { mediaId: media.id, text: 'Price?', username: 'bob', timestampMs: fx.sandbox.state.nowMs() + 1 });
	const parameters = { resource: 'comment', operation: 'reply', account: rl(fx.seed.instagram.id), pickerMedia: rl(media.id) };
	const all = await ig.listSearch('searchComments', { parameters });
	expect(all.results.map((r) => r.name)).toEqual(['@bob: Price?', '@ann: Love it']);
	expect((await ig.listSearch('searchComments', { parameters, filter: 'ann' })).results).toHaveLength(1);
	expect((await ig.listSearch('searchComments', { parameters: { ...parameters, pickerMedia: rl('') } })).results).toEqual([]);
});
