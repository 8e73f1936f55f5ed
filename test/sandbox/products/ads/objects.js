'use strict';
// Campaigns, ad sets and ads: the list edges of an account / campaign / ad set (effective_status and filtering,
// opaque cursors) and GET /{object-id}.
const { graphError } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { adsStore, findNode, guardNode, descendants, effectiveStatus, EFFECTIVE_STATUS } = require('./store');
const { parseFiltering, matches, listParam } = require('./filtering');
const { graphTime } = require('./accounts');

const EDGES = { campaigns: 'campaign', adsets: 'adset', ads: 'ad' };
const EDGES_OF = { account: ['campaigns', 'adsets', 'ads'], campaign: ['adsets', 'ads'], adset: ['ads'], ad: [] };
const NODE_TYPES = { campaign: 'Campaign', adset: 'AdSet', ad: 'Ad' };
/** Lists leave deleted and archived objects out unless effective_status asks for them ([UNCONFIRMED]). */
const DEFAULT_LIST_STATUSES = EFFECTIVE_STATUS.filter((s) => s !== 'DELETED' && s !== 'ARCHIVED');

function objectGetters(state, o) {
	const objects = adsStore(state).objects;
	const getters = {
		id: () => o.id,
		name: () => o.name,
		status: () => o.status,
		configured_status: () => o.status,
		effective_status: () => effectiveStatus(state, o),
		account_id: () => o.accountId,
		created_time: () => graphTime(o.createdTime),
		updated_time: () => graphTime(o.createdTime),
	};
	if (o.kind === 'campaign') Object.assign(getters, { objective: () => o.objective, buying_type: () => 'AUCTION' });
	if (o.kind !== 'ad') {
		// Budgets are minor units as strings; unset budgets are left out (budget_remaining is "0" then) [UNCONFIRMED].
		Object.assign(getters, {
			daily_budget: () => o.dailyBudget || undefined,
			lifetime_budget: () => o.lifetimeBudget || undefined,
			budget_remaining: () => o.dailyBudget || o.lifetimeBudget || '0',
		});
	}
	if (o.kind !== 'campaign') {
		getters.campaign_id = () => o.campaignId;
		getters.campaign = () => ({ id: o.campaignId, name: objects.get(o.campaignId)?.name });
	}
	if (o.kind === 'adset') Object.assign(getters, { optimization_goal: () => 'LINK_CLICKS', billing_event: () => 'IMPRESSIONS' });
	if (o.kind === 'ad') {
		getters.adset_id = () => o.adsetId;
		getters.adset = () => ({ id: o.adsetId, name: objects.get(o.adsetId)?.name });
	}
	return getters;
}

/** Value of a filter field on an object: `name`, `campaign.name`, `adset.id`, `ad.effective_status`. */
function fieldValue(state, o, field) {
	const [head, rest] = field.includes('.') ? field.split(/\.(.*)/s) : [o.kind, field];
	let target = o;
	if (head !== o.kind) {
		const parentId = head === 'campaign' ? o.campaignId : head === 'adset' ? o.adsetId : undefined;
		target = parentId ? adsStore(state).objects.get(parentId) : undefined;
	}
	const getter = target && objectGetters(state, target)[rest];
	return getter ? getter() : undefined;
}

/** @returns {{ok:true, objects:any[]}|{ok:false, error:any}} */
function filteredObjects(state, node, level, query) {
	const statuses = listParam(query.effective_status);
	if (statuses === null) return { ok: false, error: { code: 100, message: 'param effective_status must be an array.' } };
	const bad = (statuses || []).findIndex((s) => !EFFECTIVE_STATUS.includes(s));
	if (bad !== -1) {
		return { ok: false, error: { code: 100, message: `param effective_status[${bad}] must be one of {${EFFECTIVE_STATUS.join(', ')}}` } };
	}
	const filtering = parseFiltering(query.filtering);
	if (!filtering.ok) return filtering;
	const wanted = statuses || DEFAULT_LIST_STATUSES;
	const objects = descendants(state, node, level).filter(
		(o) => wanted.includes(effectiveStatus(state, o)) && filtering.filters.every((f) => matches(f, fieldValue(state, o, f.field))),
	);
	return { ok: true, objects };
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];

	router.get('/:id/:edge', (req, res, next) => {
		const node = findNode(state, req.params.id);
		if (!node || !EDGES_OF[node.kind].includes(req.params.edge)) return next();
		requireToken(state)(req, res, () => {
			if (!guardNode(state, req, res, node)) return;
			const level = EDGES[req.params.edge];
			const found = filteredObjects(state, node, level, req.query);
			if (!found.ok) return graphError(res, found.error);
			const rows = [];
			for (const o of found.objects) {
				const selected = selectFields(req.query.fields, ['id'], objectGetters(state, o), NODE_TYPES[level]);
				if (!selected.ok) return graphError(res, selected.error);
				rows.push(selected.body);
			}
			const page = paginate(req, rows, { key: `${req.params.id}:${req.params.edge}` });
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		});
	});

	router.get('/:id', (req, res, next) => {
		const node = findNode(state, req.params.id);
		if (!node || node.kind === 'account') return next();
		requireToken(state)(req, res, () => {
			if (!guardNode(state, req, res, node)) return;
			const selected = selectFields(req.query.fields, ['id'], objectGetters(state, node.object), NODE_TYPES[node.kind]);
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		});
	});
}

module.exports = { register, objectGetters, fieldValue, filteredObjects };
