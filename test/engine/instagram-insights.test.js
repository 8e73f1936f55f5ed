'use strict';
// Instagram Business → Insight: account insights, audience demographics and media insights per post, reel, story and
// carousel, run through n8n's real WorkflowExecute against the sandbox, with Meta's refusals (retired metrics, metrics
// a media type does not have, too few viewers) and the node's own checks before any call.
const { useFixture } = require('../support/fixture');
const { instagramTools, rl, FAST } = require('../support/instagram');
const { addMedia } = require('../sandbox/products/instagram/insights');
const { MEDIA_METRICS } = require('../sandbox/products/instagram/insight-metrics');

const fixture = useFixture();
const NODE = 'n8n-nodes-meta-business.instagramBusiness';

/** Ada's Facebook Login token with the insights permission (the default seed's token lacks it). */
function insightsCredential(fx, scopes = [...fx.seed.scopes.facebook, 'instagram_manage_insights']) {
	const { app, users } = fx.seed;
	const token = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes }).token;
	return fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret });
}

async function run(fx, parameters, { credentials, items, continueOnFail } = {}) {
	return await fx.engine.runNode({
		type: NODE,
		parameters: { authentication: 'metaAccessTokenApi', resource: 'insights', account: rl(fx.seed.instagram.id), options: FAST, ...parameters },
		credentials: credentials ?? insightsCredential(fx),
		items,
		continueOnFail,
	});
}

const media = (fx, spec) => addMedia(fx.sandbox.state, { igUserId: fx.seed.instagram.id, ...spec });
const insightsCalls = (fx) => fx.calls().filter((c) => c.path.endsWith('/insights'));

