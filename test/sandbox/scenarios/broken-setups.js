'use strict';
// Broken Meta setups for the Setup Doctor: each scenario seeds one broken link of the chain on top of the default
// (healthy) seed and says which check must fail. `applyScenario(sandbox, name)` returns what to check it with: the
// credential, the Setup Doctor's parameters and the ids of the checks that must fail (and only those).
const { seedResult } = require('../seed');

const WEBHOOK_URL = 'https://n8n.example.test/webhook/meta-instagram';
const OTHER_PAGE = { id: '1200000000000002', name: "Ada's Other Shop" };
/** A Page Ada has no role on. */
const STRANGERS_PAGE = { id: '1200000000000003', name: "A Stranger's Page" };
const DAY = 86400;

/** The app's webhook subscription for one object, as `POST /{app-id}/subscriptions` stores it (products/subscriptions). */
function subscribeApp(state, { object, callbackUrl, fields, active = true }) {
	const appId = seedResult.app.id;
	if (!state.appSubscriptions.has(appId)) state.appSubscriptions.set(appId, new Map());
	state.appSubscriptions.get(appId).set(object, { object, callback_url: callbackUrl, active, fields: new Map(fields.map((f) => [f, 'v26.0'])), verifyToken: 'sandbox-verify' });
}

/** A Page's or WhatsApp account's `subscribed_apps` entry for the app (with a WhatsApp callback override). */
function installApp(state, targetId, { fields = [], overrideUrl } = {}) {
	if (!state.subscribedApps.has(targetId)) state.subscribedApps.set(targetId, new Map());
	state.subscribedApps.get(targetId).set(seedResult.app.id, { subscribed_fields: fields, override_callback_uri: overrideUrl });
}

/** A token of Ada's with every scope of the default seed (so only the scenario's own break shows). */
function adaToken(sandbox, spec = {}) {
	return sandbox.admin.createToken({ type: 'USER', userId: seedResult.users.ada.id, scopes: seedResult.scopes.facebook, ...spec }).token;
}

function phoneNumber(overrides) {
	const { waba } = seedResult;
	return { wabas: [{ id: waba.id, name: waba.name, phoneNumberIds: [waba.phoneNumberId], phoneNumbers: [{ id: waba.phoneNumberId, ...overrides }] }] };
}

function adAccount(overrides) {
	const account = seedResult.adAccount;
	return { adAccounts: [{ id: account.accountId, name: account.name, businessId: seedResult.business.id, userIds: [seedResult.users.ada.id, seedResult.systemUser.id], ...overrides }] };
}

/**
 * Everything a complete setup has on top of the default seed: the app's Instagram webhook at the trigger's URL, the
 * Page subscribed to the app for those fields (what activating the Instagram trigger does), and both WhatsApp accounts
 * subscribed to the app (what activating the WhatsApp trigger does).
 */
function completeSetup(sandbox) {
	subscribeApp(sandbox.state, { object: 'instagram', callbackUrl: WEBHOOK_URL, fields: ['messages', 'comments'] });
	installApp(sandbox.state, seedResult.page.id, { fields: ['messages', 'comments'] });
	for (const waba of [seedResult.waba, seedResult.secondWaba]) installApp(sandbox.state, waba.id);
}

/** The Setup Doctor's parameters for a Facebook Login setup that expects the default seed's Page, account and webhook. */
function facebookParameters() {
	return {
		checkApp: true,
		expectations: {
			pageId: seedResult.page.id,
			instagramAccount: `@${seedResult.instagram.username}`,
			webhookUrl: WEBHOOK_URL,
			webhookFields: ['instagram:messages', 'instagram:comments'],
		},
	};
}

/** Without "this Page holds @adas.shop": for breaks where that expectation would fail as well. */
function withoutInstagramExpectation() {
	const parameters = facebookParameters();
	delete parameters.expectations.instagramAccount;
	delete parameters.expectations.pageId;
	return parameters;
}

function accessToken(token) {
	return { type: 'metaAccessTokenApi', data: { accessToken: token, appId: seedResult.app.id, appSecret: seedResult.app.secret } };
}

