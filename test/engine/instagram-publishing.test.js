'use strict';
// Instagram Business node, Media resource: publishing with in-node waiting, through real WorkflowExecute against the
// sandbox, on both login paths.
const { useFixture } = require('../support/fixture');
const { IMAGE, VIDEO, instagramTools, fakeMp4, binaryItem } = require('../support/instagram');

const fixture = useFixture();
let fx;
let ig;
beforeEach(() => {
	fx = fixture();
	ig = instagramTools(fx);
});

const publish = (extra, opts) => ig.run({ operation: 'publish', ...extra }, opts);
const errorText = (error) => `${error.message} ${error.description ?? ''}`;

describe('publish', () => {
	test('an image with Facebook Login: waits through processing, published with id and permalink', async () => {
		// This test checks a publish on its first attempt; the late 9007 has tests of its own.
		fx.admin.settings({ igNotReadyAfterFinishedShare: 0 });
		const run = await publish({ postType: 'image', imageUrl: IMAGE, caption: 'New mug #shop', options: { altText: 'A blue mug', locationId: '1200000000000099' } });
		expect(run.error).toBeUndefined();
		const out = run.items[0];
		expect(out).toMatchObject({ published: true, postType: 'image', mediaType: 'IMAGE', mediaProductType: 'FEED', publishAttempts: 1, recoveredFromUnknownOutcome: false });
		expect(out.statusChecks).toBeGreaterThan(1);
		expect(out.waitedMs).toBeGreaterThanOrEqual(1500);
		expect(out.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
		const media = ig.media();
		expect(media).toHaveLength(1);
		expect(media[0]).toMatchObject({ id: out.id, containerId: out.containerId, caption: 'New mug #shop', altText: 'A blue mug', locationId: '1200000000000099' });
	});

	test('an image with Instagram Login goes to graph.instagram.com', async () => {
		const run = await publish({ postType: 'image', imageUrl: IMAGE, caption: 'via IG login' }, { login: 'instagram' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].published).toBe(true);
		const hosts = new Set(fx.calls({ path: '/**' }).filter((c) => /media/.test(c.path)).map((c) => c.host));
		expect([...hosts]).toEqual(['graph.instagram.com']);
	});

	test('a reel from a URL: the node waits through IN_PROGRESS and publishes once FINISHED', async () => {
		const run = await publish({ postType: 'reel', videoSource: 'url', videoUrl: `${VIDEO}?sandbox_processing=1.5`, caption: 'Reel', options: { shareToFeed: false, audioName: 'Shop song', thumbOffset: 1500 } });
		expect(run.error).toBeUndefined();
		const out = run.items[0];
		expect(out).toMatchObject({ published: true, mediaType: 'VIDEO', mediaProductType: 'REELS' });
		expect(out.statusChecks).toBeGreaterThan(1);
		expect(out.waitedMs).toBeGreaterThanOrEqual(1500);
		const container = ig.containers().find((c) => c.id === out.containerId);
		expect(container.statusReads).toBe(out.statusChecks);
		expect(container.params).toMatchObject({ share_to_feed: 'false', audio_name: 'Shop song', thumb_offset: '1500' });
		// No media_publish before the container was ready.
		expect(fx.calls({ path: '/*/media_publish' })).toHaveLength(1);
	});

	test('the second of two alike reels is checked around the learned processing time: fewer checks', async () => {
		// Counts the checks of the processing wait alone, without the ones after a late 9007.
		fx.admin.settings({ igNotReadyAfterFinishedShare: 0 });
		const run = await publish(
			{ postType: 'reel', videoSource: 'url', videoUrl: `=${VIDEO}?sandbox_processing=3&n={{ $json.n }}` },
			{ items: [{ n: 1 }, { n: 2 }] },
		);
		expect(run.error).toBeUndefined();
		const [first, second] = run.items;
		expect(second.published).toBe(true);
		expect(first.statusChecks).toBeGreaterThanOrEqual(6);
		expect(second.statusChecks).toBeLessThanOrEqual(5);
		expect(second.statusChecks).toBeLessThan(first.statusChecks);
	});

	test('a reel from n8n binary data is uploaded through rupload and published', async () => {
		ig.useBinaryStart();
		fx.admin.settings({ igVideoProcessingSeconds: 0.5 });
		const video = fakeMp4(50_000);
		const run = await publish({ postType: 'reel', videoSource: 'binary', binaryPropertyName: 'data', caption: 'Made earlier in the workflow' }, { items: [binaryItem(video)] });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ published: true, mediaProductType: 'REELS' });
		const uploads = fx.calls({ host: 'rupload.facebook.com' });
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ method: 'POST', status: 200 });
		const created = fx.calls({ path: '/*/media', method: 'POST' })[0];
		expect(created.body).toMatchObject({ media_type: 'REELS', upload_type: 'resumable' });
	});

	test('a binary upload whose answer is lost starts over in a new container (no offset is trusted): one post', async () => {
		ig.useBinaryStart();
		fx.admin.settings({ igVideoProcessingSeconds: 0.2 });
		fx.admin.addFault({ kind: 'lostResponse', match: { host: 'rupload.facebook.com', path: '/**', method: 'POST' } });
		const run = await publish({ postType: 'reel', videoSource: 'binary', binaryPropertyName: 'data' }, { items: [binaryItem(fakeMp4(8000))] });
		expect(run.error).toBeUndefined();
		expect(run.items[0].published).toBe(true);
		const uploadCalls = fx.calls({ host: 'rupload.facebook.com' });
		expect(uploadCalls.map((c) => c.method)).toEqual(['POST', 'POST']);
		const created = fx.calls({ path: '/*/media', method: 'POST' }).map((c) => c.seq);
		expect(created).toHaveLength(2);
		expect(uploadCalls.map((c) => c.path.split('/').pop())).toEqual(ig.containers().filter((c) => c.upload).map((c) => c.id));
		const media = ig.media();
		expect(media).toHaveLength(1);
		expect(media[0].containerId).toBe(run.items[0].containerId);
		expect(run.items[0].containerId).toBe(uploadCalls[1].path.split('/').pop());
	});

	test('rupload gets `Authorization: OAuth` from both credentials (the sandbox refuses Bearer there)', async () => {
		ig.useBinaryStart();
		fx.admin.settings({ igVideoProcessingSeconds: 0.2 });
		const { app, tokens } = fx.seed;
		const oauth2 = fx.credential('metaOAuth2Api', { clientId: app.id, clientSecret: app.secret, oauthTokenData: { access_token: tokens.adaUser, token_type: 'bearer', expires_in: 5183944 } });
		for (const creds of [undefined, oauth2]) {
			const authentication = creds ? 'metaOAuth2Api' : 'metaAccessTokenApi';
			const run = await ig.run({ authentication, operation: 'publish', postType: 'reel', videoSource: 'binary', binaryPropertyName: 'data' }, { creds, items: [binaryItem(fakeMp4(3000))] });
			expect(run.error).toBeUndefined();
		}
		const uploads = fx.calls({ host: 'rupload.facebook.com' });
		expect(uploads.map((c) => [c.status, c.tokenType])).toEqual([
			[200, 'USER'],
			[200, 'USER'],
		]);
		expect(ig.media()).toHaveLength(2);
	});

	test('a 10-item carousel of images and videos: every child FINISHED before the parent is created', async () => {
		const items = Array.from({ length: 10 }, (_, i) =>
			i % 3 === 0 ? { mediaType: 'video', url: `${VIDEO}?sandbox_processing=${0.3 + i / 10}` } : { mediaType: 'image', url: `${IMAGE}?n=${i}`, altText: `Photo ${i}` },
		);
		const run = await publish({ postType: 'carousel', carouselItems: { items }, caption: 'Ten', options: { collaborators: 'jane, @joe' } });
		expect(run.error).toBeUndefined();
		const out = run.items[0];
		expect(out).toMatchObject({ published: true, mediaType: 'CAROUSEL_ALBUM' });
		expect(out.childContainerIds).toHaveLength(10);
		const media = ig.media();
		expect(media).toHaveLength(1);
		expect(media[0].children.map((c) => c.mediaType)).toEqual(items.map((i) => (i.mediaType === 'video' ? 'VIDEO' : 'IMAGE')));
		expect(media[0].collaborators).toEqual(['jane', 'joe']);
		const posts = fx.calls({ path: '/*/media', method: 'POST' });
		const parentSeq = posts.find((c) => c.body.media_type === 'CAROUSEL').seq;
		const lastChildRead = Math.max(...fx.calls({ method: 'GET' }).filter((c) => out.childContainerIds.includes(c.path.slice(1))).map((c) => c.seq));
		expect(lastChildRead).toBeLessThan(parentSeq);
	});

	test('stories: an image and a video', async () => {
		const image = await publish({ postType: 'storyImage', imageUrl: `${IMAGE}?sandbox_width=1080&sandbox_height=1920` });
		expect(image.error).toBeUndefined();
		expect(image.items[0]).toMatchObject({ published: true, mediaProductType: 'STORY' });
		const video = await publish({ postType: 'storyVideo', videoSource: 'url', videoUrl: `${VIDEO}?sandbox_processing=0.4` });
		expect(video.items[0]).toMatchObject({ published: true, mediaProductType: 'STORY', mediaType: 'VIDEO' });
		ig.useBinaryStart();
		fx.admin.settings({ igVideoProcessingSeconds: 0.2 });
		const uploaded = await publish({ postType: 'storyVideo', videoSource: 'binary', binaryPropertyName: 'data' }, { items: [binaryItem(fakeMp4(4000))] });
		expect(uploaded.items[0]).toMatchObject({ published: true, mediaProductType: 'STORY' });
		const stories = await ig.run({ operation: 'getMany', returnAll: true, options: { stories: true } });
		expect(stories.items.map((m) => m.id).sort()).toEqual([image.items[0].id, video.items[0].id, uploaded.items[0].id].sort());
	});
});

