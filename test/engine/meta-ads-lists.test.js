'use strict';
// Meta Ads → Campaign / Ad Set / Ad → Get Many (status filters, parents, paging) and Setup → Check.
const { useFixture } = require('../support/fixture');
const { NODE, adsCredential, locator } = require('../support/ads');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

async function getMany(resource, parameters = {}) {
	return await fx.engine.runNode({
		type: NODE,
		parameters: { authentication: 'metaAccessTokenApi', resource, operation: 'getMany', adAccount: locator(fx.seed.adAccount.id), returnAll: true, ...parameters },
		credentials: adsCredential(fx),
	});
}

describe('get many', () => {
	test('campaigns by status; archived ones only when asked for', async () => {
		const all = await getMany('campaign', { objectFields: ['name', 'effective_status', 'objective'] });
		expect(all.error).toBeUndefined();
		expect(all.items.map((c) => c.name)).toEqual(['Spring Sale', 'Brand Awareness', 'Retargeting']);
		expect(all.items[0]).toEqual({ id: fx.seed.adAccount.campaigns.springSale, name: 'Spring Sale', effective_status: 'ACTIVE', objective: 'OUTCOME_SALES' });
		const paused = await getMany('campaign', { statuses: ['PAUSED', 'ARCHIVED'], objectFields: ['name'] });
		expect(paused.items.map((c) => c.name)).toEqual(['Brand Awareness', 'Old Promo']);
		expect(JSON.parse(fx.calls({ path: '/act_900000000000001/campaigns' }).pop().query.effective_status)).toEqual(['PAUSED', 'ARCHIVED']);
	});

	test('ad sets of one campaign, ads by name; every page followed; limit respected', async () => {
		const { brandAwareness } = fx.seed.adAccount.campaigns;
		const adSets = await getMany('adSet', { objectFields: ['name', 'effective_status'], listFilters: { campaignId: brandAwareness } });
		expect(adSets.items).toHaveLength(2);
		for (const s of adSets.items) expect(s.effective_status).toBe('CAMPAIGN_PAUSED');
		expect(fx.calls({ path: `/${brandAwareness}/adsets` }).length).toBeGreaterThanOrEqual(1);
		const ads = await getMany('ad', { objectFields: ['name'], listFilters: { nameContains: 'Ad Set 2' } });
		expect(ads.items).toHaveLength(6);
		fx.admin.seed({ adAccounts: [{ id: fx.seed.adAccount.accountId, structure: { campaigns: 3, adsetsPerCampaign: 5, adsPerAdset: 10 } }] });
		const many = await getMany('ad', { objectFields: ['name'] });
		expect(many.items).toHaveLength(150);
		const few = await getMany('ad', { returnAll: false, limit: 7 });
		expect(few.items).toHaveLength(7);
	});

	test('a parent that is not a numeric ID is refused before any call', async () => {
		fx.admin.clearCalls();
		const run = await getMany('ad', { listFilters: { adSetId: 'spring' } });
		expect(run.error.name).toBe('NodeOperationError');
		expect(fx.calls()).toHaveLength(0);
	});
});

describe('setup check', () => {
	test('Setup → Check reports on the credential the node uses', async () => {
		const run = await fx.engine.runNode({
			type: NODE,
			parameters: { authentication: 'metaAccessTokenApi', resource: 'setup', operation: 'check' },
			credentials: adsCredential(fx),
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].checks[0]).toMatchObject({ id: 'token.valid', status: 'pass' });
	});
});
