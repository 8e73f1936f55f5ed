'use strict';
// Helpers for the Meta Ads engine tests and benchmark: node parameters and calls seen by the sandbox.

const NODE = 'n8n-nodes-meta-business.metaAds';

/** Ada's access-token credential (ads_read). */
function adsCredential(fx, token = fx.seed.tokens.adaUser) {
	const { app } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: token, appId: app.id, appSecret: app.secret });
}

const locator = (value) => ({ __rl: true, mode: 'id', value });

/** Insights → Get parameters: the default account, last 7 days, one row per object, fast report polling. */
function insightsParameters(fx, overrides = {}) {
	const { options, ...rest } = overrides;
	return {
		authentication: 'metaAccessTokenApi',
		resource: 'insights',
		operation: 'get',
		insightsOf: 'account',
		adAccount: locator(fx.seed.adAccount.id),
		level: '',
		fields: ['campaign_name', 'impressions', 'clicks', 'spend', 'ctr', 'actions'],
		otherFields: '',
		datePreset: 'last_7d',
		timeIncrement: 'all_days',
		breakdowns: [],
		actionBreakdowns: [],
		returnAll: true,
		simplify: false,
		options: { pollIntervalSeconds: 0.02, ...(options || {}) },
		...rest,
	};
}

async function runInsights(fx, overrides = {}, extra = {}) {
	return await fx.engine.runNode({ type: NODE, parameters: insightsParameters(fx, overrides), credentials: adsCredential(fx), ...extra });
}

/** Sandbox calls on ads paths, as "METHOD path status" lines (report ids replaced by {run}). */
function adsCallLog(fx) {
	return fx
		.calls()
		.filter((c) => /insights|^\/60\d+$|act_|^\/120/.test(c.path))
		.map((c) => `${c.method} ${c.path.replace(/\/60\d{11}/, '/{run}')} ${c.status}`);
}

module.exports = { NODE, adsCredential, locator, insightsParameters, runInsights, adsCallLog };