/** An Instagram Login token in the Meta Access Token credential (with the Instagram app's id and secret), as users hold it. */
function instagramLogin(token) {
	const { app } = seedResult;
	return { type: 'metaAccessTokenApi', data: { accessToken: token, appId: app.instagramAppId, appSecret: app.instagramAppSecret } };
}

/** Ada's token with the default expectations: the case most scenarios check. */
function adaCase(sandbox) {
	return { credential: accessToken(adaToken(sandbox)), parameters: facebookParameters() };
}

/** A scenario that is one `admin.seed(spec)` on top of the complete setup, checked with Ada's token. */
function seeded(description, fails, spec) {
	return {
		description,
		fails,
		apply(sandbox) {
			sandbox.admin.seed(spec);
			return adaCase(sandbox);
		},
	};
}

/** A complete setup except that one Page or WhatsApp account has not subscribed the app. */
function uninstalled(description, fails, targetId) {
	return {
		description,
		fails,
		apply(sandbox) {
			sandbox.state.subscribedApps.get(targetId).delete(seedResult.app.id);
			return adaCase(sandbox);
		},
	};
}

/** The app credential the doctor reads the app and its webhooks with. */
const APP_CREDENTIAL = { type: 'metaAppApi', data: { appId: seedResult.app.id, appSecret: seedResult.app.secret, verifyToken: 'sandbox-verify' } };

