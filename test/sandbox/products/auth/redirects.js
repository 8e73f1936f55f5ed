'use strict';
// Building OAuth redirects back to the client.

/** Add query params to a redirect URI (keeping its own query) and append a literal fragment. */
function redirectWith(uri, params, fragment = '') {
	const url = new URL(uri);
	url.hash = '';
	for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
	return url.toString() + fragment;
}

function isAbsoluteUrl(uri) {
	try {
		new URL(String(uri));
		return true;
	} catch {
		return false;
	}
}

/**
 * Meta sends the login back only to a redirect URI registered on the app, compared exactly; an app with none
 * registered accepts nothing (setting acceptUnregisteredRedirectUris lets it accept any).
 */
function redirectRegistered(state, registered, uri) {
	if (registered.includes(uri)) return true;
	return registered.length === 0 && Boolean(state.settings.acceptUnregisteredRedirectUris);
}

module.exports = { redirectWith, isAbsoluteUrl, redirectRegistered };
