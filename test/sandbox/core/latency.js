'use strict';
// Artificial latency (admin: POST /__admin/latency {ms, route?}); the largest matching rule wins.
const { normalizePattern, globMatch } = require('./glob');

function setLatency(state, { ms, route, method }, knownHosts) {
	const { host, path } = normalizePattern(route || '/**', knownHosts);
	state.latency = state.latency.filter((r) => !(r.path === path && r.host === host && r.method === method));
	if (Number(ms) > 0) state.latency.push({ ms: Number(ms), path, host, method: method ? String(method).toUpperCase() : undefined, route: route || '/**' });
	return state.latency;
}

function latencyMiddleware(state, timers) {
	return function addLatency(req, res, next) {
		let ms = 0;
		for (const r of state.latency) {
			if (r.host && r.host !== req.sandbox.host) continue;
			if (r.method && r.method !== req.method) continue;
			if (globMatch(r.path, req.sandbox.path)) ms = Math.max(ms, r.ms);
		}
		if (ms > 0) timers.after(next, ms);
		else next();
	};
}

module.exports = { setLatency, latencyMiddleware };
