'use strict';
// POST /{campaign|adset|ad id}: status (pause, resume, archive, delete) and daily / lifetime budgets, with Meta's
// refusals of a budget below the minimum (100/1885272) and of an ad set budget in a campaign that has the budget
// (100/1885621). Sources and unconfirmed points: test/sandbox/README.md "Ads status and budgets".
const { graphError, errors } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { registerProductSettings } = require('../../core/settings');
const { adsStore, findNode, guardNode, CONFIGURED_STATUS } = require('./store');

registerProductSettings({
	/**
	 * Smallest daily budget per currency, in minor units. Meta publishes the rule (GET /act_{id}/minimum_budgets) but not
	 * the amounts, which depend on currency and optimisation goal: these are [UNCONFIRMED] stand-ins.
	 */
	adsMinDailyBudget: { EUR: 100, USD: 100, GBP: 100, JPY: 150, KRW: 1500, default: 100 },
	/** A lifetime budget must cover this many days at the daily minimum (Meta uses the ad set's schedule) [UNCONFIRMED]. */
	adsLifetimeBudgetDays: 7,
});

/** Currencies without minor units in budgets (Marketing API "Currencies" page, offset 1); every other has 100. */
const OFFSET_ONE = ['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND'];
const offsetOf = (currency) => (OFFSET_ONE.includes(currency) ? 1 : 100);
/** Review and billing states a resume does not clear. */
const HELD_STATES = ['PENDING_REVIEW', 'DISAPPROVED', 'PREAPPROVED', 'PENDING_BILLING_INFO', 'IN_PROCESS', 'WITH_ISSUES'];

function money(currency, minor) {
	const offset = offsetOf(currency);
	return `${currency}${(Number(minor) / offset).toFixed(offset === 1 ? 0 : 2)}`;
}

function budgetProblem(state, o, account, field, raw) {
	if (!/^\d+$/.test(String(raw))) return { code: 100, message: `param ${field} must be an integer.` };
	if (o.kind === 'ad') return { code: 100, message: `Param ${field} is not a valid field for an ad.` };
	const campaign = o.kind === 'adset' ? adsStore(state).objects.get(o.campaignId) : null;
	if (campaign && (campaign.dailyBudget || campaign.lifetimeBudget)) {
		return {
			code: 100,
			subcode: 1885621,
			message: 'Invalid parameter',
			userTitle: 'Budget Conflict: Campaign Already Has a Budget',
			userMsg: 'This ad set is in a campaign that uses a campaign budget. Change the budget on the campaign, or switch the campaign to ad set budgets.',
		};
	}
	const mins = state.settings.adsMinDailyBudget;
	const daily = Number(mins[account.currency] ?? mins.default);
	const min = field === 'lifetime_budget' ? daily * state.settings.adsLifetimeBudgetDays : daily;
	if (Number(raw) < min) {
		const level = o.kind === 'adset' ? 'ad set' : 'campaign';
		return {
			code: 100,
			subcode: 1885272,
			message: 'Invalid parameter',
			userTitle: 'Your Budget Is Too Low',
			userMsg: `Your ${level} budget must be more than ${money(account.currency, min)} or your ads may not be delivered.`,
		};
	}
	return null;
}

function applyUpdate(state, node, p) {
	const o = node.object;
	if (p.daily_budget !== undefined && p.lifetime_budget !== undefined) {
		return { code: 100, message: 'Only one of daily_budget and lifetime_budget can be set.' };
	}
	for (const field of ['daily_budget', 'lifetime_budget']) {
		if (p[field] === undefined) continue;
		const problem = budgetProblem(state, o, node.account, field, p[field]);
		if (problem) return problem;
	}
	if (p.status !== undefined) {
		const status = String(p.status);
		if (!CONFIGURED_STATUS.includes(status)) return { code: 100, message: `param status must be one of {${CONFIGURED_STATUS.join(', ')}}` };
		// Archived objects can only be deleted (Marketing API docs) [UNCONFIRMED code: generic invalid parameter].
		if (o.status === 'ARCHIVED' && status !== 'ARCHIVED' && status !== 'DELETED') return { code: 100, message: 'Invalid parameter' };
		o.status = status;
		if (o.effectiveStatus && !HELD_STATES.includes(o.effectiveStatus)) o.effectiveStatus = null;
	}
	if (p.daily_budget !== undefined) Object.assign(o, { dailyBudget: String(p.daily_budget), lifetimeBudget: null });
	if (p.lifetime_budget !== undefined) Object.assign(o, { lifetimeBudget: String(p.lifetime_budget), dailyBudget: null });
	o.updatedTime = state.nowSec();
	return null;
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	router.post('/:id', (req, res, next) => {
		const node = findNode(state, req.params.id);
		if (!node || node.kind === 'account') return next();
		requireToken(state)(req, res, () => {
			if (!guardNode(state, req, res, node)) return;
			// Deleted objects answer as missing [UNCONFIRMED].
			if (node.object.status === 'DELETED') return graphError(res, errors.unsupportedRequest('POST', req.params.id));
			if (req.token.type !== 'APP' && !req.token.scopes.includes('ads_management')) {
				return graphError(res, { code: 200, message: 'Ad account owner has NOT grant ads_management or ads_read permission' });
			}
			const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
			const problem = applyUpdate(state, node, { ...req.query, ...body });
			if (problem) return graphError(res, problem);
			res.json({ success: true });
		});
	});
}

module.exports = { register, offsetOf, OFFSET_ONE };
