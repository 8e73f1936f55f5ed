'use strict';
// Marketing API product (reference §6, §7.4): ad accounts, campaigns / ad sets / ads, insights (sync and async
// report runs) with deterministic synthetic rows, and the ads usage headers.
const { adsStore, findNode } = require('./ads/store');

const parts = [require('./ads/accounts'), require('./ads/objects'), require('./ads/updates'), require('./ads/insights'), require('./ads/report-runs'), require('./ads/usage-headers')];

const NODE_TYPES = { account: 'AdAccount', campaign: 'Campaign', adset: 'AdSet', ad: 'Ad' };

module.exports = {
	name: 'ads',
	/** @param {import('../index').ProductContext} ctx */
	register(ctx) {
		const { state } = ctx;
		state.nodeTypeResolvers.push((id, host) => {
			if (host && host !== 'graph.facebook.com') return null;
			const node = findNode(state, id);
			if (node) return NODE_TYPES[node.kind];
			return adsStore(state).runs.has(id) ? 'AdReportRun' : null;
		});
		for (const part of parts) part.register(ctx);
	},
};
