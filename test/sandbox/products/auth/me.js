'use strict';
// /me, /me/accounts, /{user-id}/accounts and the Page/User/SystemUser nodes on graph.facebook.com
// (reference §1.3).
const { graphError, errors } = require('../../core/errors');
const { requireToken, assetShared } = require('../../core/tokens');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { pageGetters, userGetters, systemUserGetters, pageTokenFor } = require('./nodes');

const ACCOUNT_FIELDS = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'];

function send(res, selected) {
	if (!selected.ok) return graphError(res, selected.error);
	return res.json(selected.body);
}

/** The node a token stands for: user, page or system user. */
function meNode(state, record) {
	if (record.type === 'PAGE') {
		const page = state.pages.get(record.pageId);
		return page ? { type: 'Page', getters: pageGetters(state, page, record) } : null;
	}
	if (record.type === 'SYSTEM_USER') {
		const su = state.systemUsers.get(record.userId);
		return su ? { type: 'SystemUser', getters: systemUserGetters(su) } : { type: 'SystemUser', getters: systemUserGetters({ id: record.userId, name: 'System User' }) };
	}
	const user = state.users.get(record.userId);
	return user ? { type: 'User', getters: userGetters(user) } : null;
}

function accountsFor(state, req, record) {
	// Login for Business: only the Pages the person ticked (none ticked: an empty list).
	const roles = state.roles.filter((r) => r.userId === record.userId && assetShared(record, r.pageId));
	return roles
		.map((role) => ({ role, page: state.pages.get(role.pageId) }))
		.filter((x) => x.page)
		.map(({ role, page }) => {
			const getters = {
				...pageGetters(state, page, record),
				tasks: () => role.tasks,
				access_token: () => (role.pageTokenAllowed ? pageTokenFor(state, record, page).token : undefined),
			};
			return selectFields(req.query.fields, ACCOUNT_FIELDS, getters, 'Page');
		});
}

function accountsHandler(state) {
	return (req, res) => {
		const rows = accountsFor(state, req, req.token);
		const bad = rows.find((r) => !r.ok);
		if (bad) return graphError(res, bad.error);
		const page = paginate(req, rows.map((r) => r.body), { key: `accounts:${req.token.userId}` });
		if (!page.ok) return graphError(res, page.error);
		res.json(page.body);
	};
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	state.nodeTypeResolvers.push((id) => {
		if (state.pages.has(id)) return 'Page';
		if (state.users.has(id)) return 'User';
		if (state.systemUsers.has(id)) return 'SystemUser';
		return null;
	});
	state.businessObjectResolvers.push((id) => (state.pages.has(id) ? { id, type: 'pages' } : null));

	const userOnly = {
		types: ['USER', 'SYSTEM_USER'],
		wrongType: (req, rec) => (rec.type === 'PAGE' ? errors.nonexistingField('accounts', 'Page') : errors.needsUserContext()),
	};

	router.get('/me', requireToken(state, { types: ['USER', 'PAGE', 'SYSTEM_USER'], missing: errors.needsUserContext }), (req, res) => {
		const node = meNode(state, req.token);
		if (!node) return graphError(res, errors.unsupportedRequest('GET', 'me'));
		send(res, selectFields(req.query.fields, ['id', 'name'], node.getters, node.type));
	});

	router.get('/me/accounts', requireToken(state, { ...userOnly, scopes: ['pages_show_list'] }), accountsHandler(state));

	router.get('/:id/accounts', (req, res, next) => {
		if (!state.users.has(req.params.id) && !state.systemUsers.has(req.params.id)) return next();
		requireToken(state, { ...userOnly, scopes: ['pages_show_list'] })(req, res, () => {
			if (req.token.userId !== req.params.id) return graphError(res, errors.unsupportedRequest('GET', req.params.id));
			accountsHandler(state)(req, res);
		});
	});

	// Page, user and system-user nodes; anything else falls through to later products.
	router.get('/:id', (req, res, next) => {
		const id = req.params.id;
		const page = state.pages.get(id);
		const user = state.users.get(id);
		const su = state.systemUsers.get(id);
		if (!page && !user && !su) return next();
		requireToken(state)(req, res, () => {
			if (page) return send(res, selectFields(req.query.fields, ['id', 'name'], pageGetters(state, page, req.token), 'Page'));
			if (user) {
				const own = req.token.userId === id;
				const getters = own ? userGetters(user) : { id: () => user.id, name: () => user.name };
				return send(res, selectFields(req.query.fields, ['id', 'name'], getters, 'User'));
			}
			return send(res, selectFields(req.query.fields, ['id', 'name'], systemUserGetters(su), 'SystemUser'));
		});
	});
}

module.exports = { register };
