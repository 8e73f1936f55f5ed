'use strict';
// Seeding ad accounts and their campaigns / ad sets / ads. Spec (admin.seed({adAccounts:[...]})):
//   { id, name, account_status, disable_reason, currency, timezone_name, businessId, userIds,
//     dataDays (days of delivery history up to today), metricsScale,
//     campaigns: [{ id?, name, status, objective, effectiveStatus?, daily_budget?, lifetime_budget?, adsetDailyBudget?,
//                   adsets: [{..., daily_budget?, lifetime_budget?, ads: [{...}]}] }]   (budgets in minor units)
//     or structure: { campaigns, adsetsPerCampaign, adsPerAdset } for large generated accounts }
const { adsStore, numericAccountId, CONFIGURED_STATUS } = require('./store');

const AD_ACCOUNT_ID = '900000000000001';
const OBJECTIVES = ['OUTCOME_SALES', 'OUTCOME_TRAFFIC', 'OUTCOME_AWARENESS', 'OUTCOME_ENGAGEMENT', 'OUTCOME_LEADS'];

/** Named account of the default scenario (seedResult.adAccount). */
const adsSeedResult = Object.freeze({
	id: `act_${AD_ACCOUNT_ID}`,
	accountId: AD_ACCOUNT_ID,
	name: "Ada's Shop Ads",
	currency: 'EUR',
	timezone: 'Europe/Berlin',
	campaigns: {
		springSale: '120200000000010001',
		brandAwareness: '120200000000020001',
		retargeting: '120200000000030001',
		oldPromo: '120200000000040001',
	},
});

function defaultAdsSeed({ business, users, systemUser }) {
	const c = adsSeedResult.campaigns;
	return {
		adAccounts: [
			{
				id: AD_ACCOUNT_ID,
				name: adsSeedResult.name,
				currency: adsSeedResult.currency,
				timezone_name: adsSeedResult.timezone,
				businessId: business.id,
				userIds: [users.ada.id, systemUser.id],
				campaigns: [
					// Budgets in minor units (EUR cents): Spring Sale and Brand Awareness budget per ad set, Retargeting
					// has the campaign budget (Advantage campaign budget, "CBO").
					{ id: c.springSale, name: 'Spring Sale', status: 'ACTIVE', objective: 'OUTCOME_SALES', adsetDailyBudget: 2000 },
					{ id: c.brandAwareness, name: 'Brand Awareness', status: 'PAUSED', objective: 'OUTCOME_AWARENESS', adsetDailyBudget: 1000 },
					{ id: c.retargeting, name: 'Retargeting', status: 'ACTIVE', objective: 'OUTCOME_TRAFFIC', daily_budget: 5000 },
					{ id: c.oldPromo, name: 'Old Promo', status: 'ARCHIVED', objective: 'OUTCOME_ENGAGEMENT' },
				],
			},
		],
	};
}

/** Campaign ids 1202<account tail><seq>; ad sets and ads continue the same sequence. */
function idFactory(accountId, campaignIndex) {
	let seq = 0;
	const tail = accountId.slice(-4).padStart(4, '0');
	return () => `1202${tail}${String(campaignIndex).padStart(5, '0')}${String(++seq).padStart(5, '0')}`;
}

function generatedStructure(structure) {
	const campaigns = [];
	for (let c = 1; c <= (structure.campaigns || 1); c++) {
		const adsets = [];
		for (let s = 1; s <= (structure.adsetsPerCampaign || 1); s++) {
			const ads = [];
			for (let a = 1; a <= (structure.adsPerAdset || 1); a++) ads.push({ name: `Campaign ${c} · Ad Set ${s} · Ad ${a}` });
			adsets.push({ name: `Campaign ${c} · Ad Set ${s}`, ads });
		}
		campaigns.push({ name: `Campaign ${c}`, objective: OBJECTIVES[(c - 1) % OBJECTIVES.length], adsets });
	}
	return campaigns;
}

/** Two ad sets with two ads each when a campaign spec names none. */
function defaultChildren(campaign, spec) {
	return [1, 2].map((s) => ({ name: `${campaign.name} · Ad Set ${s}`, daily_budget: spec.adsetDailyBudget, ads: [1, 2].map((a) => ({ name: `${campaign.name} · Ad Set ${s} · Ad ${a}` })) }));
}

