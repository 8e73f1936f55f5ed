'use strict';
// Auth product: Facebook Login, token grants, debug_token, /me + Page tokens, Instagram Login.

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
		for (const part of parts) part.register(ctx);
	},
};
