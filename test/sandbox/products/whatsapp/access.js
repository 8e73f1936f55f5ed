'use strict';
// Who reaches which WhatsApp Business Account: token guards and the businesses/WABA discovery the node's account
// picker uses. A WABA seeded with `userIds` is visible only to those users/system users; otherwise to every token
// of the app with a WhatsApp permission (sandbox simplification).
const { requireToken, assetShared } = require('../../core/tokens');

const MANAGEMENT = 'whatsapp_business_management';
const MESSAGING = 'whatsapp_business_messaging';

const guards = (state) => ({
	management: requireToken(state, { types: ['USER', 'SYSTEM_USER'], scopes: [MANAGEMENT] }),
	messaging: requireToken(state, { types: ['USER', 'SYSTEM_USER'], scopes: [MESSAGING] }),
	either: requireToken(state, { types: ['USER', 'SYSTEM_USER'], anyScopes: [MANAGEMENT, MESSAGING] }),
});

function canReach(state, token, waba) {
	// Login for Business: only an account the person ticked at login.
	if (!waba || !assetShared(token, waba.id)) return false;
	if (Array.isArray(waba.userIds) && waba.userIds.length) return waba.userIds.map(String).includes(String(token.userId));
	return true;
}

/** Business owning a WABA: seeded `businessId`, else the first business (the seed has one). */
function ownerOf(state, waba) {
	const id = waba.businessId ? String(waba.businessId) : state.businesses.keys().next().value;
	return id ? state.businesses.get(id) || { id, name: `Business ${id}` } : null;
}

/** Businesses a token works for: a system user's own business; for users every seeded business ([UNCONFIRMED] roles not modelled). */
function businessesOf(state, token) {
	if (token.type === 'SYSTEM_USER') {
		const su = state.systemUsers.get(String(token.userId));
		const b = su && su.businessId ? state.businesses.get(su.businessId) : null;
		return b ? [b] : [];
	}
	return [...state.businesses.values()];
}

module.exports = { guards, canReach, ownerOf, businessesOf, MANAGEMENT, MESSAGING };
