'use strict';
// GET /{object}/insights (synchronous) and POST /{object}/insights (asynchronous report run), reference §6.1–6.4.
const { graphError } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { findNode, guardNode } = require('./store');
const { buildPlan } = require('./plan');
const { pageOfRows } = require('./rows');
const { createRun } = require('./report-runs');

/** Meta's "reduce the amount of data" refusal of a synchronous request (100/1487534). */
const TOO_MUCH_DATA = { code: 100, subcode: 1487534, message: "Please reduce the amount of data you're asking for, then retry your request", isTransient: false };

/** Params of a POST may arrive as query, form or JSON body. */
function paramsOf(req) {
	const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
	const { access_token: _t, appsecret_proof: _p, ...rest } = { ...req.query, ...body };
	return rest;
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];

	const withNode = (handler) => (req, res, next) => {
		const node = findNode(state, req.params.id);
		if (!node) return next();
		requireToken(state)(req, res, () => {
			if (!guardNode(state, req, res, node)) return;
			handler(req, res, node);
		});
	};

	router.get(
		'/:id/insights',
		withNode((req, res, node) => {
			const built = buildPlan(state, node, req.query);
			if (!built.ok) return graphError(res, built.error);
			if (built.plan.rawCount > state.settings.adsInsightsSyncMaxRows) return graphError(res, TOO_MUCH_DATA);
			const page = pageOfRows(state, req, built.plan, `insights:${built.plan.nodeId}`);
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		}),
	);

	router.post(
		'/:id/insights',
		withNode((req, res, node) => {
			const built = buildPlan(state, node, paramsOf(req));
			if (!built.ok) return graphError(res, built.error);
			const run = createRun(state, built.plan);
			res.json({ report_run_id: state.settings.adsReportRunIdAsNumber ? Number(run.id) : run.id });
		}),
	);
}

module.exports = { register, TOO_MUCH_DATA };
