'use strict';
// Graph nodes the auth product serves: User, Page, SystemUser, and the IG account as seen through a
// Page (graph.facebook.com) or through Instagram Login (graph.instagram.com).
const { createToken, tokenProblem } = require('../../core/tokens');
const { selectFields, parseFields } = require('../../core/fields');

/** Stable page token per (user token, page); expiry follows reference §1.3. */
function pageTokenFor(state, userRecord, page) {
	const key = `${userRecord.token}|${page.id}`;
	const cached = state.tokens.get(state.pageTokenCache.get(key));
	if (cached && !tokenProblem(state, cached)) return cached;
	const longLived = userRecord.type === 'SYSTEM_USER' || userRecord.lifetime !== 'short';
	const record = createToken(state, {
		type: 'PAGE',
		appId: userRecord.appId,
		userId: userRecord.userId,
		pageId: page.id,
		scopes: userRecord.scopes,
		granularScopes: userRecord.granularScopes,
		sharedAssets: userRecord.sharedAssets,
		expiresAt: longLived ? 0 : userRecord.expiresAt,
		dataAccessExpiresAt: userRecord.dataAccessExpiresAt,
		lifetime: longLived ? 'never' : 'short',
		parentToken: userRecord.token,
	});
	state.pageTokenCache.set(key, record.token);
	return record;
}

function roleFor(state, userId, pageId) {
	return state.roles.find((r) => r.userId === String(userId) && r.pageId === String(pageId)) || null;
}

/** IG account fields readable through graph.facebook.com (FB-Login IG API). */
function igBusinessGetters(account) {
	return {
		id: () => account.id,
		ig_id: () => account.igId,
		username: () => account.username,
		name: () => account.name,
		profile_picture_url: () => account.profilePictureUrl,
		followers_count: () => account.followersCount,
		follows_count: () => account.followsCount,
		media_count: () => account.mediaCount,
		biography: () => account.biography,
		website: () => account.website,
	};
}

function userGetters(user) {
	return {
		id: () => user.id,
		name: () => user.name,
		first_name: () => user.firstName ?? user.name.split(' ')[0],
		last_name: () => user.lastName ?? user.name.split(' ').slice(1).join(' '),
		short_name: () => user.name.split(' ')[0],
		email: () => user.email,
	};
}

/**
 * Page node. Private fields (access_token, tasks, instagram_business_account) only for a caller
 * with a role on the Page or the Page's own token.
 */
function pageGetters(state, page, caller) {
	const isPageItself = caller && caller.type === 'PAGE' && caller.pageId === page.id;
	const role = caller && (caller.type === 'USER' || caller.type === 'SYSTEM_USER') ? roleFor(state, caller.userId, page.id) : null;
	const privileged = isPageItself || Boolean(role);
	return {
		id: () => page.id,
		name: () => page.name,
		category: () => page.category,
		category_list: () => page.categoryList,
		username: () => page.username,
		link: () => `https://www.facebook.com/${page.username || page.id}`,
		fan_count: () => page.fanCount ?? 0,
		followers_count: () => page.followersCount ?? 0,
		tasks: () => (role ? role.tasks : undefined),
		access_token: () => {
			if (isPageItself) return caller.token;
			if (role && role.pageTokenAllowed) return pageTokenFor(state, caller, page).token;
			return undefined;
		},
		instagram_business_account: (sub) => {
			if (!privileged || !page.instagramBusinessAccountId) return undefined;
			const account = state.igAccounts.get(page.instagramBusinessAccountId);
			if (!account) return { id: page.instagramBusinessAccountId };
			// Only professional (Business/Creator) accounts are served by the API (reference §1.4); a personal account
			// linked in the Page's settings shows up as connected_instagram_account only.
			if (account.accountType === 'PERSONAL') return undefined;
			const selected = selectFields(sub || 'id', ['id'], igBusinessGetters(account), 'IGUser');
			return selected.ok ? selected.body : { id: account.id };
		},
		connected_instagram_account: () => (privileged && page.instagramBusinessAccountId ? { id: page.instagramBusinessAccountId } : undefined),
	};
}

function systemUserGetters(su) {
	return { id: () => su.id, name: () => su.name, role: () => su.role };
}

/** IG-Login /me fields (reference §1.4): `id` is app-scoped, `user_id` the professional account id. */
function instagramLoginGetters(account) {
	return {
		id: () => account.appScopedId,
		user_id: () => account.id,
		username: () => account.username,
		name: () => account.name,
		account_type: () => account.accountType,
		profile_picture_url: () => account.profilePictureUrl,
		followers_count: () => account.followersCount,
		follows_count: () => account.followsCount,
		media_count: () => account.mediaCount,
		biography: () => account.biography,
		website: () => account.website,
	};
}

module.exports = { pageTokenFor, roleFor, pageGetters, userGetters, systemUserGetters, igBusinessGetters, instagramLoginGetters, parseFields };
