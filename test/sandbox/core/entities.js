'use strict';
// Seedable entities: apps, users, pages, page roles, Instagram accounts, businesses, system users.
const ids = require('./ids');

function str(v) {
	return v === undefined || v === null ? undefined : String(v);
}

function upsertApp(state, spec) {
	const id = str(spec.id) || ids.numericId(16);
	const prev = state.apps.get(id) || {};
	const app = {
		...prev,
		id,
		secret: spec.secret ?? prev.secret ?? ids.randomAlnum(32).toLowerCase(),
		name: spec.name ?? prev.name ?? `App ${id}`,
		requireAppsecretProof: Boolean(spec.requireAppsecretProof ?? prev.requireAppsecretProof ?? false),
		instagramAppId: str(spec.instagramAppId) ?? prev.instagramAppId,
		instagramAppSecret: spec.instagramAppSecret ?? prev.instagramAppSecret,
		mode: spec.mode ?? prev.mode ?? 'live',
		/** Valid OAuth Redirect URIs; empty = any (sandbox convenience). */
		redirectUris: spec.redirectUris ?? prev.redirectUris ?? [],
		/** Instagram Login redirect URIs; empty = any. */
		instagramRedirectUris: spec.instagramRedirectUris ?? prev.instagramRedirectUris ?? [],
		/** Facebook Login for Business configurations: {id, name?, scopes[], tokenType:'USER'|'SYSTEM_USER'}. */
		loginConfigs: (spec.loginConfigs ?? prev.loginConfigs ?? []).map((c) => ({ ...c, id: String(c.id), tokenType: c.tokenType || 'USER' })),
		/** Users with a role on the app (matters in development mode). */
		roleUserIds: (spec.roleUserIds ?? prev.roleUserIds ?? []).map(String),
		/** Business portfolio the app is attached to ('' = none). */
		businessId: str(spec.businessId) ?? prev.businessId ?? '',
	};
	state.apps.set(id, app);
	return app;
}

function upsertUser(state, spec) {
	const id = str(spec.id) || ids.numericId(16);
	const user = { ...(state.users.get(id) || {}), ...spec, id, name: spec.name ?? state.users.get(id)?.name ?? `User ${id}` };
	state.users.set(id, user);
	return user;
}

function upsertPage(state, spec) {
	const id = str(spec.id) || ids.numericId(15);
	const prev = state.pages.get(id) || {};
	const page = {
		...prev,
		...spec,
		id,
		name: spec.name ?? prev.name ?? `Page ${id}`,
		category: spec.category ?? prev.category ?? 'Product/service',
		categoryList: spec.categoryList ?? prev.categoryList ?? [{ id: '2201', name: spec.category ?? prev.category ?? 'Product/service' }],
		instagramBusinessAccountId: str(spec.instagramBusinessAccountId) ?? prev.instagramBusinessAccountId,
	};
	state.pages.set(id, page);
	return page;
}

/** Page role: `tasks` as Meta lists them; `pageTokenAllowed:false` models a role with no Page token. */
function upsertRole(state, spec) {
	const userId = String(spec.userId);
	const pageId = String(spec.pageId);
	removeRole(state, { userId, pageId });
	const role = {
		userId,
		pageId,
		tasks: spec.tasks || ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
		pageTokenAllowed: spec.pageTokenAllowed !== false,
	};
	state.roles.push(role);
	return role;
}

function removeRole(state, { userId, pageId }) {
	const before = state.roles.length;
	state.roles = state.roles.filter((r) => !(r.userId === String(userId) && r.pageId === String(pageId)));
	return before !== state.roles.length;
}

function upsertIgAccount(state, spec) {
	const id = str(spec.id) || '1784' + ids.numericId(13);
	const prev = state.igAccounts.get(id) || {};
	const account = {
		...prev,
		...spec,
		id,
		username: spec.username ?? prev.username ?? `user_${id.slice(-6)}`,
		name: spec.name ?? prev.name ?? spec.username ?? prev.username,
		accountType: spec.accountType ?? prev.accountType ?? 'BUSINESS',
		pageId: str(spec.pageId) ?? prev.pageId,
		/** IG-Login app-scoped id: token exchange `user_id` and /me `id` (differs from `user_id`, [community]). */
		appScopedId: str(spec.appScopedId) ?? prev.appScopedId ?? ids.numericId(17),
		profilePictureUrl: spec.profilePictureUrl ?? prev.profilePictureUrl ?? `https://scontent.sandbox.invalid/${id}/profile.jpg`,
		followersCount: spec.followersCount ?? prev.followersCount ?? 0,
		followsCount: spec.followsCount ?? prev.followsCount ?? 0,
		mediaCount: spec.mediaCount ?? prev.mediaCount ?? 0,
	};
	state.igAccounts.set(id, account);
	// An Instagram account is linked to one Page: moving it unlinks the Page it was on.
	const previousPage = prev.pageId && prev.pageId !== account.pageId ? state.pages.get(prev.pageId) : null;
	if (previousPage && previousPage.instagramBusinessAccountId === id) previousPage.instagramBusinessAccountId = undefined;
	if (account.pageId && state.pages.has(account.pageId)) state.pages.get(account.pageId).instagramBusinessAccountId = id;
	return account;
}

function upsertBusiness(state, spec) {
	const id = str(spec.id) || ids.numericId(15);
	const business = { ...(state.businesses.get(id) || {}), ...spec, id, name: spec.name ?? `Business ${id}` };
	state.businesses.set(id, business);
	return business;
}

function upsertSystemUser(state, spec) {
	const id = str(spec.id) || ids.numericId(15);
	const su = { ...(state.systemUsers.get(id) || {}), ...spec, id, name: spec.name ?? `System User ${id}`, businessId: str(spec.businessId), role: spec.role || 'ADMIN' };
	state.systemUsers.set(id, su);
	return su;
}

function findIgAccount(state, idOrAppScoped) {
	const key = String(idOrAppScoped);
	if (state.igAccounts.has(key)) return state.igAccounts.get(key);
	for (const a of state.igAccounts.values()) if (a.appScopedId === key || a.username === key) return a;
	return null;
}

function appByInstagramId(state, igAppId) {
	for (const app of state.apps.values()) if (app.instagramAppId && app.instagramAppId === String(igAppId)) return app;
	return null;
}

/** WhatsApp Business Account with its phone numbers (the WhatsApp product fills in the rest). */
function upsertWaba(state, spec) {
	if (!state.wabas) state.wabas = new Map();
	const id = str(spec.id) || ids.numericId(16);
	const waba = { ...(state.wabas.get(id) || {}), ...spec, id, name: spec.name ?? `WhatsApp Business Account ${id}`, phoneNumberIds: (spec.phoneNumberIds || []).map(String) };
	state.wabas.set(id, waba);
	return waba;
}

function rolesOf(state, userId) {
	return state.roles.filter((r) => r.userId === String(userId));
}

module.exports = {
	upsertWaba,
	upsertApp,
	upsertUser,
	upsertPage,
	upsertRole,
	removeRole,
	upsertIgAccount,
	upsertBusiness,
	upsertSystemUser,
	findIgAccount,
	appByInstagramId,
	rolesOf,
};
