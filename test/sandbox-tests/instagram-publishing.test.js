'use strict';
// Instagram content publishing in the sandbox (reference §2): container state machine, media_publish, quota,
// resumable upload, media reads, on both Graph hosts.
const { startSandbox, form } = require('./helpers');

let ctx;
beforeAll(async () => {
	ctx = await startSandbox();
});
afterAll(() => ctx.sandbox.stop());
beforeEach(() => {
	ctx.sandbox.admin.reset();
	ctx.sandbox.admin.seed('default');
});

const IMAGE = 'https://cdn.example.com/photo.jpg';
const VIDEO = 'https://cdn.example.com/clip.mp4';
const ig = () => ctx.seed.instagram.id;
const userToken = () => ctx.seed.tokens.adaUser;
const igToken = () => ctx.seed.tokens.instagramLogin;

function post(path, fields, token = userToken(), host = 'fb') {
	return ctx.api.post(ctx[host](path), form({ ...fields, access_token: token }));
}
function get(path, params = {}, token = userToken(), host = 'fb') {
	return ctx.api.get(ctx[host](path), { params: { ...params, access_token: token } });
}
async function status(id, token, host) {
	return (await get(`/${id}`, { fields: 'status_code,status' }, token, host)).data;
}
/** Past an image's processing (3 s ± 50%) and the moment after FINISHED when Meta may still answer 9007 (2 s). */
const settle = (seconds = 10) => ctx.sandbox.admin.advanceClock(seconds);
function expectError(res, code, subcode) {
	expect(res.status).toBeGreaterThanOrEqual(400);
	expect(res.data.error.code).toBe(code);
	if (subcode !== undefined) expect(res.data.error.error_subcode).toBe(subcode);
}

