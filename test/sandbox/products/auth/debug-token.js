'use strict';
// GET /graph.facebook.com/{v}/debug_token?input_token&access_token (reference §1.7).
const { graphError } = require('../../core/errors');
const { requireToken, lookupToken, tokenProblem } = require('../../core/tokens');
const { CANNOT_PARSE } = require('../../core/errors');
const { granularScopesFor } = require('./scopes');

/** The data object for a known token record (valid or not). */
function describe(state, record) {
	const app = state.apps.get(record.appId);
	const type = record.type === 'IG_USER' ? state.settings.debugTokenIgType : record.type;
	/** @type {Record<string, any>} */
	const data = {
		app_id: record.appId,
		type,
		application: app ? app.name : '',
		data_access_expires_at: record.dataAccessExpiresAt || 0,
		expires_at: record.expiresAt || 0,
		is_valid: true,
		issued_at: record.issuedAt,
		scopes: record.scopes,
		granular_scopes: record.granularScopes || (record.userId ? granularScopesFor(state, record.userId, record.scopes) : []),
	};
	if (record.type === 'APP') {
		delete data.issued_at;
		delete data.granular_scopes;
	}
	if (record.userId) data.user_id = record.userId;
	if (record.type === 'IG_USER') {
		const account = state.igAccounts.get(record.igUserId);
		data.user_id = account ? account.appScopedId : record.igUserId;
	}
	if (record.type === 'PAGE') data.profile_id = record.pageId; // [UNCONFIRMED field name]
	return data;
}

function register({ state, routers }) {
	routers['graph.facebook.com'].get(
		'/debug_token',
		requireToken(state, { types: ['APP', 'USER', 'SYSTEM_USER'], wrongType: () => ({ code: 100, message: 'You must provide an app access token, or a user access token that is an owner or developer of the app' }) }),
		(req, res) => {
			const inputToken = req.query.input_token;
			if (!inputToken) return graphError(res, { code: 100, message: 'The parameter input_token is required' });
			const input = lookupToken(state, String(inputToken));
			if (!input) return res.json({ data: { error: { code: 190, message: CANNOT_PARSE }, is_valid: false, scopes: [] } });
			if (input.appId !== req.token.appId) return graphError(res, { code: 100, message: 'The App_id in the input_token did not match the Viewing App' });
			const data = describe(state, input);
			const problem = tokenProblem(state, input);
			if (problem) {
				data.is_valid = false;
				data.error = { code: problem.code, message: problem.message, ...(problem.subcode ? { subcode: problem.subcode } : {}) };
			}
			res.json({ data });
		},
	);
}

module.exports = { register, describe };
