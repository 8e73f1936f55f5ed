'use strict';
// Meta Graph sandbox: a local express emulator of Meta's Graph API hosts (see
// /work/shared/meta-graph-reference.md). createSandbox() → { app, state, admin, webhooks, start, stop }.
const express = require('express');
const { createState } = require('./core/state');
const { createTimers } = require('./core/timers');
const { createHostRouters, metaPipeline, installFallbacks, errorHandler, HOSTS } = require('./core/router');
const { createWebhookSender } = require('./products/webhooks');
const { createAdmin } = require('./admin');
const { seedResult } = require('./seed');

/**
 * @typedef {Object} ProductContext
 * @property {any} state                                  see core/state.js
 * @property {Record<string, import('express').Router>} routers  one per Meta host, version already stripped
 * @property {ReturnType<typeof createTimers>} timers
 * @property {ReturnType<typeof createWebhookSender>} webhooks
 * @property {string[]} hosts
 */

/** Product modules: `{name, register(ctx: ProductContext)}`. Adding one is one line here. */
const PRODUCTS = [
	require('./products/auth'),
	require('./products/batch'),
	require('./products/subscriptions'),
	require('./products/compliance'),
	// Before Instagram: both answer POST /{page-id}/messages; Messenger takes only its own conversations.
	require('./products/messenger'),
	require('./products/instagram'),
	require('./products/whatsapp'),
	require('./products/ads'),
	require('./products/leads'),
	require('./products/conversions'),
];

/**
 * @param {Object} [options]
 * @param {'default'|false|Object} [options.seed]  scenario to load (default: 'default'; false = empty)
 * @param {Object} [options.settings]             overrides of core/settings.js defaults
 * @param {Array<{name:string, register:(ctx:ProductContext)=>void}>} [options.products] extra products
 */
function createSandbox(options = {}) {
	const state = createState({ settings: options.settings });
	const timers = createTimers();
	const webhooks = createWebhookSender(state, timers);
	const routers = createHostRouters();
	/** @type {ProductContext} */
	const ctx = { state, routers, timers, webhooks, hosts: HOSTS };
	for (const product of [...PRODUCTS, ...(options.products || [])]) product.register(ctx);
	installFallbacks(ctx);
	const admin = createAdmin(ctx);

	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);
	app.use('/__admin', admin.router);
	app.use(metaPipeline(ctx));
	for (const host of HOSTS) app.use(`/${host}`, routers[host]);
	app.use((req, res) => res.status(404).type('text/plain').send(`meta-sandbox: unknown host or path ${req.originalUrl}; known hosts: ${HOSTS.join(', ')}`));
	app.use(errorHandler);

	const seed = options.seed === undefined ? 'default' : options.seed;
	if (seed) admin.seed(seed);

	/** @type {import('http').Server|null} */
	let server = null;
	let url = null;

	return {
		app,
		state,
		admin,
		webhooks,
		seedResult,
		hosts: HOSTS,
		get url() {
			return url;
		},
		/** @param {number} [port] 0 = any free port @returns {Promise<{url:string, port:number}>} */
		start(port = 0) {
			return new Promise((resolve, reject) => {
				server = app.listen(port, '127.0.0.1');
				server.once('error', reject);
				server.once('listening', () => {
					const actual = /** @type {import('net').AddressInfo} */ (server.address()).port;
					url = `http://127.0.0.1:${actual}`;
					resolve({ url, port: actual });
				});
			});
		},
		/** Close the server, drop open connections (including held `timeout` faults) and timers. */
		stop() {
			timers.clearAll();
			if (!server) return Promise.resolve();
			const s = server;
			server = null;
			return new Promise((resolve) => {
				s.close(() => resolve());
				s.closeAllConnections();
			});
		},
	};
}

module.exports = { createSandbox, PRODUCTS, HOSTS, seedResult };