describe('media insights', () => {
	test.each([
		['a post', { productType: 'FEED', mediaType: 'IMAGE' }, 'FEED'],
		['a carousel', { productType: 'FEED', mediaType: 'CAROUSEL_ALBUM' }, 'FEED'],
		['a reel', { productType: 'REELS' }, 'REELS'],
		['a story', { productType: 'STORY' }, 'STORY'],
	])('%s: one item per metric Meta offers for its type, numbers as numbers', async (_, spec, group) => {
		const fx = fixture();
		const m = media(fx, spec);
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'all' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.metric)).toEqual(MEDIA_METRICS[group]);
		for (const item of result.items) {
			expect(item).toMatchObject({ mediaId: m.id, mediaProductType: spec.productType, mediaType: m.mediaType, period: 'lifetime' });
			expect(typeof item.value).toBe('number');
		}
		// Asked Meta for exactly that set, once.
		const [call] = insightsCalls(fx);
		expect(insightsCalls(fx)).toHaveLength(1);
		expect(call.query.metric.split(',')).toEqual(MEDIA_METRICS[group]);
	});

	test('Simplify gives one row per media with a column per metric', async () => {
		const fx = fixture();
		const reel = media(fx, { productType: 'REELS' });
		const full = await run(fx, { operation: 'getMediaInsights', media: rl(reel.id), metricSelection: 'chosen', mediaMetrics: ['reach', 'views', 'ig_reels_avg_watch_time'] });
		const simple = await run(fx, { operation: 'getMediaInsights', media: rl(reel.id), metricSelection: 'chosen', mediaMetrics: ['reach', 'views', 'ig_reels_avg_watch_time'], simplify: true });
		expect(simple.items).toHaveLength(1);
		const byMetric = Object.fromEntries(full.items.map((i) => [i.metric, i.value]));
		expect(simple.items[0]).toMatchObject({ mediaId: reel.id, mediaProductType: 'REELS', ...byMetric });
		expect(Object.keys(byMetric)).toEqual(['reach', 'views', 'ig_reels_avg_watch_time']);
	});

	test('several input items: one row each, paired to its item', async () => {
		const fx = fixture();
		const ids = [media(fx, { productType: 'FEED' }).id, media(fx, { productType: 'STORY' }).id];
		const result = await run(fx, { operation: 'getMediaInsights', media: rl('={{ $json.id }}'), metricSelection: 'all', simplify: true }, { items: ids.map((id) => ({ id })) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.mediaId)).toEqual(ids);
		expect(result.items[1]).toHaveProperty('replies');
		expect(result.items[0]).not.toHaveProperty('replies');
	});

	test('a chosen metric the media type does not have is refused after reading the type, before asking for insights', async () => {
		const fx = fixture();
		const story = media(fx, { productType: 'STORY' });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(story.id), metricSelection: 'chosen', mediaMetrics: ['reach', 'saved'] });
		expect(result.error.message).toMatch(/^Chosen Metrics: Meta does not offer saved for stories/);
		expect(result.error.description).toMatch(/replies/);
		expect(insightsCalls(fx)).toHaveLength(0);
	});

	test("Meta's refusal of a metric the media type does not have (sent through Other Metrics) is explained", async () => {
		const fx = fixture();
		const reel = media(fx, { productType: 'REELS' });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(reel.id), metricSelection: 'chosen', mediaMetrics: ['reach'], otherMetrics: 'navigation' });
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.context.metaError).toMatchObject({ code: 100 });
		expect(result.error.description).toMatch(/does not support the navigation metric for this media product type/);
		expect(result.error.description).toMatch(/Meta offers for reels: comments, ig_reels_avg_watch_time/);
		expect(insightsCalls(fx).map((c) => c.status)).toEqual([400]);
	});

	test.each([
		['impressions', /21 April 2025.*use views/],
		['plays', /v22\.0.*21 April 2025.*use views/],
		['video_views', /v21\.0.*8 January 2025.*use views/],
		['taps_forward', /11 December 2023.*use navigation/],
	])('retired metric %s is refused before any call, saying since when and what to use', async (metric, expected) => {
		const fx = fixture();
		const m = media(fx, { productType: 'REELS' });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'chosen', mediaMetrics: ['reach'], otherMetrics: `views, ${metric}` });
		expect(result.error.message).toMatch(new RegExp(`^Other Metrics: "${metric}" was retired by Meta`));
		expect(result.error.message).toMatch(expected);
		expect(fx.calls()).toHaveLength(0);
	});

	test('a credential pinned to v21.0 may still ask for impressions (Meta serves it there for media up to July 2024); Meta’s refusal is relayed', async () => {
		const fx = fixture();
		const { app, users, scopes } = fx.seed;
		const token = fx.admin.createToken({ type: 'USER', userId: users.ada.id, scopes: [...scopes.facebook, 'instagram_manage_insights'] }).token;
		const credentials = fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret, graphApiVersion: 'v21.0' });
		const m = media(fx, { productType: 'FEED' });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'chosen', mediaMetrics: ['reach'], otherMetrics: 'impressions' }, { credentials });
		// The sandbox's media is new, so Meta refuses it: the node sent it and explains Meta's answer.
		expect(insightsCalls(fx)).toHaveLength(1);
		expect(insightsCalls(fx)[0].query.metric).toBe('reach,impressions');
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.description).toMatch(/Meta said: metric\[1\] must be one of the following values.*Meta offers for posts and carousels/);
		// The same on the default version is refused before any call.
		const current = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'chosen', mediaMetrics: ['reach'], otherMetrics: 'impressions' });
		expect(current.error.message).toMatch(/^Other Metrics: "impressions" was retired by Meta/);
		expect(insightsCalls(fx)).toHaveLength(1);
	});

	test('too few viewers: Meta’s code 10 is explained as such, not as a missing permission', async () => {
		const fx = fixture();
		const m = media(fx, { productType: 'FEED', insightsHidden: true });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'all' });
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.description).toMatch(/too few people have seen it/);
		expect(result.error.context.metaError).toMatchObject({ code: 10, category: 'fix_configuration' });
	});

	test('a story older than 24 hours: Meta answers no data; every metric still gets an item, saying so', async () => {
		const fx = fixture();
		const story = media(fx, { productType: 'STORY', ageSeconds: 2 * 86400 });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(story.id), metricSelection: 'chosen', mediaMetrics: ['reach', 'replies'] });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			expect.objectContaining({ metric: 'reach', value: null, note: expect.stringMatching(/no value/) }),
			expect.objectContaining({ metric: 'replies', value: null }),
		]);
	});

	test('without the insights permission Meta refuses and the error says to reconnect', async () => {
		const fx = fixture();
		const m = media(fx, { productType: 'FEED' });
		const result = await run(fx, { operation: 'getMediaInsights', media: rl(m.id), metricSelection: 'all' }, { credentials: insightsCredential(fx, fx.seed.scopes.facebook) });
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.context.metaError.category).toBe('reconnect');
	});

	test('with "continue (using error output)" a refused item becomes an error item and the others go on', async () => {
		const fx = fixture();
		const good = media(fx, { productType: 'FEED' }).id;
		const hidden = media(fx, { productType: 'FEED', insightsHidden: true }).id;
		const result = await fx.engine.runNode({
			type: NODE,
			parameters: { authentication: 'metaAccessTokenApi', resource: 'insights', operation: 'getMediaInsights', account: rl(fx.seed.instagram.id), media: rl('={{ $json.id }}'), metricSelection: 'all', simplify: true, options: FAST },
			credentials: insightsCredential(fx),
			items: [{ id: good }, { id: hidden }],
			onError: 'continueErrorOutput',
		});
		expect(result.items.map((i) => i.mediaId)).toEqual([good]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].details).toMatchObject({ code: 10, itemIndex: 1 });
	});
});