function status(value) {
	const s = String(value || 'ACTIVE').toUpperCase();
	if (!CONFIGURED_STATUS.includes(s)) throw new Error(`status must be one of ${CONFIGURED_STATUS.join(', ')}`);
	return s;
}

function addObject(store, kind, spec, parent) {
	const o = {
		kind,
		id: String(spec.id),
		name: spec.name,
		status: status(spec.status),
		effectiveStatus: spec.effectiveStatus || spec.effective_status || null,
		objective: spec.objective || parent.objective,
		accountId: parent.accountId,
		campaignId: kind === 'campaign' ? undefined : parent.campaignId || parent.id,
		adsetId: kind === 'ad' ? parent.id : undefined,
		createdTime: spec.createdTime || parent.createdTime,
		/** Budgets in the account currency's minor units (campaigns and ad sets only); null = none. */
		dailyBudget: kind !== 'ad' && spec.daily_budget ? String(spec.daily_budget) : null,
		lifetimeBudget: kind !== 'ad' && spec.lifetime_budget ? String(spec.lifetime_budget) : null,
	};
	store.objects.set(o.id, o);
	return o;
}

function upsertAdAccount(state, spec) {
	const store = adsStore(state);
	const id = numericAccountId(spec.id);
	const prev = store.accounts.get(id) || {};
	const nowSec = state.nowSec();
	const account = {
		...prev,
		id,
		name: spec.name ?? prev.name ?? `Ad Account ${id}`,
		account_status: Number(spec.account_status ?? prev.account_status ?? 1),
		disable_reason: Number(spec.disable_reason ?? prev.disable_reason ?? 0),
		currency: spec.currency ?? prev.currency ?? 'USD',
		timezone_name: spec.timezone_name ?? prev.timezone_name ?? 'America/Los_Angeles',
		timezone_offset_hours_utc: spec.timezone_offset_hours_utc ?? prev.timezone_offset_hours_utc ?? 0,
		businessId: spec.businessId !== undefined ? (spec.businessId === null ? null : String(spec.businessId)) : prev.businessId ?? null,
		userIds: (spec.userIds ?? prev.userIds ?? []).map(String),
		amount_spent: String(spec.amount_spent ?? prev.amount_spent ?? '0'),
		balance: String(spec.balance ?? prev.balance ?? '0'),
		spend_cap: String(spec.spend_cap ?? prev.spend_cap ?? '0'),
		createdTime: spec.createdTime ?? prev.createdTime ?? nowSec - 1200 * 86400,
		/** Days of delivery history ending today (insights rows exist for these days). */
		dataDays: Number(spec.dataDays ?? prev.dataDays ?? 1100),
		/** Multiplies every generated metric (a bigger or smaller advertiser). */
		metricsScale: Number(spec.metricsScale ?? prev.metricsScale ?? 1),
	};
	store.accounts.set(id, account);
	const campaigns = spec.campaigns || (spec.structure ? generatedStructure(spec.structure) : null);
	if (campaigns) {
		for (const o of [...store.objects.values()]) if (o.accountId === id) store.objects.delete(o.id);
		campaigns.forEach((cSpec, ci) => {
			const nextId = idFactory(id, ci + 1);
			const campaign = addObject(store, 'campaign', { ...cSpec, id: cSpec.id || nextId() }, { accountId: id, createdTime: account.createdTime });
			for (const sSpec of cSpec.adsets || defaultChildren(campaign, cSpec)) {
				const adset = addObject(store, 'adset', { ...sSpec, id: sSpec.id || nextId() }, campaign);
				for (const aSpec of sSpec.ads || []) addObject(store, 'ad', { ...aSpec, id: aSpec.id || nextId() }, adset);
			}
		});
	}
	return account;
}

function applyAdsSeed(state, spec) {
	for (const account of spec.adAccounts || []) upsertAdAccount(state, account);
}

module.exports = { adsSeedResult, defaultAdsSeed, applyAdsSeed, upsertAdAccount };