describe('waiting ends with Meta’s reason', () => {
	test('ERROR: an unreachable video URL stops with Meta’s status and what to do', async () => {
		const run = await publish({ postType: 'reel', videoSource: 'url', videoUrl: 'https://files.unreachable.invalid/v.mp4?sandbox_processing=0.3' });
		expect(run.error).toBeDefined();
		expect(errorText(run.error)).toMatch(/could not download the media from the given URL; make sure the link is public/);
		expect(errorText(run.error)).toMatch(/Meta's status: Error: Media upload has failed with error code 2207052/);
		expect(ig.media()).toHaveLength(0);
	});

	test.each([
		[2207026, /The video format is not supported; upload an MOV or MP4 file\./],
		[2207077, /could not download the video from its URL/],
		[2207082, /reported when audio is added to a video without a sound track/],
		[2207085, /check its format \(MP4 or MOV\), duration and resolution/],
	])("ERROR with Meta's real status text, subcode %i: the catalog's sentence for it", async (subcode, sentence) => {
		const run = await publish({ postType: 'reel', videoSource: 'url', videoUrl: `${VIDEO}?sandbox_processing=0.3&sandbox_error_subcode=${subcode}` });
		expect(run.error.context.container.status).toBe(`Error: Media upload has failed with error code ${subcode}`);
		expect(run.error.description).toMatch(sentence);
		expect(run.error.context.metaError).toMatchObject({ subcode, category: 'fix_configuration' });
		expect(ig.media()).toHaveLength(0);
	});

	test("ERROR with a subcode the catalog does not know: Meta's own words", async () => {
		const run = await publish({ postType: 'image', imageUrl: `${IMAGE}?sandbox_processing=0.3&sandbox_error_subcode=2207999` });
		expect(run.error.description).toMatch(/could not prepare container \d+ for publishing; Meta says: "Media upload has failed with error code 2207999"/);
		expect(run.error.context.metaError).toMatchObject({ subcode: 2207999 });
		expect(fx.calls({ path: '/*/media_publish' })).toHaveLength(0);
	});

	test('EXPIRED: a container left for 24 hours cannot be published and says to publish again', async () => {
		const created = await publish({ postType: 'image', imageUrl: IMAGE, options: { waitAndPublish: false } });
		expect(created.items[0]).toMatchObject({ published: false, containerId: expect.stringMatching(/^\d+$/) });
		fx.admin.advanceClock(86400);
		const run = await ig.run({ operation: 'publishContainer', containerId: created.items[0].containerId });
		expect(errorText(run.error)).toMatch(/not published within 24 hours/);
		expect(run.error.context.metaError.category).toBe('fix_configuration');
	});

	test('an immediate image error (9004/2207052) comes from container creation', async () => {
		const run = await publish({ postType: 'image', imageUrl: 'https://unreachable.example.invalid/p.jpg' });
		expect(run.error.context.metaError).toMatchObject({ code: 9004, subcode: 2207052 });
	});

	test('timeout: still processing after the timeout ends with the container id and no post', async () => {
		const run = await publish({ postType: 'reel', videoSource: 'url', videoUrl: `${VIDEO}?sandbox_processing=600`, options: { timeoutMinutes: 0.02 } });
		expect(errorText(run.error)).toMatch(/still processing .* nothing was published.*Publish Container/);
		expect(run.error.context.containerIds).toHaveLength(1);
		expect(fx.calls({ path: '/*/media_publish' })).toHaveLength(0);
	});
});

describe('publish without waiting, then by id', () => {
	test('returns the container id; status and Publish Container finish the job', async () => {
		const created = await publish({ postType: 'reel', videoSource: 'url', videoUrl: `${VIDEO}?sandbox_processing=0.5`, options: { waitAndPublish: false } });
		const containerId = created.items[0].containerId;
		const status = await ig.run({ operation: 'getContainerStatus', containerId });
		expect(status.items[0]).toMatchObject({ containerId, statusCode: 'IN_PROGRESS', readyToPublish: false });
		const published = await ig.run({ operation: 'publishContainer', containerId });
		expect(published.error).toBeUndefined();
		expect(published.items[0]).toMatchObject({ published: true, containerId, mediaProductType: 'REELS' });
		const again = await ig.run({ operation: 'publishContainer', containerId });
		expect(again.items[0]).toMatchObject({ alreadyPublished: true });
		expect(ig.media()).toHaveLength(1);
	});
});

describe('never a double post', () => {
	test('an image that takes seconds, then answers 9007 right after FINISHED: the node waits and publishes once', async () => {
		// Every container answers 9007 after FINISHED here, so the test does not hinge on the seed.
		fx.admin.settings({ igNotReadyAfterFinishedShare: 1, igNotReadyAfterFinishedSeconds: 2 });
		const run = await publish({ postType: 'image', imageUrl: IMAGE, caption: 'Takes a moment' });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ published: true, mediaType: 'IMAGE' });
		const publishes = fx.calls({ path: '/*/media_publish' });
		expect(publishes[0].status).toBe(400);
		expect(publishes.filter((c) => c.status === 200)).toHaveLength(1);
		expect(publishes.length).toBeLessThanOrEqual(5);
		expect(run.items[0].publishAttempts).toBe(publishes.length);
		const container = ig.containers().find((c) => c.id === run.items[0].containerId);
		const readyAt = container.startedAtMs + container.processingMs;
		expect(publishes[0].at).toBeGreaterThanOrEqual(readyAt);
		expect(publishes.at(-1).at).toBeGreaterThanOrEqual(readyAt + 2000);
		expect(ig.media()).toHaveLength(1);
	});

	test('media_publish answer lost: the node reads PUBLISHED and reports the post instead of publishing again', async () => {
		// The lost answer alone decides the attempts counted here, not a late 9007.
		fx.admin.settings({ igNotReadyAfterFinishedShare: 0 });
		fx.admin.addFault({ kind: 'lostResponse', match: { path: '/*/media_publish' } });
		const run = await publish({ postType: 'image', imageUrl: IMAGE });
		expect(run.error).toBeUndefined();
		const media = ig.media();
		expect(media).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ published: true, id: media[0].id, recoveredFromUnknownOutcome: true, publishAttempts: 1 });
		expect(fx.calls({ path: '/*/media_publish' })).toHaveLength(1);
	});

	test('media_publish fails with a 5xx: status FINISHED shows it did not go through, so it is published once more', async () => {
		// The 5xx alone decides the attempts counted here, not a late 9007.
		fx.admin.settings({ igNotReadyAfterFinishedShare: 0 });
		fx.admin.addFault({ kind: 'http5xx', code: 2, match: { path: '/*/media_publish' } });
		const run = await publish({ postType: 'image', imageUrl: IMAGE });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ published: true, publishAttempts: 2, recoveredFromUnknownOutcome: false });
		expect(ig.media()).toHaveLength(1);
	});
});

