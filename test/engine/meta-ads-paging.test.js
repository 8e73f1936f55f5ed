'use strict';
// Return All across Meta's production paging (short and empty pages that still carry `next`, issue 13) on every
// kind of list the nodes read: Instagram comments and media, WhatsApp templates, ad objects, insights (direct and
// from a background report). Each list is compared with the sandbox's own rows, so nothing may be cut short.
const { useFixture } = require('../support/fixture');
const { NODE, adsCredential, locator, runInsights } = require('../support/ads');
const { instagramTools, rl } = require('../support/instagram');
const w = require('../support/whatsapp');
const { addComment } = require('../sandbox/products/instagram/comments');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
	// The default already, stated so that a change of default cannot make these tests kind.
	fx.admin.settings({ pagingShortPages: true, pagingSeed: 60 });
	// Report steps in milliseconds instead of seconds: the same states and stall, a quick run.
	fx.admin.settings({ adsReportTimeScale: 0.002 });
});

/** Calls of a path, and whether there were more of them than full pages would need (so short pages occurred). */
function pageCalls(path, rows, pageSize) {
	const calls = fx.calls({ path });
	expect(calls.length).toBeGreaterThan(Math.ceil(rows / pageSize));
	return calls;
}

test('Instagram comments: all 120, in order', async () => {
	const ig = instagramTools(fx);
	const media = ig.publishedMedia();
	const state = fx.sandbox.state;
	for (let i = 0; i < 120; i++) addComment(state, { mediaId: media.id, text: `c${i}`, timestampMs: state.nowMs() + 1000 + i });
	const run = await ig.run({ resource: 'comment', operation: 'getMany', media: rl(media.id), returnAll: true });
	expect(run.error).toBeUndefined();
	expect(run.items.map((c) => c.text)).toEqual(Array.from({ length: 120 }, (_, i) => `c${119 - i}`));
	pageCalls(`/${media.id}/comments`, 120, 50);
});

test('Instagram media: all 260 posts', async () => {
	const ig = instagramTools(fx);
	for (let i = 0; i < 260; i++) {
		fx.admin.advanceClock(1);
		ig.publishedMedia(`Post ${i}`);
	}
	const run = await ig.run({ operation: 'getMany', returnAll: true });
	expect(run.error).toBeUndefined();
	const expected = ig.media().filter((m) => m.productType !== 'STORY').length;
	expect(expected).toBeGreaterThanOrEqual(260);
	expect(run.items).toHaveLength(expected);
	expect(new Set(run.items.map((m) => m.id)).size).toBe(expected);
	pageCalls(`/${fx.seed.instagram.id}/media`, expected, 100);
});

test('WhatsApp templates: every approved utility template', async () => {
	const extra = Array.from({ length: 430 }, (_, i) => ({ name: `bulk_${String(i).padStart(3, '0')}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] }));
	w.whatsappAdmin(fx.sandbox.state).addTemplates(fx.seed.waba.id, extra);
	const run = await fx.engine.runNode({
		type: w.NODE_TYPE,
		credentials: w.systemUserCredential(fx),
		parameters: { authentication: 'metaAccessTokenApi', resource: 'template', operation: 'list', wabaId: w.rl(fx.seed.waba.id), returnAll: true, filters: { status: ['APPROVED'], category: ['UTILITY'] } },
	});
	expect(run.error).toBeUndefined();
	const expected = w.whatsappAdmin(fx.sandbox.state).store().templates.get(fx.seed.waba.id).filter((t) => t.status === 'APPROVED' && t.category === 'UTILITY');
	expect(run.items.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
	pageCalls(`/${fx.seed.waba.id}/message_templates`, expected.length, 100);
});

test('ad objects: all 150 ads, and a limit of 37 gives the first 37', async () => {
	fx.admin.seed({ adAccounts: [{ id: fx.seed.adAccount.accountId, structure: { campaigns: 3, adsetsPerCampaign: 5, adsPerAdset: 10 } }] });
	const getMany = (extra) =>
		fx.engine.runNode({
			type: NODE,
			credentials: adsCredential(fx),
			parameters: { authentication: 'metaAccessTokenApi', resource: 'ad', operation: 'getMany', adAccount: locator(fx.seed.adAccount.id), objectFields: ['name'], ...extra },
		});
	const all = await getMany({ returnAll: true });
	expect(all.error).toBeUndefined();
	expect(all.items).toHaveLength(150);
	expect(new Set(all.items.map((a) => a.id)).size).toBe(150);
	pageCalls(`/act_${fx.seed.adAccount.accountId}/ads`, 150, 100);
	const some = await getMany({ returnAll: false, limit: 37 });
	expect(some.items.map((a) => a.id)).toEqual(all.items.slice(0, 37).map((a) => a.id));
});

describe('insights', () => {
	const DAILY = { level: 'ad', fields: ['ad_id', 'impressions'], timeIncrement: '1', datePreset: 'last_7d' };
	const key = (r) => `${r.ad_id}|${r.date_start}`;

	async function kindRows(parameters) {
		// The reference list: the same request read with kind paging (full pages).
		fx.admin.settings({ pagingShortPages: false });
		const run = await runInsights(fx, parameters);
		fx.admin.settings({ pagingShortPages: true });
		fx.admin.clearCalls();
		return run.items.map(key);
	}

	test('direct: every row across short and empty pages', async () => {
		const expected = await kindRows({ ...DAILY, options: { pageSize: 10 } });
		expect(expected.length).toBeGreaterThan(40);
		const run = await runInsights(fx, { ...DAILY, options: { pageSize: 10 } });
		expect(run.error).toBeUndefined();
		expect(run.items.map(key)).toEqual(expected);
		pageCalls(`/act_${fx.seed.adAccount.accountId}/insights`, expected.length, 10);
	});

	test('from a background report: every row across short and empty pages', async () => {
		const expected = await kindRows({ ...DAILY, options: { pageSize: 10 } });
		const run = await runInsights(fx, { ...DAILY, options: { pageSize: 10, mode: 'async' } });
		expect(run.error).toBeUndefined();
		expect(run.items.map(key)).toEqual(expected);
		const rowCalls = fx.calls().filter((c) => /^\/60\d+\/insights$/.test(c.path) && c.status === 200);
		expect(rowCalls.length).toBeGreaterThan(Math.ceil(expected.length / 10));
	});

	test('a limit gives exactly the first rows', async () => {
		const expected = await kindRows({ ...DAILY, options: { pageSize: 10 } });
		const run = await runInsights(fx, { ...DAILY, returnAll: false, limit: 23, options: { pageSize: 10 } });
		expect(run.items.map(key)).toEqual(expected.slice(0, 23));
	});
});
