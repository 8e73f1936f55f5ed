'use strict';
// Auth product: Facebook Login, token grants, debug_token, /me + Page tokens, Instagram Login.
require('./auth/settings');
const { assetGuard } = require('./auth/assets');

const parts = [
	require('./auth/facebook-login'),
	require('./auth/oauth-token'),
	require('./auth/debug-token'),
	require('./auth/me'),
	require('./auth/instagram-login'),
];

module.exports = {
	name: 'auth',
	/** @param {import('../index').ProductContext} ctx */
	register(ctx) {
		// Registered first on the host, so it stands in front of every product's routes.
		ctx.routers['graph.facebook.com'].use(assetGuard(ctx.state));
		for (const part of parts) part.register(ctx);
	},
};
