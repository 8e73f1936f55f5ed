'use strict';
// Auth product settings (defaults follow Meta; each kind alternative is opt-in, see test/sandbox/README.md "Auth and app").
const { registerProductSettings } = require('../../core/settings');

const AUTH_SETTINGS = Object.freeze({
	/** Meta accepts only redirect URIs registered on the app ("URL Blocked"); true lets an app with none registered accept any. */
	acceptUnregisteredRedirectUris: false,
	/** Login for Business: the person shares only the assets ticked (a script names them with sandbox_assets); true shares every asset reachable. */
	loginSharesAllAssets: false,
	/** Error for a permission withdrawn by lapsed data access; null = the missing-permission error (Meta documents none of its own). */
	dataAccessExpiredError: null,
});

registerProductSettings(AUTH_SETTINGS);

module.exports = { AUTH_SETTINGS };