const SCENARIOS = {
	healthy: {
		description: 'A complete setup: Ada (Page admin) with every permission, her Page linked to @adas.shop, live app in a business portfolio, webhook at the trigger URL',
		fails: [],
		apply: adaCase,
	},
	personalInstagram: {
		description: 'The Instagram account linked to the Page is a personal account',
		fails: ['instagram.accountType'],
		apply(sandbox) {
			sandbox.admin.seed({ instagramAccounts: [{ id: seedResult.personalInstagram.id, accountType: 'PERSONAL', pageId: seedResult.page.id }] });
			return { credential: accessToken(adaToken(sandbox)), parameters: withoutInstagramExpectation() };
		},
	},
	instagramOnOtherPage: seeded('The Instagram account is linked to a different Page than the one the workflows use', ['instagram.expectedPage'], {
		pages: [OTHER_PAGE],
		roles: [{ userId: seedResult.users.ada.id, pageId: OTHER_PAGE.id }],
		instagramAccounts: [{ id: seedResult.instagram.id, pageId: OTHER_PAGE.id }],
	}),
	pageWithoutInstagram: {
		description: 'No Instagram account is linked to the Page (the account moved to a Page the user cannot reach)',
		fails: ['instagram.linked'],
		apply(sandbox) {
			sandbox.admin.seed({ pages: [STRANGERS_PAGE], instagramAccounts: [{ id: seedResult.instagram.id, pageId: STRANGERS_PAGE.id }] });
			return { credential: accessToken(adaToken(sandbox)), parameters: withoutInstagramExpectation() };
		},
	},
	editorRole: {
		description: 'The user is an Editor of the Page, not an Admin: Meta gives no Page token',
		fails: ['pages.pageToken'],
		apply(sandbox) {
			const token = sandbox.admin.createToken({ type: 'USER', userId: seedResult.users.eddie.id, scopes: seedResult.scopes.facebook.filter((s) => s.startsWith('pages_') || s.startsWith('instagram_')) }).token;
			return { credential: accessToken(token), parameters: facebookParameters() };
		},
	},
	expiredToken: {
		description: 'The user token expired',
		fails: ['token.valid'],
		apply(sandbox) {
			const now = sandbox.state.nowSec();
			const token = adaToken(sandbox, { issuedAt: now - 70 * DAY, expiresAt: now - 10 * DAY, dataAccessExpiresAt: now + 20 * DAY });
			return { credential: accessToken(token), parameters: facebookParameters() };
		},
	},
	dataAccessLapsed: {
		description: 'The token is valid but the user has not used the app for 90 days: data access lapsed, and Meta refuses the WhatsApp account',
		fails: ['token.dataAccess', 'whatsapp.accounts'],
		apply(sandbox) {
			const now = sandbox.state.nowSec();
			const token = adaToken(sandbox, { issuedAt: now - 40 * DAY, expiresAt: now + 20 * DAY, dataAccessExpiresAt: now - 2 * DAY });
			return { credential: accessToken(token), parameters: facebookParameters() };
		},
	},
	pageNotSharedAtLogin: {
		description: 'Login for Business: the person shared the WhatsApp and ad accounts but did not tick the Page (nor its Instagram account)',
		fails: ['pages.reachable', 'instagram.linked'],
		apply(sandbox) {
			const { waba, secondWaba, adAccount } = seedResult;
			const shared = [waba.id, secondWaba.id, `act_${adAccount.accountId}`];
			const scopes = seedResult.scopes.facebook;
			const granularScopes = scopes.map((scope) =>
				scope.startsWith('whatsapp_') ? { scope, target_ids: [waba.id, secondWaba.id] } : { scope },
			);
			return { credential: accessToken(adaToken(sandbox, { sharedAssets: shared, granularScopes })), parameters: facebookParameters() };
		},
	},
	whatsappAppNotInstalled: uninstalled('A WhatsApp Business Account has not subscribed the app, so Meta sends none of its webhooks', ['whatsapp.appInstalled'], seedResult.secondWaba.id),
	plainHttpCallback: {
		description: 'The trigger’s URL (and the app’s webhook) is plain http: a local n8n Meta cannot call',
		fails: ['webhooks.https'],
		apply(sandbox) {
			const local = 'http://localhost:5678/webhook/meta-instagram';
			subscribeApp(sandbox.state, { object: 'instagram', callbackUrl: local, fields: ['messages', 'comments'] });
			const parameters = facebookParameters();
			parameters.expectations.webhookUrl = local;
			return { credential: accessToken(adaToken(sandbox)), parameters };
		},
	},
	noBusiness: seeded('The Meta app is not attached to a business portfolio', ['app.business'], { apps: [{ id: seedResult.app.id, businessId: '' }] }),
	webhookWrongUrl: {
		description: 'The app’s webhook still calls an old URL',
		fails: ['webhooks.callbackUrl'],
		apply(sandbox) {
			subscribeApp(sandbox.state, { object: 'instagram', callbackUrl: 'https://old-n8n.example.test/webhook/instagram', fields: ['messages', 'comments'] });
			return adaCase(sandbox);
		},
	},
	webhookMissingFields: {
		description: 'The app’s webhook lacks a field a trigger needs (Instagram messages)',
		fails: ['webhooks.fields'],
		apply(sandbox) {
			subscribeApp(sandbox.state, { object: 'instagram', callbackUrl: WEBHOOK_URL, fields: ['comments'] });
			return adaCase(sandbox);
		},
	},
	pageNotSubscribed: uninstalled('The Page has not subscribed the app, so Meta sends none of its Instagram events', ['webhooks.accountInstall'], seedResult.page.id),
	whatsappNotRegistered: seeded(
		'The WhatsApp phone number is not registered (pending, code not verified)',
		['whatsapp.registration'],
		phoneNumber({ status: 'PENDING', code_verification_status: 'NOT_VERIFIED' }),
	),
	whatsappAtLimit: seeded('The WhatsApp phone number is held at its messaging limit', ['whatsapp.messagingLimit'], phoneNumber({ status: 'RATE_LIMITED', messaging_limit_tier: 'TIER_250' })),
	whatsappLowQuality: seeded('The WhatsApp phone number’s quality rating is low (RED)', ['whatsapp.quality'], phoneNumber({ quality_rating: 'RED' })),
	disabledAdAccount: seeded('The ad account is disabled (ads integrity policy)', ['ads.accountStatus'], adAccount({ account_status: 2, disable_reason: 1 })),
};

/**
 * Seeds a scenario on top of the default seed (call after `admin.reset(); admin.seed('default')`).
 * @returns {{name:string, description:string, fails:string[], credential:{type:string,data:Object}, appCredential:Object, parameters:Object}}
 */
function applyScenario(sandbox, name) {
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown broken-setup scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
	completeSetup(sandbox);
	const seeded = scenario.apply(sandbox);
	return { name, description: scenario.description, fails: scenario.fails, appCredential: APP_CREDENTIAL, ...seeded };
}

module.exports = { SCENARIOS, applyScenario, subscribeApp, installApp, instagramLogin, WEBHOOK_URL, APP_CREDENTIAL };
