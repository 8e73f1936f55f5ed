'use strict';
// Permission names (reference §1.9) and granular-scope targets.

const FACEBOOK_SCOPES = [
	'public_profile', 'email',
	'instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_messages',
	'instagram_manage_insights', 'instagram_manage_contents', 'instagram_manage_engagement',
	'instagram_branded_content_brand', 'instagram_branded_content_creator', 'instagram_branded_content_ads_brand',
	'instagram_shopping_tag_products',
	'whatsapp_business_management', 'whatsapp_business_messaging',
	'ads_read', 'ads_management', 'business_management', 'read_insights', 'leads_retrieval',
	'read_audience_network_insights', 'catalog_management',
	'pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'pages_manage_posts',
	'pages_manage_engagement', 'pages_messaging', 'pages_read_user_content', 'pages_manage_ads', 'pages_manage_cta',
];

const INSTAGRAM_SCOPES = [
	'instagram_business_basic',
	'instagram_business_content_publish',
	'instagram_business_manage_comments',
	'instagram_business_manage_messages',
	'instagram_business_manage_insights',
];

/** Scope list from `scope=a,b` or `scope=a b`. */
function parseScopeParam(value) {
	if (!value) return [];
	return [...new Set(String(value).split(/[,\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * granular_scopes for a grant: Page permissions target the user's Pages, Instagram permissions the
 * linked IG accounts; products add more targets (WABAs, ad accounts) via state.granularTargetResolvers.
 * With `shared` (the assets the person ticked at login) only those remain; a permission left with none has no
 * target_ids at all, as Meta answers it.
 */
function granularScopesFor(state, userId, scopes, shared) {
	const pageIds = state.roles.filter((r) => r.userId === String(userId)).map((r) => r.pageId);
	const igIds = pageIds.map((id) => state.pages.get(id)).filter((p) => p && p.instagramBusinessAccountId).map((p) => p.instagramBusinessAccountId);
	return scopes.map((scope) => {
		let targets = null;
		for (const resolve of state.granularTargetResolvers) {
			targets = resolve(scope, userId);
			if (targets) break;
		}
		if (!targets && scope.startsWith('pages_')) targets = pageIds;
		if (!targets && scope.startsWith('instagram_')) targets = igIds;
		if (targets && Array.isArray(shared)) targets = targets.filter((id) => shared.includes(String(id)));
		return targets && targets.length ? { scope, target_ids: targets } : { scope };
	});
}

module.exports = { FACEBOOK_SCOPES, INSTAGRAM_SCOPES, parseScopeParam, granularScopesFor };
