'use strict';
// The resource locators' searchable lists (ad accounts, campaigns, ad sets, ads) in n8n-core's real LoadOptionsContext.
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { useFixture } = require('../support/fixture');
const { NODE, adsCredential, locator } = require('../support/ads');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

/** Calls listSearch[method] as the editor does while the node has `parameters`. */
async function search(method, parameters, filter, paginationToken) {
	const node = { id: 'ads', name: 'Meta Ads', type: NODE, typeVersion: 1, position: [0, 0], parameters, credentials: adsCredential(fx) };
	const workflow = new Workflow({ id: 'w', name: 'w', active: false, nodeTypes: fx.engine.nodeTypeProvider, nodes: [node], connections: {} });
	const additionalData = { ...fx.engine.additionalData(workflow), currentNodeParameters: parameters };
	const context = new core.LoadOptionsContext(workflow, node, additionalData, 'parameters.adAccount');
	const nodeType = fx.engine.nodeTypeProvider.getByNameAndVersion(NODE, 1);
	return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
}

const base = () => ({ authentication: 'metaAccessTokenApi', resource: 'insights', operation: 'get', adAccount: locator(fx.seed.adAccount.id) });

test('ad accounts: name, status note and Ads Manager link; the filter matches names', async () => {
	fx.admin.seed({ adAccounts: [{ id: '900000000000002', name: 'Old Shop', account_status: 2, userIds: [fx.seed.users.ada.id] }] });
	const all = await search('searchAdAccounts', base());
	expect(all.results).toEqual([
		{ name: "Ada's Shop Ads", value: 'act_900000000000001', url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=900000000000001' },
		{ name: 'Old Shop (disabled)', value: 'act_900000000000002', url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=900000000000002' },
	]);
	expect((await search('searchAdAccounts', base(), 'old')).results.map((r) => r.value)).toEqual(['act_900000000000002']);
});

test('campaigns, ad sets and ads of the chosen account, with status, filtered by name on Meta’s side and paged', async () => {
	const campaigns = await search('searchCampaigns', base());
	expect(campaigns.results.map((r) => r.name)).toEqual(['Spring Sale (active)', 'Brand Awareness (paused)', 'Retargeting (active)']);
	const adSets = await search('searchAdSets', base(), 'brand');
	expect(adSets.results.map((r) => r.name)).toEqual(['Brand Awareness · Ad Set 1 (campaign paused)', 'Brand Awareness · Ad Set 2 (campaign paused)']);
	expect(JSON.parse(fx.calls({ path: '/act_900000000000001/adsets' })[0].query.filtering)).toEqual([{ field: 'name', operator: 'CONTAIN', value: 'brand' }]);
	fx.admin.seed({ adAccounts: [{ id: fx.seed.adAccount.accountId, structure: { campaigns: 2, adsetsPerCampaign: 10, adsPerAdset: 10 } }] });
	// Meta's pages may be short or empty with `next`: each list page is filled up to 100, and the tokens reach every ad.
	const first = await search('searchAds', base());
	expect(first.results.length).toBeGreaterThan(0);
	expect(first.results.length).toBeLessThanOrEqual(100);
	expect(first.paginationToken).toBeDefined();
	const seen = first.results.map((r) => r.value);
	for (let token = first.paginationToken, pages = 0; token && pages < 20; pages++) {
		const page = await search('searchAds', base(), undefined, token);
		expect(page.results.length).toBeLessThanOrEqual(100);
		seen.push(...page.results.map((r) => r.value));
		token = page.paginationToken;
	}
	expect(seen).toHaveLength(200);
	expect(new Set(seen).size).toBe(200);
});

test('without an ad account chosen the lists are empty and nothing is called', async () => {
	fx.admin.clearCalls();
	const res = await search('searchCampaigns', { ...base(), adAccount: { __rl: true, mode: 'list', value: '' } });
	expect(res.results).toEqual([]);
	expect(fx.calls()).toHaveLength(0);
});