describe('account insights', () => {
	test('totals by media type: one item per metric and media type, with the total beside it; Simplify folds them into one row', async () => {
		const fx = fixture();
		const params = { operation: 'getAccountInsights', metricType: 'total_value', totalMetrics: ['reach', 'likes'], breakdown: 'media_product_type', datePreset: 'last_7d' };
		const result = await run(fx, params);
		expect(result.error).toBeUndefined();
		const reach = result.items.filter((i) => i.metric === 'reach');
		expect(reach.map((i) => i.dimensionValue)).toEqual(['AD', 'CAROUSEL_CONTAINER', 'POST', 'REEL', 'STORY']);
		expect(reach[0]).toMatchObject({ account: fx.seed.instagram.id, breakdown: 'media_product_type', metricType: 'total_value', period: 'day' });
		expect(reach.reduce((sum, i) => sum + i.value, 0)).toBeCloseTo(reach[0].total, -1);
		const [call] = insightsCalls(fx);
		expect(call.query).toMatchObject({ metric: 'reach,likes', metric_type: 'total_value', period: 'day', breakdown: 'media_product_type' });
		expect(Number(call.query.until) - Number(call.query.since)).toBe(7 * 86400);

		const simple = await run(fx, { ...params, simplify: true });
		expect(simple.items).toHaveLength(1);
		expect(simple.items[0]).toMatchObject({ reach: reach[0].total, reach_REEL: reach.find((i) => i.dimensionValue === 'REEL').value, since: reach[0].since });
	});

	test('per day: one item per metric and day; Simplify gives one row per day', async () => {
		const fx = fixture();
		const params = { operation: 'getAccountInsights', metricType: 'time_series', dailyMetrics: ['reach', 'follower_count'], datePreset: 'last_7d' };
		const result = await run(fx, params);
		expect(result.error).toBeUndefined();
		const days = [...new Set(result.items.map((i) => i.date))];
		expect(days).toHaveLength(7);
		expect(result.items.filter((i) => i.metric === 'follower_count')).toHaveLength(7);
		const simple = await run(fx, { ...params, simplify: true });
		expect(simple.items.map((r) => r.date)).toEqual(days);
		expect(simple.items[0]).toEqual(expect.objectContaining({ reach: expect.any(Number), follower_count: expect.any(Number) }));
	});

	test('a breakdown a chosen metric does not take is refused before any call, naming Breakdown', async () => {
		const fx = fixture();
		const result = await run(fx, { operation: 'getAccountInsights', metricType: 'total_value', totalMetrics: ['reach', 'accounts_engaged'], breakdown: 'media_product_type' });
		expect(result.error.message).toMatch(/^Breakdown "media_product_type" does not apply to accounts_engaged/);
		expect(fx.calls()).toHaveLength(0);
	});

	test('retired impressions is refused before any call; Meta’s own refusal of a retired time series is relayed', async () => {
		const fx = fixture();
		const local = await run(fx, { operation: 'getAccountInsights', metricType: 'total_value', totalMetrics: ['reach'], otherMetrics: 'impressions' });
		expect(local.error.message).toMatch(/^Other Metrics: "impressions" was retired by Meta \(Graph API v22\.0, and every version from 21 April 2025\); use views instead/);
		expect(fx.calls()).toHaveLength(0);

		// profile_views is still served as a total; its daily series was retired in v21: Meta says how to ask.
		const meta = await run(fx, { operation: 'getAccountInsights', metricType: 'time_series', dailyMetrics: ['reach'], otherMetrics: 'profile_views' });
		expect(meta.error.name).toBe('NodeApiError');
		expect(meta.error.description).toMatch(/Meta said: The following metrics \(profile_views\) should be specified with parameter metric_type=total_value/);
	});

	test('with Instagram Login the same operation runs on graph.instagram.com', async () => {
		const fx = fixture();
		const { credentials } = instagramTools(fx);
		const result = await run(fx, { operation: 'getAccountInsights', account: rl('me'), metricType: 'total_value', totalMetrics: ['views'] }, { credentials: credentials.instagram() });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([expect.objectContaining({ metric: 'views', value: expect.any(Number), account: 'me' })]);
		expect(insightsCalls(fx)[0].host).toBe('graph.instagram.com');
	});
});

