'use strict';
// The sandbox's Instagram insights and ads write endpoints answer as Meta does (test/sandbox/README.md, "Instagram
// insights" and "Ads status and budgets"): metric sets per media type, the refusals of retired and unsupported
// metrics, and the budget refusals with their codes.
const { useSandbox, form } = require('./helpers');
const { addMedia } = require('../sandbox/products/instagram/insights');

const sandbox = useSandbox();

function token(ctx, extra) {
	const { users, scopes } = ctx.seed;
	return ctx.sandbox.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: [...scopes.facebook, ...extra] }).token;
}

describe('Instagram insights', () => {
	const get = (ctx, path, params) => ctx.api.get(ctx.fb(path), { params: { access_token: token(ctx, ['instagram_manage_insights']), ...params } });

	test('a reel answers its metrics; a story refuses a feed-only metric with Meta’s words', async () => {
		const ctx = sandbox();
		const reel = addMedia(ctx.sandbox.state, { igUserId: ctx.seed.instagram.id, productType: 'REELS' });
		const ok = await get(ctx, `/${reel.id}/insights`, { metric: 'reach,ig_reels_avg_watch_time' });
		expect(ok.status).toBe(200);
		expect(ok.data.data.map((d) => [d.name, d.period, typeof d.values[0].value])).toEqual([
			['reach', 'lifetime', 'number'],
			['ig_reels_avg_watch_time', 'lifetime', 'number'],
		]);
		const story = addMedia(ctx.sandbox.state, { igUserId: ctx.seed.instagram.id, productType: 'STORY' });
		const refused = await get(ctx, `/${story.id}/insights`, { metric: 'reach,saved' });
		expect(refused.status).toBe(400);
		expect(refused.data.error).toMatchObject({ code: 100, message: '(#100) The Media Insights API does not support the saved metric for this media product type.' });
	});

	test('retired metrics are refused: impressions on an account with the text Meta sends since v22', async () => {
		const ctx = sandbox();
		const account = await get(ctx, `/${ctx.seed.instagram.id}/insights`, { metric: 'impressions', period: 'day' });
		expect(account.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/^\(#100\) Starting from version 22 and above, the impressions metric is no longer supported/) });
		const post = addMedia(ctx.sandbox.state, { igUserId: ctx.seed.instagram.id, productType: 'FEED' });
		const media = await get(ctx, `/${post.id}/insights`, { metric: 'video_views' });
		expect(media.data.error).toMatchObject({ code: 100, message: expect.stringMatching(/^\(#100\) metric\[0\] must be one of the following values: comments, /) });
	});

	test('without instagram_manage_insights the call is refused', async () => {
		const ctx = sandbox();
		const res = await ctx.api.get(ctx.fb(`/${ctx.seed.instagram.id}/insights`), { params: { access_token: ctx.seed.tokens.adaUser, metric: 'reach', period: 'day' } });
		expect(res.status).toBe(400);
		expect(res.data.error.message).toMatch(/instagram_manage_insights/);
	});
});

describe('ads writes', () => {
	const post = (ctx, id, fields, extra = ['ads_management']) => ctx.api.post(ctx.fb(`/${id}`), form({ access_token: token(ctx, extra), ...fields }));
	const adSetOf = (ctx, campaign) => [...ctx.sandbox.state.ns('ads', () => null).objects.values()].find((o) => o.kind === 'adset' && o.campaignId === campaign);

	test('status and budget changes answer {success: true} and show on the next read', async () => {
		const ctx = sandbox();
		const adSet = adSetOf(ctx, ctx.seed.adAccount.campaigns.springSale);
		expect((await post(ctx, adSet.id, { status: 'PAUSED', daily_budget: '3100' })).data).toEqual({ success: true });
		const read = await ctx.api.get(ctx.fb(`/${adSet.id}`), { params: { access_token: ctx.seed.tokens.adaUser, fields: 'status,effective_status,daily_budget' } });
		expect(read.data).toMatchObject({ status: 'PAUSED', effective_status: 'PAUSED', daily_budget: '3100' });
	});

	test('below the minimum: 100/1885272 "Your Budget Is Too Low"; an ad set under a campaign budget: 100/1885621', async () => {
		const ctx = sandbox();
		const low = await post(ctx, adSetOf(ctx, ctx.seed.adAccount.campaigns.springSale).id, { daily_budget: '99' });
		expect(low.data.error).toMatchObject({ code: 100, error_subcode: 1885272, error_user_title: 'Your Budget Is Too Low', error_user_msg: 'Your ad set budget must be more than EUR1.00 or your ads may not be delivered.' });
		const cbo = await post(ctx, adSetOf(ctx, ctx.seed.adAccount.campaigns.retargeting).id, { daily_budget: '3000' });
		expect(cbo.data.error).toMatchObject({ code: 100, error_subcode: 1885621, error_user_title: 'Budget Conflict: Campaign Already Has a Budget' });
	});

	test('writes need ads_management; an archived campaign cannot be resumed', async () => {
		const ctx = sandbox();
		const denied = await post(ctx, ctx.seed.adAccount.campaigns.springSale, { status: 'PAUSED' }, []);
		expect(denied.data.error.code).toBe(200);
		const archived = await post(ctx, ctx.seed.adAccount.campaigns.oldPromo, { status: 'ACTIVE' });
		expect(archived.data.error.code).toBe(100);
	});
});