describe('containers and publishing (Facebook Login host)', () => {
	test('an image takes seconds to process, then publishes to a new media id, reads back and lists', async () => {
		const created = await post(`/${ig()}/media`, { image_url: IMAGE, caption: 'Hello #shop', alt_text: 'A mug' });
		expect(created.status).toBe(200);
		expect(created.data.id).toMatch(/^\d{17,18}$/);
		expect(await status(created.data.id)).toMatchObject({ status_code: 'IN_PROGRESS', status: expect.stringMatching(/^In Progress/) });
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), 9007, 2207027);
		settle();
		expect(await status(created.data.id)).toMatchObject({ status_code: 'FINISHED', status: expect.stringMatching(/^Finished/) });
		const published = await post(`/${ig()}/media_publish`, { creation_id: created.data.id });
		expect(published.status).toBe(200);
		expect(published.data.id).not.toBe(created.data.id);
		expect((await status(created.data.id)).status_code).toBe('PUBLISHED');
		const media = await get(`/${published.data.id}`, { fields: 'id,caption,media_type,media_product_type,permalink,alt_text,timestamp,owner' });
		expect(media.data).toMatchObject({ caption: 'Hello #shop', media_type: 'IMAGE', media_product_type: 'FEED', alt_text: 'A mug', owner: { id: ig() } });
		expect(media.data.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/\w+\/$/);
		expect(media.data.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
		const list = await get(`/${ig()}/media`, { fields: 'id,caption' });
		expect(list.data.data.map((m) => m.id)).toEqual([published.data.id]);
	});

	test('a reel stays IN_PROGRESS for the processing time; publishing early is 9007/2207027; publishing twice is refused', async () => {
		// Exact processing time and a publish right at FINISHED are what this test checks: no jitter, no late 9007.
		ctx.sandbox.admin.settings({ igVideoProcessingSeconds: 30, igProcessingJitter: 0, igNotReadyAfterFinishedShare: 0 });
		const created = await post(`/${ig()}/media`, { media_type: 'REELS', video_url: VIDEO, caption: 'Reel' });
		expect((await status(created.data.id)).status_code).toBe('IN_PROGRESS');
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), 9007, 2207027);
		ctx.sandbox.admin.advanceClock(29);
		expect((await status(created.data.id)).status_code).toBe('IN_PROGRESS');
		ctx.sandbox.admin.advanceClock(1);
		expect((await status(created.data.id)).status_code).toBe('FINISHED');
		const published = await post(`/${ig()}/media_publish`, { creation_id: created.data.id });
		expect(published.status).toBe(200);
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), 24, 2207008);
		const media = await get(`/${published.data.id}`, { fields: 'media_type,media_product_type,permalink' });
		expect(media.data).toMatchObject({ media_type: 'VIDEO', media_product_type: 'REELS' });
		expect(media.data.permalink).toContain('/reel/');
	});

	test('image problems are immediate errors: unreachable 9004/2207052, too large 36000, aspect ratio 36003, not JPEG 36001', async () => {
		expectError(await post(`/${ig()}/media`, { image_url: 'https://unreachable.example.invalid/a.jpg' }), 9004, 2207052);
		expectError(await post(`/${ig()}/media`, { image_url: `${IMAGE}?sandbox_bytes=9000000` }), 36000, 2207004);
		expectError(await post(`/${ig()}/media`, { image_url: `${IMAGE}?sandbox_width=1920&sandbox_height=800` }), 36003, 2207009);
		expectError(await post(`/${ig()}/media`, { image_url: 'https://cdn.example.com/photo.png' }), 36001, 2207005);
		// Stories accept 9:16 images.
		expect((await post(`/${ig()}/media`, { media_type: 'STORIES', image_url: `${IMAGE}?sandbox_width=1080&sandbox_height=1920` })).status).toBe(200);
	});

	test("video problems end in status ERROR after processing, in Meta's words: only the subcode names the reason", async () => {
		ctx.sandbox.admin.settings({ igVideoProcessingSeconds: 5 });
		const unreachable = await post(`/${ig()}/media`, { media_type: 'REELS', video_url: 'https://files.unreachable.invalid/v.mp4' });
		const tooLarge = await post(`/${ig()}/media`, { media_type: 'REELS', video_url: `${VIDEO}?sandbox_bytes=400000000` });
		const wide = await post(`/${ig()}/media`, { media_type: 'REELS', video_url: `${VIDEO}?sandbox_width=4000&sandbox_height=100` });
		const silentWithAudio = await post(`/${ig()}/media`, { media_type: 'REELS', video_url: `${VIDEO}?sandbox_error_subcode=2207082` });
		ctx.sandbox.admin.advanceClock(8);
		const failed = (subcode) => ({ status_code: 'ERROR', status: `Error: Media upload has failed with error code ${subcode}` });
		expect(await status(unreachable.data.id)).toMatchObject(failed(2207052));
		expect(await status(tooLarge.data.id)).toMatchObject(failed(2207053));
		expect(await status(wide.data.id)).toMatchObject(failed(2207009));
		expect(await status(silentWithAudio.data.id)).toMatchObject(failed(2207082));
	});

	test('image processing time varies per container within ±50% of the setting, the same for the same seed', async () => {
		const readyTimes = async () => {
			const created = [];
			for (let i = 0; i < 12; i++) created.push((await post(`/${ig()}/media`, { image_url: IMAGE })).data.id);
			const store = ctx.sandbox.state.ns('instagram', () => null);
			return created.map((id) => store.containers.get(id).processingMs);
		};
		const first = await readyTimes();
		for (const ms of first) expect(ms).toBeGreaterThanOrEqual(1500) && expect(ms).toBeLessThanOrEqual(4500);
		expect(new Set(first).size).toBeGreaterThan(6);
		ctx.sandbox.admin.reset();
		ctx.sandbox.admin.seed('default');
		expect(await readyTimes()).toEqual(first);
	});

	test('right after FINISHED, media_publish may still answer 9007/2207027 for a while (about 1 container in 10)', async () => {
		const lags = [];
		for (let i = 0; i < 100; i++) lags.push((await post(`/${ig()}/media`, { image_url: IMAGE })).data.id);
		const store = ctx.sandbox.state.ns('instagram', () => null);
		const late = lags.filter((id) => store.containers.get(id).notReadyAfterFinishedMs > 0);
		expect(late.length).toBeGreaterThan(3);
		expect(late.length).toBeLessThan(25);
		// Every container, so the sequence below does not hinge on the seed.
		ctx.sandbox.admin.settings({ igNotReadyAfterFinishedShare: 1, igProcessingJitter: 0 });
		const created = await post(`/${ig()}/media`, { image_url: IMAGE });
		settle(3);
		expect((await status(created.data.id)).status_code).toBe('FINISHED');
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), 9007, 2207027);
		settle(2);
		expect((await post(`/${ig()}/media_publish`, { creation_id: created.data.id })).status).toBe(200);
	});

	test('a container not published within 24 h is EXPIRED and cannot be published', async () => {
		const created = await post(`/${ig()}/media`, { image_url: IMAGE });
		ctx.sandbox.admin.advanceClock(86400);
		expect((await status(created.data.id)).status_code).toBe('EXPIRED');
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), -2, 2207020);
	});

	test('rolling 24-hour publish quota: 9/2207042 once used up, content_publishing_limit reports usage and config', async () => {
		ctx.sandbox.admin.settings({ igPublishQuotaTotal: 2 });
		for (let i = 0; i < 2; i++) {
			const c = await post(`/${ig()}/media`, { image_url: IMAGE });
			settle();
			expect((await post(`/${ig()}/media_publish`, { creation_id: c.data.id })).status).toBe(200);
			ctx.sandbox.admin.advanceClock(3600);
		}
		const third = await post(`/${ig()}/media`, { image_url: IMAGE });
		settle();
		expectError(await post(`/${ig()}/media_publish`, { creation_id: third.data.id }), 9, 2207042);
		const limit = await get(`/${ig()}/content_publishing_limit`, { fields: 'quota_usage,config' });
		expect(limit.data).toEqual({ data: [{ quota_usage: 2, config: { quota_total: 2, quota_duration: 86400 } }] });
		ctx.sandbox.admin.advanceClock(86400 - 2 * 3600 - 20 + 1); // the first post leaves the window
		expect((await get(`/${ig()}/content_publishing_limit`)).data).toEqual({ data: [{ quota_usage: 1 }] });
		expect((await post(`/${ig()}/media_publish`, { creation_id: third.data.id })).status).toBe(200);
	});

	test('carousel: 2–10 FINISHED children, counted as one post', async () => {
		ctx.sandbox.admin.settings({ igVideoProcessingSeconds: 10 });
		const child = async (fields) => (await post(`/${ig()}/media`, { is_carousel_item: 'true', ...fields })).data.id;
		const a = await child({ image_url: IMAGE });
		expectError(await post(`/${ig()}/media`, { media_type: 'CAROUSEL', children: a }), 100, 2207028);
		const many = [];
		for (let i = 0; i < 11; i++) many.push(await child({ image_url: IMAGE }));
		expectError(await post(`/${ig()}/media`, { media_type: 'CAROUSEL', children: many.join(',') }), 100, 2207028);
		const video = await child({ media_type: 'VIDEO', video_url: VIDEO });
		expectError(await post(`/${ig()}/media`, { media_type: 'CAROUSEL', children: `${a},${video}` }), 9007, 2207027);
		ctx.sandbox.admin.advanceClock(15);
		const parent = await post(`/${ig()}/media`, { media_type: 'CAROUSEL', children: `${a},${video}`, caption: 'Two' });
		expect(parent.status).toBe(200);
		settle();
		expectError(await post(`/${ig()}/media_publish`, { creation_id: a }), 100);
		const published = await post(`/${ig()}/media_publish`, { creation_id: parent.data.id });
		const media = await get(`/${published.data.id}`, { fields: 'media_type,children' });
		expect(media.data.media_type).toBe('CAROUSEL_ALBUM');
		expect(media.data.children.data.map((c) => c.media_type)).toEqual(['IMAGE', 'VIDEO']);
		expect((await get(`/${ig()}/content_publishing_limit`)).data.data[0].quota_usage).toBe(1);
	});

	test('caption rules: 2,200 characters, 20 mentions, 30 hashtags; VIDEO outside a carousel is refused', async () => {
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE, caption: 'x'.repeat(2201) }), 36004, 2207010);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE, caption: Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ') }), 100, 2207040);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE, caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ') }), 100);
		expectError(await post(`/${ig()}/media`, { media_type: 'VIDEO', video_url: VIDEO }), 100, 2207023);
		expectError(await post(`/${ig()}/media`, { media_type: 'REELS', video_url: `${VIDEO}?sandbox_duration=10`, thumb_offset: '12000' }), 1, 2207057);
		expectError(await post(`/${ig()}/media`, { media_type: 'REELS', video_url: VIDEO, product_tags: JSON.stringify([{ product_id: '1', x: 0.1, y: 0.1 }]) }), 100, 2207035);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE, product_tags: JSON.stringify([{ product_id: '1' }]) }), 100, 2207036);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE, product_tags: JSON.stringify(Array(6).fill({ product_id: '1', x: 0, y: 0 })) }), 100, 2207037);
	});

	test('a restricted account can create and publish nothing: 25/2207050', async () => {
		const created = await post(`/${ig()}/media`, { image_url: IMAGE });
		ctx.sandbox.state.igAccounts.get(ig()).restricted = true;
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE }), 25, 2207050);
		expectError(await post(`/${ig()}/media_publish`, { creation_id: created.data.id }), 25, 2207050);
	});

	test('who may publish: a Page token of the account’s Page yes; a token without instagram_content_publish no', async () => {
		const viaPage = await post(`/${ig()}/media`, { image_url: IMAGE }, ctx.seed.tokens.adaPage);
		expect(viaPage.status).toBe(200);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE }, ctx.seed.tokens.eddieUser), 200);
		expectError(await post(`/${ig()}/media`, { image_url: IMAGE }, igToken()), 190);
	});
});

