'use strict';
// GET /me/adaccounts, /{user-id}/adaccounts (paged) and GET /act_{id} (Marketing API AdAccount node).
const { graphError, errors } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { adsStore, canAccess, guardNode, findNode, ADS_SCOPES } = require('./store');

/** Graph's default when no `fields` is sent: id and account_id ([UNCONFIRMED], matches SDK examples). */
const ACCOUNT_DEFAULT_FIELDS = ['account_id', 'id'];

/** Meta's time format: 2026-01-10T12:00:00+0000. */
function graphTime(sec) {
	return new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function accountGetters(state, account) {
	const business = account.businessId ? state.businesses.get(account.businessId) : null;
	return {
		id: () => `act_${account.id}`,
		account_id: () => account.id,
		name: () => account.name,
		account_status: () => account.account_status,
		disable_reason: () => account.disable_reason,
		currency: () => account.currency,
		timezone_name: () => account.timezone_name,
		timezone_offset_hours_utc: () => account.timezone_offset_hours_utc,
		business: () => (account.businessId ? { id: account.businessId, name: business ? business.name : undefined } : undefined),
		owner: () => account.businessId || account.userIds[0],
		amount_spent: () => account.amount_spent,
		balance: () => account.balance,
		spend_cap: () => account.spend_cap,
		created_time: () => graphTime(account.createdTime),
		age: () => Math.round(((state.nowSec() - account.createdTime) / 86400) * 1000) / 1000,
		is_personal: () => (account.businessId ? 0 : 1),
	};
}

function listAccounts(state, req, res) {
	const record = req.token;
	if (!ADS_SCOPES.some((s) => record.scopes.includes(s))) {
		return graphError(res, { code: 200, message: 'Ad account owner has NOT grant ads_management or ads_read permission' });
	}
	const rows = [];
	for (const account of adsStore(state).accounts.values()) {
		if (!canAccess(account, record)) continue;
		const selected = selectFields(req.query.fields, ACCOUNT_DEFAULT_FIELDS, accountGetters(state, account), 'AdAccount');
		if (!selected.ok) return graphError(res, selected.error);
		rows.push(selected.body);
	}
	const page = paginate(req, rows, { key: `adaccounts:${record.userId}` });
	if (!page.ok) return graphError(res, page.error);
	return res.json(page.body);
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	const userOnly = {
		types: ['USER', 'SYSTEM_USER'],
		wrongType: (req, rec) => (rec.type === 'PAGE' ? errors.nonexistingField('adaccounts', 'Page') : errors.needsUserContext()),
	};
	router.get('/me/adaccounts', requireToken(state, userOnly), (req, res) => listAccounts(state, req, res));
	router.get('/:id/adaccounts', (req, res, next) => {
		if (!state.users.has(req.params.id) && !state.systemUsers.has(req.params.id)) return next();
		requireToken(state, userOnly)(req, res, () => {
			if (req.token.userId !== req.params.id) return graphError(res, errors.unsupportedRequest('GET', req.params.id));
			listAccounts(state, req, res);
		});
	});
	router.get('/:id', (req, res, next) => {
		const node = findNode(state, req.params.id);
		if (!node || node.kind !== 'account') return next();
		requireToken(state)(req, res, () => {
			if (!guardNode(state, req, res, node)) return;
			const selected = selectFields(req.query.fields, ACCOUNT_DEFAULT_FIELDS, accountGetters(state, node.account), 'AdAccount');
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		});
	});
}

module.exports = { register, accountGetters, graphTime };