describe('audience demographics', () => {
	test('one item per age group; Simplify gives one row with a column per group', async () => {
		const fx = fixture();
		const params = { operation: 'getDemographics', demographicMetric: 'engaged_audience_demographics', demographicBreakdown: 'age', timeframe: 'this_week' };
		const result = await run(fx, params);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.dimensionValue)).toEqual(['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
		expect(result.items[0]).toMatchObject({ metric: 'engaged_audience_demographics', breakdown: 'age', timeframe: 'this_week', period: 'lifetime' });
		expect(insightsCalls(fx)[0].query).toMatchObject({ metric: 'engaged_audience_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'age', timeframe: 'this_week' });
		const simple = await run(fx, { ...params, simplify: true });
		expect(simple.items).toEqual([expect.objectContaining({ breakdown: 'age', engaged_audience_demographics_25_34: result.items[2].value })]);
	});
});

test('the media picker of Get Media Insights lists the current stories first, then posts and reels', async () => {
	const fx = fixture();
	const tools = instagramTools(fx);
	const post = tools.publishedMedia('Autumn collection');
	const story = media(fx, { productType: 'STORY' });
	const description = fx.engine.nodeTypeProvider.getByNameAndVersion(NODE, 2).description.properties.find((p) => p.name === 'media' && p.displayOptions.show.resource?.includes('insights'));
	expect(description.modes.find((m) => m.name === 'list').typeOptions.searchListMethod).toBe('searchMediaAndStories');
	const list = await tools.listSearch('searchMediaAndStories', { parameters: { resource: 'insights', operation: 'getMediaInsights', account: rl(fx.seed.instagram.id) } });
	expect(list.results.map((r) => r.value)).toEqual([story.id, post.id]);
	expect(list.results[0].name).toMatch(/STORY/);
});