describe('Instagram Login host', () => {
	test('publishes through graph.instagram.com with `me` or the account id; resumable upload is refused there', async () => {
		const created = await post('/me/media', { image_url: IMAGE }, igToken(), 'ig');
		expect(created.status).toBe(200);
		settle();
		const published = await post(`/${ig()}/media_publish`, { creation_id: created.data.id }, igToken(), 'ig');
		expect(published.status).toBe(200);
		const list = await get('/me/media', { fields: 'id' }, igToken(), 'ig');
		expect(list.data.data[0].id).toBe(published.data.id);
		expectError(await post('/me/media', { media_type: 'REELS', upload_type: 'resumable' }, igToken(), 'ig'), 100);
		expectError(await post('/me/media', { image_url: IMAGE }, userToken(), 'ig'), 190);
	});
});

describe('resumable upload on rupload.facebook.com', () => {
	const upload = (id, bytes, offset, fileSize, token = userToken()) =>
		ctx.api.post(`/rupload.facebook.com/ig-api-upload/v26.0/${id}`, bytes, {
			headers: { Authorization: `OAuth ${token}`, offset: String(offset), file_size: String(fileSize), 'content-type': 'application/octet-stream' },
		});

	test('bytes arrive in chunks at the right offsets, then processing starts', async () => {
		// The offset query is the reference's [UNCONFIRMED] guess: opt in to check the sandbox's version of it.
		ctx.sandbox.admin.settings({ igVideoProcessingSeconds: 8, igRuploadOffsetQuery: true });
		const created = await post(`/${ig()}/media`, { media_type: 'REELS', upload_type: 'resumable', caption: 'Uploaded' });
		expect(created.data.uri).toBe(`https://rupload.facebook.com/ig-api-upload/v26.0/${created.data.id}`);
		const video = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmp42'), Buffer.alloc(2000, 7)]);
		const first = await upload(created.data.id, video.subarray(0, 1000), 0, video.length);
		expect(first.data).toMatchObject({ success: true, offset: 1000 });
		const wrong = await upload(created.data.id, video.subarray(1000), 500, video.length);
		expect(wrong.status).toBe(400);
		expect(wrong.data.debug_info).toMatchObject({ retriable: false, type: 'ProcessingFailedError', message: expect.stringContaining('resume at offset 1000') });
		const where = await ctx.api.get(`/rupload.facebook.com/ig-api-upload/v26.0/${created.data.id}`, { headers: { Authorization: `OAuth ${userToken()}` } });
		expect(where.data).toEqual({ offset: 1000, file_size: video.length });
		ctx.sandbox.admin.advanceClock(60);
		expect((await status(created.data.id)).status_code).toBe('IN_PROGRESS'); // bytes missing: no processing yet
		const rest = await upload(created.data.id, video.subarray(1000), 1000, video.length);
		expect(rest.data).toEqual({ success: true, message: 'Upload successful.' });
		expect((await status(created.data.id)).status_code).toBe('IN_PROGRESS');
		ctx.sandbox.admin.advanceClock(12);
		expect((await status(created.data.id)).status_code).toBe('FINISHED');
		settle(3);
		expect((await post(`/${ig()}/media_publish`, { creation_id: created.data.id })).status).toBe(200);
	});

	test('the token goes as `Authorization: OAuth`: Bearer is refused; GET for the offset answers only when opted in', async () => {
		const created = await post(`/${ig()}/media`, { media_type: 'REELS', upload_type: 'resumable' });
		const video = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmp42'), Buffer.alloc(100, 7)]);
		const url = `/rupload.facebook.com/ig-api-upload/v26.0/${created.data.id}`;
		const bearer = await ctx.api.post(url, video, { headers: { Authorization: `Bearer ${userToken()}`, offset: '0', file_size: String(video.length), 'content-type': 'application/octet-stream' } });
		expect(bearer.status).toBe(400);
		expect(bearer.data.error).toMatchObject({ code: 190 });
		expect(ctx.sandbox.state.ns('instagram', () => null).containers.get(created.data.id).upload.received).toBe(0);
		const where = await ctx.api.get(url, { headers: { Authorization: `OAuth ${userToken()}` } });
		expect(where.status).toBe(405);
		expect(where.data.offset).toBeUndefined();
		const oauth = await upload(created.data.id, video, 0, video.length);
		expect(oauth.data).toEqual({ success: true, message: 'Upload successful.' });
	});

	test('a file that is not MP4/MOV ends in ERROR 2207026', async () => {
		ctx.sandbox.admin.settings({ igVideoProcessingSeconds: 0 });
		const created = await post(`/${ig()}/media`, { media_type: 'REELS', upload_type: 'resumable' });
		await upload(created.data.id, Buffer.from('not a video at all'), 0, 18);
		expect(await status(created.data.id)).toMatchObject({ status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026' });
	});
});

describe('fault additions used by the Instagram proofs', () => {
	test('lostResponse carries the request out and drops the answer; probability faults fire on a share of calls', async () => {
		const created = await post(`/${ig()}/media`, { image_url: IMAGE });
		settle();
		ctx.sandbox.admin.addFault({ kind: 'lostResponse', match: { path: '/*/media_publish' } });
		await expect(post(`/${ig()}/media_publish`, { creation_id: created.data.id })).rejects.toThrow();
		expect((await status(created.data.id)).status_code).toBe('PUBLISHED');
		ctx.sandbox.admin.addFault({ kind: 'http5xx', probability: 0.2, times: 0, seed: 7, match: { path: '/**' } });
		let failed = 0;
		for (let i = 0; i < 200; i++) if ((await get(`/${ig()}/media`)).status >= 500) failed += 1;
		expect(failed).toBeGreaterThan(20);
		expect(failed).toBeLessThan(60);
	});
});
