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

module.exports = { redirectWith, isAbsoluteUrl };
