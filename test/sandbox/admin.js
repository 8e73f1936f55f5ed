'use strict';
// Admin API under /__admin, plus the same operations as plain functions (sandbox.admin.*).
const express = require('express');
const { applySeed, defaultSeed, seedResult } = require('./seed');
const { createToken, TYPES } = require('./core/tokens');
const { addFault } = require('./core/faults');
const { setLatency } = require('./core/latency');
const { filterCalls } = require('./core/calllog');
const { removeRole } = require('./core/entities');
const { HOSTS } = require('./core/router');

/** @param {{state:any, webhooks:any}} ctx */
function createAdmin({ state, webhooks }) {
	const admin = {
		reset() {
			state.reset();
			return { ok: true };
		},
		/** @param {'default'|{scenario?:string}|Object} spec */
		seed(spec = 'default') {
			if (spec === 'default' || (spec && spec.scenario === 'default')) {
				applySeed(state, defaultSeed());
				return { scenario: 'default', seedResult };
			}
			if (spec && spec.scenario) throw new Error(`unknown scenario ${spec.scenario}`);
			return applySeed(state, spec || {});
		},
		summary() {
			return {
				clock: admin.clock(),
				apps: [...state.apps.values()],
				users: [...state.users.values()],
				pages: [...state.pages.values()],
				roles: state.roles,
				instagramAccounts: [...state.igAccounts.values()],
				systemUsers: [...state.systemUsers.values()],
				businesses: [...state.businesses.values()],
				tokens: admin.tokens(),
				faults: state.faults,
				latency: state.latency,
				usage: state.usage,
				settings: state.settings,
				calls: state.calls.length,
				products: [...state.products.keys()],
			};
		},
		tokens() {
			return [...state.tokens.values()].map((t) => ({ ...t, expired: Boolean(t.expiresAt && t.expiresAt <= state.nowSec()) }));
		},
		/** @returns {{token:string, record:any}} */
		createToken(spec) {
			if (!spec || !TYPES.includes(String(spec.type || '').toUpperCase())) throw new Error(`token type must be one of ${TYPES.join(', ')}`);
			const record = createToken(state, spec);
			return { token: record.token, record };
		},
		/** Revoke: 190 with this subcode from now on (458/459/460/464/467/492…). */
		revokeToken({ token, subcode, message }) {
			const record = state.tokens.get(String(token));
			if (!record) throw new Error('unknown token');
			record.revoked = { subcode: subcode === undefined || subcode === null ? null : Number(subcode), message };
			return { ok: true };
		},
		removeRole({ userId, pageId }) {
			return { removed: removeRole(state, { userId, pageId }) };
		},
		clock() {
			const nowMs = state.nowMs();
			return { nowMs, now: Math.floor(nowMs / 1000), iso: new Date(nowMs).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 };
		},
		advanceClock(seconds) {
			if (!Number.isFinite(Number(seconds))) throw new Error('advanceSeconds must be a number');
			state.advanceClock(Number(seconds));
			return admin.clock();
		},
		setLatency(spec) {
			return setLatency(state, spec || {}, HOSTS);
		},
		clearLatency() {
			state.latency = [];
			return { ok: true };
		},
		addFault(spec) {
			return addFault(state, spec, HOSTS);
		},
		removeFault(id) {
			state.faults = state.faults.filter((f) => f.id !== String(id));
			return { ok: true };
		},
		clearFaults() {
			state.faults = [];
			return { ok: true };
		},
		calls(filter = {}) {
			return filterCalls(state, filter, HOSTS);
		},
		clearCalls() {
			state.calls = [];
			return { ok: true };
		},
		/** @param {{scope:'app'|string, call_count?, total_time?, total_cputime?, estimated_time_to_regain_access?, type?}} spec */
		setUsage(spec) {
			const { scope = 'app', ...values } = spec || {};
			if (scope === 'app') state.usage.app = { ...(state.usage.app || {}), ...values };
			else state.usage.objects[String(scope)] = { ...(state.usage.objects[String(scope)] || {}), ...values };
			return state.usage;
		},
		clearUsage() {
			state.usage = { app: null, objects: {} };
			return state.usage;
		},
		settings(patch) {
			if (patch) {
				const unknown = Object.keys(patch).filter((k) => !(k in state.settings));
				if (unknown.length) throw new Error(`unknown settings: ${unknown.join(', ')}`);
				Object.assign(state.settings, patch);
			}
			return state.settings;
		},
	};

	const router = express.Router();
	router.use(express.json({ limit: '20mb' }));
	const handle = (fn) => async (req, res) => {
		try {
			res.json(await fn(req));
		} catch (e) {
			res.status(400).json({ error: e.message });
		}
	};
	router.post('/reset', handle(() => admin.reset()));
	router.post('/seed', handle((req) => admin.seed(req.body && Object.keys(req.body).length ? req.body : 'default')));
	router.get('/state', handle(() => admin.summary()));
	router.get('/tokens', handle(() => admin.tokens()));
	router.post('/tokens', handle((req) => ({ token: admin.createToken(req.body).token })));
	router.post('/tokens/revoke', handle((req) => admin.revokeToken(req.body || {})));
	router.delete('/roles', handle((req) => admin.removeRole(req.body || {})));
	router.get('/clock', handle(() => admin.clock()));
	router.post('/clock', handle((req) => admin.advanceClock((req.body || {}).advanceSeconds)));
	router.post('/latency', handle((req) => admin.setLatency(req.body)));
	router.delete('/latency', handle(() => admin.clearLatency()));
	router.get('/faults', handle(() => state.faults));
	router.post('/faults', handle((req) => admin.addFault(req.body)));
	router.delete('/faults', handle(() => admin.clearFaults()));
	router.delete('/faults/:id', handle((req) => admin.removeFault(req.params.id)));
	router.get('/calls', handle((req) => admin.calls(req.query)));
	router.delete('/calls', handle(() => admin.clearCalls()));
	router.get('/usage', handle(() => state.usage));
	router.post('/usage', handle((req) => admin.setUsage(req.body)));
	router.delete('/usage', handle(() => admin.clearUsage()));
	router.get('/settings', handle(() => admin.settings()));
	router.post('/settings', handle((req) => admin.settings(req.body || {})));
	router.post('/webhooks/deliver', handle((req) => webhooks.deliver(withRawBody(req.body))));
	router.post('/webhooks/verify', handle((req) => webhooks.verifyCallback(req.body || {})));
	router.get('/webhooks/deliveries', handle(() => state.webhookDeliveries));
	// Deauthorize / data deletion callbacks signed as Meta does: send, configure, removeApp (products/compliance.js).
	router.post('/compliance/:action', handle((req) => webhooks.compliance.admin(req.params.action, req.body)));
	// Fires one sample event at whatever URL the app and account subscribed, as Meta would (demo: npm run demo:event).
	router.post('/events', handle(async (req) => {
		const { fireSampleEvent } = require('./products/sample-events');
		return await fireSampleEvent(state, webhooks, req.body || {});
	}));
	router.use((req, res) => res.status(404).json({ error: `unknown admin route ${req.method} ${req.path}` }));

	admin.router = router;
	return admin;
}

/** Over HTTP, rawBody arrives as a string (utf8) or {base64}. */
function withRawBody(body) {
	const opts = { ...(body || {}) };
	if (opts.rawBody && typeof opts.rawBody === 'object' && opts.rawBody.base64) opts.rawBody = Buffer.from(opts.rawBody.base64, 'base64');
	return opts;
}

module.exports = { createAdmin };
