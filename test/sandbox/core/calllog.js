'use strict';
// Every Meta-host request is recorded (GET /__admin/calls) so tests can assert what a client sent.
const { globMatch, normalizePattern } = require('./glob');

/** Body as recorded: parsed fields, Buffers summarized. */
function recordableBody(body) {
	if (body === undefined || body === null) return null;
	if (Buffer.isBuffer(body)) return body.length ? { binaryBytes: body.length } : null;
	if (typeof body !== 'object') return body;
	if (Object.keys(body).length === 0) return null;
	const out = {};
	for (const [k, v] of Object.entries(body)) {
		out[k] = Buffer.isBuffer(v) ? { binaryBytes: v.length } : v && v.data && Buffer.isBuffer(v.data) ? { filename: v.filename, binaryBytes: v.data.length } : v;
	}
	return out;
}

function appsecretProofOf(req) {
	const fromQuery = req.query && req.query.appsecret_proof;
	const fromBody = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body.appsecret_proof : undefined;
	return fromQuery || fromBody || null;
}

/** Middleware: push the entry on arrival (seq order), complete it when the response ends. */
function callLogMiddleware(state) {
	return function recordCall(req, res, next) {
		const started = process.hrtime.bigint();
		const entry = {
			seq: ++state.callSeq,
			at: state.nowMs(),
			method: req.method,
			host: req.sandbox.host,
			version: req.sandbox.version,
			path: req.sandbox.path,
			query: { ...(req.query || {}) },
			body: null,
			tokenType: null,
			tokenLifetime: null,
			appsecretProof: null,
			status: null,
			fault: null,
			latencyMs: null,
			batch: req.headers['x-sandbox-batch-parent'] ? Number(req.headers['x-sandbox-batch-parent']) : null,
		};
		state.calls.push(entry);
		req.sandbox.call = entry;
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			const info = req.sandbox.tokenInfo;
			entry.body = recordableBody(req.body);
			entry.tokenType = info && info.raw ? (info.record && !info.error ? info.record.type : info.record ? info.record.type : 'INVALID') : null;
			entry.tokenValid = Boolean(info && info.record && !info.error);
			entry.tokenLifetime = info && info.record ? info.record.lifetime : null;
			entry.appsecretProof = appsecretProofOf(req);
			entry.status = res.headersSent ? res.statusCode : null;
			entry.fault = req.sandbox.fault || null;
			entry.latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
		};
		// Complete the entry as soon as the handler ends the response (deterministic for tests that read
		// the log right after the client got its answer); 'close' covers aborted connections.
		const originalEnd = res.end;
		res.end = function endAndRecord(...args) {
			const result = originalEnd.apply(this, args);
			finish();
			return result;
		};
		res.on('close', finish);
		// Faults that kill the socket complete the entry first, so it is final when the client sees the reset.
		req.sandbox.finishCall = finish;
		next();
	};
}

/** Filter for GET /__admin/calls: path glob (host/version prefixes allowed), host, method, since seq. */
function filterCalls(state, filter = {}, knownHosts) {
	let calls = state.calls;
	if (filter.path) {
		const { host, path } = normalizePattern(filter.path, knownHosts);
		calls = calls.filter((c) => globMatch(path, c.path) && (!host || c.host === host));
	}
	if (filter.host) calls = calls.filter((c) => c.host === filter.host);
	if (filter.method) calls = calls.filter((c) => c.method === String(filter.method).toUpperCase());
	if (filter.since) calls = calls.filter((c) => c.seq > Number(filter.since));
	return calls;
}

module.exports = { callLogMiddleware, filterCalls, recordableBody };
