'use strict';
// The never-double-post proof: with 20% transient faults (errors and lost answers) on every Instagram endpoint,
// 200 publishes end with exactly 200 posts in the sandbox, each reported once.
const { useFixture } = require('../support/fixture');
const { IMAGE, instagramTools, fakeMp4, binaryItem } = require('../support/instagram');

const fixture = useFixture();

/** ~20% of calls fail: half with a 5xx Meta answer (not carried out), half carried out with the answer lost. */
function injectFaults(fx) {
	for (const [host, path] of [
		['graph.facebook.com', '/17*/**'],
		['rupload.facebook.com', '/**'],
	]) {
		fx.admin.addFault({ kind: 'http5xx', code: 2, probability: 0.1, seed: 11, times: 0, match: { host, path } });
		fx.admin.addFault({ kind: 'lostResponse', probability: 0.111, seed: 23, times: 0, match: { host, path } });
	}
}

test('200 publishes under 20% injected transient faults: exactly 200 posts, none lost, none twice', async () => {
	const fx = fixture();
	const ig = instagramTools(fx);
	// 200 posts in real time: no image processing wait; Meta's late 9007 after FINISHED stays on (seeded), 0.3 s long.
	fx.admin.settings({ igPublishQuotaTotal: 1000, igVideoProcessingSeconds: 0.1, igImageProcessingSeconds: 0, igNotReadyAfterFinishedSeconds: 0.3 });
	injectFaults(fx);

	const images = await ig.run(
		{ operation: 'publish', postType: 'image', imageUrl: `=${IMAGE}?post={{ $json.n }}`, caption: '=Post {{ $json.n }}' },
		{ items: Array.from({ length: 190 }, (_, n) => ({ n })) },
	);
	expect(images.error).toBeUndefined();
	ig.useBinaryStart();
	const reels = await ig.run(
		{ operation: 'publish', postType: 'reel', videoSource: 'binary', binaryPropertyName: 'data', caption: 'Reel' },
		{ items: Array.from({ length: 10 }, () => binaryItem(fakeMp4(6000))) },
	);
	expect(reels.error).toBeUndefined();

	const reported = [...images.items, ...reels.items];
	expect(reported).toHaveLength(200);
	expect(reported.every((o) => o.published === true)).toBe(true);
	const media = ig.media();
	expect(media).toHaveLength(200);
	expect(new Set(media.map((m) => m.containerId)).size).toBe(200);
	expect(new Set(reported.map((o) => o.id))).toEqual(new Set(media.map((m) => m.id)));
	// Captions show each input item became exactly one post.
	expect(new Set(media.filter((m) => m.productType === 'FEED').map((m) => m.caption)).size).toBe(190);

	// The faults really hit publishing: lost answers were recovered, refused publishes repeated.
	const faultsHit = fx.sandbox.state.faults.reduce((n, f) => n + f.hits, 0);
	const calls = fx.calls({}).length;
	expect(faultsHit / calls).toBeGreaterThan(0.12);
	expect(reported.filter((o) => o.recoveredFromUnknownOutcome).length).toBeGreaterThan(3);
	expect(reported.filter((o) => o.publishAttempts > 1).length).toBeGreaterThan(3);
	// Meta's late 9007 after FINISHED was met too, and repeated without a second post.
	expect(fx.calls({ path: '/*/media_publish' }).filter((c) => c.status === 400).length).toBeGreaterThan(3);
}, 180_000); // 200 posts, each late 9007 followed by the node's real pause: over a minute on a busy machine
