'use strict';
// Scenarios. defaultSeed() is a complete healthy setup; seedResult names its ids and tokens so tests
// and demos can use them without reading the state.
const crypto = require('crypto');
const entities = require('./core/entities');
const { createToken } = require('./core/tokens');
const ads = require('./products/ads/seed');

const APP_ID = '1000000000000001';
const APP_SECRET = 'sandbox-app-secret';
const IG_APP_ID = '1000000000000002';
const IG_APP_SECRET = 'sandbox-instagram-app-secret';

/** Same formula as core/tokens appTokenFor, spelled out so seedResult is a plain constant. */
const APP_TOKEN = `${APP_ID}|${crypto.createHmac('sha256', APP_SECRET).update(`app-token:${APP_ID}`).digest('base64url').slice(0, 27)}`;

const FACEBOOK_SCOPES = [
	'instagram_basic',
	'instagram_content_publish',
	'instagram_manage_comments',
	'instagram_manage_messages',
	'pages_show_list',
	'pages_read_engagement',
	'pages_manage_metadata',
	'business_management',
	'whatsapp_business_management',
	'whatsapp_business_messaging',
	'ads_read',
];
const INSTAGRAM_SCOPES = [
	'instagram_business_basic',
	'instagram_business_content_publish',
	'instagram_business_manage_comments',
	'instagram_business_manage_messages',
	'instagram_business_manage_insights',
];
const ADMIN_TASKS = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];
const EDITOR_TASKS = ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT'];

const seedResult = Object.freeze({
	app: {
		id: APP_ID,
		secret: APP_SECRET,
		name: 'Sandbox Business App',
		instagramAppId: IG_APP_ID,
		instagramAppSecret: IG_APP_SECRET,
		loginConfigId: '2000000000000001',
	},
	business: { id: '1400000000000001', name: 'Sandbox Business' },
	users: {
		ada: { id: '1100000000000001', name: 'Ada Admin' },
		eddie: { id: '1100000000000002', name: 'Eddie Editor' },
	},
	page: { id: '1200000000000001', name: "Ada's Shop" },
	instagram: { id: '17841400000000001', username: 'adas.shop', appScopedId: '27000000000000001' },
	personalInstagram: { id: '17841400000000002', username: 'pat.personal' },
	systemUser: { id: '1300000000000001', name: 'Sandbox System User' },
	waba: { id: '1500000000000001', name: 'Sandbox WhatsApp Account', phoneNumberId: '1600000000000001' },
	secondWaba: { id: '1500000000000002', name: 'Second WhatsApp Account', phoneNumberId: '1600000000000002' },
	scopes: { facebook: FACEBOOK_SCOPES, instagram: INSTAGRAM_SCOPES },
	/** Ad account of Ada and the system user, with four campaigns (ads product). */
	adAccount: ads.adsSeedResult,
	tokens: {
		/** Long-lived user token of Ada, all relevant scopes. */
		adaUser: 'EAASandboxAdaAdminLongLivedUserToken0000000000000000000001',
		/** Long-lived user token of Eddie (role without Page token). */
		eddieUser: 'EAASandboxEddieEditorLongLivedUserToken000000000000000002',
		/** Page token of Ada's Shop derived from adaUser (non-expiring); /me/accounts returns it. */
		adaPage: 'EAASandboxAdasShopPageToken00000000000000000000000000003',
		/** Non-expiring system-user token. */
		systemUser: 'EAASandboxSystemUserToken000000000000000000000000000004',
		/** Instagram-Login long-lived token for @adas.shop. */
		instagramLogin: 'IGAASandboxAdasShopInstagramLoginToken00000000000000005',
		/** App token `{app-id}|{hash}` (also accepted: `${APP_ID}|${APP_SECRET}`). */
		app: APP_TOKEN,
	},
});

