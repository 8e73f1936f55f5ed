'use strict';
// In-memory store and sandbox clock. Everything a test can observe or change lives here.
const crypto = require('crypto');
const { defaultSettings } = require('./settings');

/**
 * @typedef {Object} TokenRecord
 * @property {string} token
 * @property {'USER'|'PAGE'|'APP'|'SYSTEM_USER'|'IG_USER'} type
 * @property {string} appId
 * @property {string} [userId]        user or system-user id behind the token
 * @property {string} [pageId]
 * @property {string} [igUserId]      IG professional account id (IG-Login tokens)
 * @property {string[]} scopes
 * @property {Array<{scope:string,target_ids?:string[]}>} [granularScopes]
 * @property {number} issuedAt        unix seconds (sandbox clock)
 * @property {number} expiresAt       unix seconds, 0 = never
 * @property {number} dataAccessExpiresAt unix seconds, 0 = never
 * @property {'short'|'long'|'never'} lifetime
 * @property {string} [parentToken]   user token a page token was derived from
 * @property {{subcode:number|null,message?:string}|null} revoked
 */

function emptyEntities() {
	return {
		/** @type {Map<string, any>} */ apps: new Map(),
		/** @type {Map<string, any>} */ users: new Map(),
		/** @type {Map<string, any>} */ pages: new Map(),
		/** @type {Array<{userId:string,pageId:string,tasks:string[],pageTokenAllowed:boolean}>} */ roles: [],
		/** @type {Map<string, any>} */ igAccounts: new Map(),
		/** @type {Map<string, any>} */ systemUsers: new Map(),
		/** @type {Map<string, any>} */ businesses: new Map(),
		/** @type {Map<string, TokenRecord>} */ tokens: new Map(),
		/** OAuth codes (Facebook and Instagram login). @type {Map<string, any>} */ codes: new Map(),
		/** `${userToken}|${pageId}` -> page token string, so /me/accounts is stable. */ pageTokenCache: new Map(),
		/** WhatsApp Business Accounts. @type {Map<string, any>} */ wabas: new Map(),
		/** appId -> object -> webhook subscription. @type {Map<string, Map<string, any>>} */ appSubscriptions: new Map(),
		/** Page/WABA id -> appId -> subscribed_apps install. @type {Map<string, Map<string, any>>} */ subscribedApps: new Map(),
	};
}

function createState(options = {}) {
	const state = {
		...emptyEntities(),
		settings: { ...defaultSettings(), ...(options.settings || {}) },
		clockOffsetMs: 0,
		/** Salt for opaque cursors; fresh per sandbox so cursors cannot be guessed. */
		cursorSalt: crypto.randomBytes(6).toString('hex'),
		faults: [],
		latency: [],
		usage: { app: null, objects: {} },
		calls: [],
		callSeq: 0,
		webhookDeliveries: [],
		/** Per-product stores (instagram, whatsapp, ads...) created lazily with `ns()`. */
		products: new Map(),
		/** Resolvers products add so usage headers can name the business object of a path. */
		businessObjectResolvers: [],
		/** Resolvers products add so unknown-edge errors can name the node type of an id. */
		nodeTypeResolvers: [],
		/** Resolvers products add for granular_scopes target_ids: (scope, userId) => string[]|null. */
		granularTargetResolvers: [],
		/** Products' extra usage headers: (req, res, record, businessObject) => headers (see core/usage.js). */
		usageHeaderProviders: [],
		faultSeq: 0,

		nowMs() {
			return Date.now() + state.clockOffsetMs;
		},
		nowSec() {
			return Math.floor(state.nowMs() / 1000);
		},
		advanceClock(seconds) {
			state.clockOffsetMs += Math.round(Number(seconds) * 1000);
		},

		/**
		 * Namespaced store for a product module; cleared on reset.
		 * @template T
		 * @param {string} name
		 * @param {() => T} init
		 * @returns {T}
		 */
		ns(name, init) {
			if (!state.products.has(name)) state.products.set(name, init());
			return state.products.get(name);
		},

		/** The app used by default (webhook signing, seeded flows): the first one registered. */
		defaultApp() {
			return state.apps.values().next().value || null;
		},

		/** Back to empty: entities, tokens, faults, calls, usage, settings, clock offset 0. */
		reset() {
			Object.assign(state, emptyEntities());
			state.settings = { ...defaultSettings(), ...(options.settings || {}) };
			state.clockOffsetMs = 0;
			state.faults = [];
			state.latency = [];
			state.usage = { app: null, objects: {} };
			state.calls = [];
			state.callSeq = 0;
			state.webhookDeliveries = [];
			state.products = new Map();
		},
	};
	return state;
}

module.exports = { createState };