describe('publishing quota', () => {
	test('9/2207042 is a quota error with the time the quota frees up; the check operation and option agree', async () => {
		fx.admin.settings({ igPublishQuotaTotal: 1 });
		expect((await publish({ postType: 'image', imageUrl: IMAGE })).error).toBeUndefined();
		const publishedAt = ig.media()[0].timestampMs;
		const over = await publish({ postType: 'image', imageUrl: IMAGE });
		expect(over.error.context.metaError).toMatchObject({ category: 'quota', code: 9, subcode: 2207042 });
		const freesUpAt = new Date(publishedAt - (publishedAt % 1000) + 86400 * 1000).toISOString();
		expect(over.error.description).toContain(freesUpAt);
		expect(over.error.context.quota).toMatchObject({ quotaUsage: 1, quotaTotal: 1, remaining: 0, freesUpAt });
		const limit = await ig.run({ operation: 'getPublishingLimit' });
		expect(limit.items[0]).toEqual({ quotaUsage: 1, quotaTotal: 1, quotaDurationSeconds: 86400, remaining: 0, freesUpAt });
		fx.admin.clearCalls();
		const checked = await publish({ postType: 'image', imageUrl: IMAGE, options: { checkQuotaFirst: true } });
		expect(checked.error.context.metaError.code).toBe(9);
		expect(fx.calls({ path: '/*/media', method: 'POST' })).toHaveLength(0);
	});
});

