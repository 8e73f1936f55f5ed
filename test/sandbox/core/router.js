'use strict';
// Host routing: several Meta hosts on one port, each under a path prefix equal to its host name
// (`${url}/graph.facebook.com/v26.0/me`). On versioned hosts the `vNN.0` segment is optional and is
// stripped before product routes see the path; the version used is kept in req.sandbox.version.
const express = require('express');
const { VERSION_SEGMENT } = require('./glob');
const { resolveRequestToken, requireToken } = require('./tokens');
const { callLogMiddleware } = require('./calllog');
const { usageMiddleware } = require('./usage');
const { latencyMiddleware } = require('./latency');
const { faultMiddleware } = require('./faults');
const { graphError, errors } = require('./errors');
const { multipartMiddleware } = require('./multipart');

const HOSTS = ['graph.facebook.com', 'graph.instagram.com', 'rupload.facebook.com', 'api.instagram.com', 'www.facebook.com', 'www.instagram.com', 'lookaside.fbsbx.com'];
const GRAPH_HOSTS = ['graph.facebook.com', 'graph.instagram.com'];
const VERSIONED_HOSTS = [...GRAPH_HOSTS, 'www.facebook.com'];

/** One express Router per host; products add routes to them. */
function createHostRouters() {
	return Object.fromEntries(HOSTS.map((h) => [h, express.Router()]));
}

/**
 * First middleware of the Meta pipeline: recognise the host prefix, strip the optional version,
 * rewrite req.url to `/${host}${path}` and describe the request in req.sandbox.
 */
function hostDispatch(state) {
	return function dispatchHost(req, res, next) {
		const m = /^\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(req.url);
		if (!m || !HOSTS.includes(m[1])) return next();
		const host = m[1];
		const segments = (m[2] || '/').split('/').slice(1);
		let version = null;
		if (VERSIONED_HOSTS.includes(host) && segments.length && VERSION_SEGMENT.test(segments[0])) version = segments.shift();
		let path = '/' + segments.join('/');
		if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
		const graphHost = GRAPH_HOSTS.includes(host);
		// Graph's method override: ?method=delete on a GET/POST ([community], long-standing Graph behaviour).
		const override = req.query && typeof req.query.method === 'string' ? req.query.method.toUpperCase() : null;
		if (graphHost && override && ['GET', 'POST', 'DELETE'].includes(override) && ['GET', 'POST'].includes(req.method)) req.method = override;
		req.sandbox = { state, host, version, path, graphHost, fault: null, usageOverride: null, tokenInfo: null };
		if (graphHost) res.setHeader('facebook-api-version', version || state.settings.defaultApiVersion);
		req.url = `/${host}${path}${m[3] || ''}`;
		next();
	};
}

function onlyMeta(mw) {
	return (req, res, next) => (req.sandbox ? mw(req, res, next) : next());
}

/** Graph accepts query, form, JSON and multipart bodies (reference §0). */
function bodyParsers() {
	return [
		express.json({ limit: '20mb', type: ['application/json', '+json'] }),
		express.urlencoded({ extended: false, limit: '20mb' }),
		express.raw({ type: 'multipart/form-data', limit: '200mb' }),
		multipartMiddleware,
	];
}

/** dispatch → call log → token context → usage headers → latency → faults (then product routes). */
function metaPipeline({ state, timers }) {
	return [
		hostDispatch(state),
		onlyMeta(callLogMiddleware(state)),
		...bodyParsers().map(onlyMeta),
		onlyMeta((req, res, next) => {
			req.sandbox.tokenInfo = resolveRequestToken(state, req, req.sandbox.host);
			next();
		}),
		onlyMeta(usageMiddleware(state)),
		onlyMeta(latencyMiddleware(state, timers)),
		onlyMeta(faultMiddleware(state, timers)),
	];
}

/** Node type of a known object id, for "(#100) Tried accessing nonexisting field" errors. */
function nodeTypeOf(state, id, host) {
	for (const resolve of state.nodeTypeResolvers) {
		const type = resolve(id, host);
		if (type) return type;
	}
	return null;
}

/** Last routes of each graph host: Graph-like errors for unknown objects, edges and paths. */
function installFallbacks({ state, routers }) {
	for (const host of GRAPH_HOSTS) {
		const router = routers[host];
		router.all('/', requireToken(state), (req, res) => {
			graphError(res, errors.unsupportedRequest(req.method, ''));
		});
		router.all('/*rest', requireToken(state), (req, res) => {
			const segments = req.sandbox.path.split('/').slice(1);
			const [id, edge] = segments;
			const known = id === 'me' ? 'me' : nodeTypeOf(state, id, host);
			if (segments.length === 1) {
				if (/^\d+$/.test(id) || id === 'me') return graphError(res, errors.unsupportedRequest(req.method, id));
				return graphError(res, errors.unknownAlias(id));
			}
			if (segments.length === 2) {
				if (!known) return graphError(res, errors.unsupportedRequest(req.method, id));
				const type = known === 'me' ? nodeTypeForToken(req) : known;
				return graphError(res, errors.nonexistingField(edge, type));
			}
			return graphError(res, errors.unknownPath(req.sandbox.path));
		});
	}
	for (const host of HOSTS.filter((h) => !GRAPH_HOSTS.includes(h))) {
		routers[host].all('/*rest', (req, res) => {
			res.status(404).type('text/plain').send(`Sorry, this page isn't available (${host}${req.sandbox.path}).`);
		});
	}
}

function nodeTypeForToken(req) {
	const type = req.token && req.token.type;
	return { PAGE: 'Page', SYSTEM_USER: 'SystemUser', IG_USER: 'User' }[type] || 'User';
}

/** Errors thrown in product code or body parsing → Graph envelope (code 1 / 100). */
function errorHandler(err, req, res, next) {
	if (res.headersSent) return next(err);
	if (err && (err.type === 'entity.parse.failed' || err instanceof SyntaxError)) {
		return graphError(res, { code: 100, message: 'Invalid JSON in the request body' });
	}
	if (err && err.type === 'entity.too.large') return graphError(res, { code: 100, message: 'Request body too large' });
	console.error('[meta-sandbox] internal error:', err);
	return graphError(res, errors.unknownError());
}

module.exports = { bodyParsers, HOSTS, GRAPH_HOSTS, VERSIONED_HOSTS, createHostRouters, hostDispatch, metaPipeline, installFallbacks, errorHandler, nodeTypeOf };
