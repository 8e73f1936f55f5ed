'use strict';
// Who may act on an IG professional account: on graph.facebook.com a user/system user with a role on the account's
// Page, or that Page's token (reference §1.3); on graph.instagram.com the account's own Instagram Login token.
const { requireToken } = require('../../core/tokens');
const { graphError, errors } = require('../../core/errors');

/** Scopes per use, by host (reference §1.9). */
const SCOPES = {
	'graph.facebook.com': {
		read: ['instagram_basic'],
		publish: ['instagram_basic', 'instagram_content_publish'],
		comments: ['instagram_basic', 'instagram_manage_comments'],
		messages: ['instagram_basic', 'instagram_manage_messages'],
		insights: ['instagram_basic', 'instagram_manage_insights'],
	},
	'graph.instagram.com': {
		read: ['instagram_business_basic'],
		publish: ['instagram_business_basic', 'instagram_business_content_publish'],
		comments: ['instagram_business_basic', 'instagram_business_manage_comments'],
		messages: ['instagram_business_basic', 'instagram_business_manage_messages'],
		insights: ['instagram_business_basic', 'instagram_business_manage_insights'],
	},
};

/** The IG account an id names for this request, or null when the id is not an IG account on this host. */
function accountById(state, host, id, token) {
	if (host === 'graph.instagram.com') {
		if (id === 'me') return token && token.igUserId ? state.igAccounts.get(token.igUserId) || null : null;
		return state.igAccounts.get(id) || null;
	}
	const account = state.igAccounts.get(id);
	return account && account.pageId ? account : null;
}

/** May this token act on this account? */
function mayAct(state, host, token, account) {
	if (host === 'graph.instagram.com') return token.type === 'IG_USER' && token.igUserId === account.id;
	if (token.type === 'PAGE') return token.pageId === account.pageId;
	if (token.type === 'USER' || token.type === 'SYSTEM_USER') return state.roles.some((r) => r.userId === token.userId && r.pageId === account.pageId);
	return false;
}

/**
 * Middleware chain for `/:id/...` routes on an IG account: passes on (next('route')-style) when the id is not an IG
 * account, checks the token and scopes, then sets req.igAccount.
 * @param {'read'|'publish'|'comments'|'messages'|'insights'} use
 */
function onAccount(state, use) {
	return (req, res, next) => {
		const host = req.sandbox.host;
		const peek = req.sandbox.tokenInfo && req.sandbox.tokenInfo.record;
		const account = accountById(state, host, req.params.id, peek);
		if (!account) return next('route');
		requireToken(state, { scopes: SCOPES[host][use] })(req, res, () => {
			if (!mayAct(state, host, req.token, account)) return graphError(res, errors.unsupportedRequest(req.method, req.params.id));
			req.igAccount = account;
			res.locals.businessObject = { id: account.id, type: 'instagram' };
			next();
		});
	};
}

/** Same check for an object owned by an account (container, media, comment). */
function onOwned(state, use, findOwner) {
	return (req, res, next) => {
		const owner = findOwner(req);
		if (!owner) return next('route');
		const host = req.sandbox.host;
		requireToken(state, { scopes: SCOPES[host][use] })(req, res, () => {
			const account = state.igAccounts.get(owner);
			if (!account || !mayAct(state, host, req.token, account)) return graphError(res, errors.unsupportedRequest(req.method, req.params.id));
			req.igAccount = account;
			res.locals.businessObject = { id: account.id, type: 'instagram' };
			next();
		});
	};
}

module.exports = { SCOPES, accountById, mayAct, onAccount, onOwned };