describe('validation before any call to Meta', () => {
	const cases = [
		['caption too long', { postType: 'image', imageUrl: IMAGE, caption: 'x'.repeat(2201) }, /2201 characters long: Instagram allows at most 2200/],
		['too many hashtags', { postType: 'image', imageUrl: IMAGE, caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ') }, /31 hashtags/],
		['too many mentions', { postType: 'image', imageUrl: IMAGE, caption: Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ') }, /21 accounts/],
		['carousel of one', { postType: 'carousel', carouselItems: { items: [{ mediaType: 'image', url: IMAGE }] } }, /Carousel Items has 1 item\(s\): a carousel needs 2 to 10/],
		['carousel of eleven', { postType: 'carousel', carouselItems: { items: Array(11).fill({ mediaType: 'image', url: IMAGE }) } }, /has 11 item/],
		['blank image URL', { postType: 'image', imageUrl: '  ' }, /Image URL is empty/],
		['not a URL', { postType: 'reel', videoSource: 'url', videoUrl: 'clip.mp4' }, /Video URL "clip.mp4" is not a web address/],
		['four collaborators', { postType: 'image', imageUrl: IMAGE, options: { collaborators: 'a,b,c,d' } }, /at most 3/],
		['user tag without position', { postType: 'image', imageUrl: IMAGE, options: { userTags: { tag: [{ username: 'jane', x: '' }] } } }, /needs X and Y/],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		fx.admin.clearCalls();
		const run = await publish(parameters);
		expect(run.error).toBeDefined();
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toMatch(message);
		expect(fx.calls({ path: '/*/media' })).toHaveLength(0);
	});

	test('binary video with Instagram Login is refused with what to do instead', async () => {
		const run = await publish({ postType: 'reel', videoSource: 'binary' }, { login: 'instagram' });
		expect(run.error.message).toMatch(/needs Facebook Login.*public Video URL/);
	});
});

describe('options shown per post type (displayOptions)', () => {
	const description = () => fx.engine.nodeTypes['n8n-nodes-meta-business.instagramBusiness'];
	const publishOptions = () => {
		const type = description();
		const props = (type.nodeVersions?.[type.currentVersion]?.description ?? type.description).properties;
		return props.find((p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('publish')).options;
	};

	test('each option is offered only for the post types Instagram accepts it on', () => {
		const shownFor = Object.fromEntries(publishOptions().map((o) => [o.name, o.displayOptions?.show?.['/postType'] ?? 'all']));
		expect(shownFor).toMatchObject({
			altText: ['image'],
			audioName: ['reel'],
			coverUrl: ['reel'],
			shareToFeed: ['reel'],
			thumbOffset: ['reel'],
			collaborators: ['image', 'reel', 'carousel'],
			locationId: ['image', 'reel', 'carousel'],
			userTags: ['image', 'reel', 'storyImage', 'storyVideo'],
			checkQuotaFirst: 'all',
			waitAndPublish: 'all',
		});
	});

	test('a saved workflow holding options that do not apply still runs: n8n drops hidden values, applicable ones stay', async () => {
		// As saved before the change: a story with collaborators, location and a reel's audio name (refused at run time then).
		const story = await publish({ postType: 'storyImage', imageUrl: `${IMAGE}?sandbox_width=1080&sandbox_height=1920`, options: { collaborators: 'jane', locationId: '1200000000000099', audioName: 'x', userTags: { tag: [{ username: 'jane' }] } } });
		expect(story.error).toBeUndefined();
		const image = await publish({ postType: 'image', imageUrl: IMAGE, options: { coverUrl: IMAGE, shareToFeed: false, altText: 'A mug' } });
		expect(image.error).toBeUndefined();
		const bodies = fx.calls({ path: '/*/media', method: 'POST' }).map((c) => c.body);
		expect(bodies[0]).toMatchObject({ media_type: 'STORIES', user_tags: expect.stringContaining('jane') });
		expect(bodies[0].collaborators).toBeUndefined();
		expect(bodies[0].location_id).toBeUndefined();
		expect(bodies[0].audio_name).toBeUndefined();
		expect(bodies[1]).toMatchObject({ alt_text: 'A mug' });
		expect(bodies[1].cover_url).toBeUndefined();
		expect(bodies[1].share_to_feed).toBeUndefined();
	});
});

describe('reading media', () => {
	test('get one media item and list recent media with pagination', async () => {
		// 30 posts only feed the reads under test: no processing wait for each.
		fx.admin.settings({ igImageProcessingSeconds: 0, igNotReadyAfterFinishedShare: 0 });
		for (let i = 0; i < 30; i++) fx.admin.advanceClock(1) && (await publish({ postType: 'image', imageUrl: IMAGE, caption: `Post ${i}` }));
		const all = await ig.run({ operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(30);
		expect(all.items[0].caption).toBe('Post 29');
		expect(new Set(all.items.map((m) => m.id)).size).toBe(30);
		const some = await ig.run({ operation: 'getMany', returnAll: false, limit: 5 });
		expect(some.items.map((m) => m.caption)).toEqual(['Post 29', 'Post 28', 'Post 27', 'Post 26', 'Post 25']);
		const one = await ig.run({ operation: 'get', media: { __rl: true, mode: 'list', value: all.items[3].id } });
		expect(one.items[0]).toMatchObject({ id: all.items[3].id, caption: 'Post 26', media_type: 'IMAGE', permalink: expect.stringContaining('instagram.com') });
	});
});

describe('setup check', () => {
	test('Setup → Check reports on the token the node uses', async () => {
		const run = await ig.run({ resource: 'setup', operation: 'check' });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ status: expect.stringMatching(/pass|warn/), checks: expect.any(Array) });
		expect(run.items[0].checks.find((c) => c.id === 'instagram.accounts')).toMatchObject({ status: 'pass', found: expect.stringContaining('@adas.shop') });
	});

	test('Setup → Check fails with the fix when no Instagram account is linked to the user’s Pages', async () => {
		fx.sandbox.state.pages.get(fx.seed.page.id).instagramBusinessAccountId = undefined;
		const run = await ig.run({ resource: 'setup', operation: 'check' });
		expect(run.items[0].status).toBe('fail');
		expect(run.items[0].checks.find((c) => c.id === 'instagram.accounts')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/link it to a Facebook Page/) });
	});
});

describe('Facebook Login OAuth2 and an Instagram Login token', () => {
	test('Facebook Login OAuth2 publishes a binary reel (rupload) and an Instagram Login token publishes an image', async () => {
		const { app, tokens } = fx.seed;
		fx.admin.settings({ igVideoProcessingSeconds: 0.2 });
		const fb = fx.credential('metaOAuth2Api', {
			clientId: app.id,
			clientSecret: app.secret,
			oauthTokenData: { access_token: tokens.adaUser, token_type: 'bearer', expires_in: 5183944 },
		});
		ig.useBinaryStart();
		const reel = await ig.run(
			{ authentication: 'metaOAuth2Api', operation: 'publish', postType: 'reel', videoSource: 'binary', binaryPropertyName: 'data' },
			{ creds: fb, items: [binaryItem(fakeMp4(3000))] },
		);
		expect(reel.error).toBeUndefined();
		expect(reel.items[0]).toMatchObject({ published: true, mediaProductType: 'REELS' });
		expect(fx.calls({ host: 'rupload.facebook.com' })[0]).toMatchObject({ tokenType: 'USER', status: 200 });

		// Instagram Login accounts use the Meta Access Token credential with the dashboard's long-lived token.
		const igCreds = fx.credential('metaAccessTokenApi', { accessToken: tokens.instagramLogin, appId: app.instagramAppId, appSecret: app.instagramAppSecret });
		const image = await ig.run({ authentication: 'metaAccessTokenApi', operation: 'publish', postType: 'image', imageUrl: IMAGE }, { creds: igCreds, items: [{}] });
		expect(image.error).toBeUndefined();
		expect(image.items[0].published).toBe(true);
		expect(fx.calls({ path: '/*/media_publish' }).filter((c) => c.status === 200).map((c) => c.host)).toEqual(['graph.facebook.com', 'graph.instagram.com']);
	});
});
