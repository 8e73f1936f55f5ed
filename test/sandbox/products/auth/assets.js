'use strict';
// Login for Business asset choice: which Pages, Instagram accounts, WhatsApp accounts and ad accounts a person can
// share at login, and the guard that keeps a token from a login away from the ones the person did not tick.
const { graphError, errors } = require('../../core/errors');
const { assetShared } = require('../../core/tokens');

const WHATSAPP_SCOPE = 'whatsapp_business_management';

/** Every asset the user could tick, by kind, with a label for the consent page. */
function reachableAssets(state, userId) {
	const id = String(userId);
	const pages = state.roles.filter((r) => r.userId === id).map((r) => state.pages.get(r.pageId)).filter(Boolean);
	const instagram = pages
		.map((p) => p.instagramBusinessAccountId && state.igAccounts.get(p.instagramBusinessAccountId))
		.filter((a) => a && a.accountType !== 'PERSONAL');
	const wabaIds = state.granularTargetResolvers.map((resolve) => resolve(WHATSAPP_SCOPE, id)).find(Boolean) || [];
	return {
		pages: pages.map((p) => ({ id: p.id, label: p.name })),
		instagram: instagram.map((a) => ({ id: a.id, label: `@${a.username}` })),
		wabas: wabaIds.map((w) => ({ id: String(w), label: (state.wabas.get(String(w)) || {}).name || `WhatsApp account ${w}` })),
		adAccounts: adAccountsOf(state, id),
	};
}

/** Ad accounts the user is assigned to, as `act_<id>` (the id Graph answers for an ad account). */
function adAccountsOf(state, userId) {
	const store = state.products.get('ads');
	if (!store || !store.accounts) return [];
	return [...store.accounts.values()].filter((a) => (a.userIds || []).map(String).includes(userId)).map((a) => ({ id: `act_${a.id}`, label: a.name || `act_${a.id}` }));
}

function allIds(assets) {
	return [...assets.pages, ...assets.instagram, ...assets.wabas, ...assets.adAccounts].map((a) => a.id);
}

/** What the person shared: the ids asked for (sandbox_assets / ticked boxes) among those reachable; `all` = everything. */
function chosenAssets(state, userId, requested) {
	const reachable = allIds(reachableAssets(state, userId));
	const list = [].concat(requested || []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
	if (list.includes('all') || (!list.length && state.settings.loginSharesAllAssets)) return reachable;
	return reachable.filter((id) => list.includes(id));
}

/** The asset an object id stands for (phone numbers belong to their WhatsApp account), or null. */
function assetIdOf(state, id) {
	if (state.pages.has(id) || state.igAccounts.has(id) || state.wabas.has(id) || /^act_\d+$/.test(id)) return id;
	for (const waba of state.wabas.values()) if ((waba.phoneNumberIds || []).includes(id)) return waba.id;
	return null;
}

/**
 * Guard in front of every product on graph.facebook.com: an object of an asset the person did not share at login is
 * answered like a missing object (100/33), as Meta answers an object the token cannot see.
 */
function assetGuard(state) {
	return (req, res, next) => {
		const record = req.sandbox && req.sandbox.tokenInfo && req.sandbox.tokenInfo.record;
		if (!record || !Array.isArray(record.sharedAssets)) return next();
		const id = req.sandbox.path.split('/')[1];
		if (!id || id === 'me') return next();
		const asset = assetIdOf(state, id);
		if (!asset || assetShared(record, asset)) return next();
		return graphError(res, errors.unsupportedRequest(req.method, id));
	};
}

module.exports = { reachableAssets, chosenAssets, assetGuard, assetIdOf };