/** Entity spec of the healthy scenario (consumed by applySeed). */
function defaultSeed() {
	const r = seedResult;
	return {
		apps: [
			{
				id: r.app.id,
				secret: r.app.secret,
				name: r.app.name,
				mode: 'live',
				requireAppsecretProof: false,
				instagramAppId: r.app.instagramAppId,
				instagramAppSecret: r.app.instagramAppSecret,
				loginConfigs: [{ id: r.app.loginConfigId, name: 'Business login', scopes: FACEBOOK_SCOPES, tokenType: 'USER' }],
				roleUserIds: [r.users.ada.id],
				businessId: r.business.id,
			},
		],
		businesses: [r.business],
		users: [r.users.ada, r.users.eddie],
		pages: [{ ...r.page, category: 'Product/service', instagramBusinessAccountId: r.instagram.id }],
		wabas: [
			{ id: r.waba.id, name: r.waba.name, phoneNumberIds: [r.waba.phoneNumberId] },
			{ id: r.secondWaba.id, name: r.secondWaba.name, phoneNumberIds: [r.secondWaba.phoneNumberId] },
		],
		roles: [
			{ userId: r.users.ada.id, pageId: r.page.id, tasks: ADMIN_TASKS, pageTokenAllowed: true },
			{ userId: r.users.eddie.id, pageId: r.page.id, tasks: EDITOR_TASKS, pageTokenAllowed: false },
			{ userId: r.systemUser.id, pageId: r.page.id, tasks: ADMIN_TASKS, pageTokenAllowed: true },
		],
		instagramAccounts: [
			{
				id: r.instagram.id,
				username: r.instagram.username,
				name: "Ada's Shop",
				accountType: 'BUSINESS',
				pageId: r.page.id,
				appScopedId: r.instagram.appScopedId,
				followersCount: 1280,
				followsCount: 75,
				mediaCount: 42,
			},
			{ id: r.personalInstagram.id, username: r.personalInstagram.username, accountType: 'PERSONAL' },
		],
		systemUsers: [{ ...r.systemUser, businessId: r.business.id }],
		...ads.defaultAdsSeed(r),
		tokens: [
			{ token: r.tokens.adaUser, type: 'USER', appId: r.app.id, userId: r.users.ada.id, scopes: FACEBOOK_SCOPES, expiresIn: 5183944 },
			{
				token: r.tokens.eddieUser,
				type: 'USER',
				appId: r.app.id,
				userId: r.users.eddie.id,
				scopes: ['pages_show_list', 'pages_read_engagement', 'instagram_basic'],
				expiresIn: 5183944,
			},
			{
				token: r.tokens.adaPage,
				type: 'PAGE',
				appId: r.app.id,
				userId: r.users.ada.id,
				pageId: r.page.id,
				scopes: FACEBOOK_SCOPES,
				expiresAt: 0,
				parentToken: r.tokens.adaUser,
			},
			{ token: r.tokens.systemUser, type: 'SYSTEM_USER', appId: r.app.id, userId: r.systemUser.id, scopes: FACEBOOK_SCOPES, expiresIn: 0 },
			{ token: r.tokens.instagramLogin, type: 'IG_USER', appId: r.app.id, igUserId: r.instagram.id, scopes: INSTAGRAM_SCOPES, expiresIn: 5183944 },
		],
	};
}

/**
 * Add entities to the state (merging with what is there). Returns {tokens:[...strings]} plus,
 * for the default scenario, seedResult.
 */
function applySeed(state, spec) {
	for (const app of spec.apps || []) entities.upsertApp(state, app);
	for (const b of spec.businesses || []) entities.upsertBusiness(state, b);
	for (const u of spec.users || []) entities.upsertUser(state, u);
	for (const p of spec.pages || []) entities.upsertPage(state, p);
	for (const su of spec.systemUsers || []) entities.upsertSystemUser(state, su);
	for (const a of spec.instagramAccounts || []) entities.upsertIgAccount(state, a);
	for (const role of spec.roles || []) entities.upsertRole(state, role);
	for (const w of spec.wabas || []) entities.upsertWaba(state, w);
	ads.applyAdsSeed(state, spec);
	const tokens = [];
	for (const t of spec.tokens || []) {
		const rec = createToken(state, t);
		if (rec.type === 'PAGE' && rec.parentToken) state.pageTokenCache.set(`${rec.parentToken}|${rec.pageId}`, rec.token);
		tokens.push(rec.token);
	}
	return { tokens };
}

module.exports = { defaultSeed, applySeed, seedResult };
