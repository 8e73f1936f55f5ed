'use strict';
// Graph batch requests (reference §9.3): POST /graph.facebook.com/{v}/ with access_token,
// include_headers and batch=[{method, relative_url, body?, name?, depends_on?, omit_response_on_success?}].
// Each item is replayed over loopback through the sandbox's own HTTP pipeline, so faults, usage
// headers and the call log apply per item exactly as for direct calls.
const http = require('http');
const { graphError, buildError } = require('../core/errors');
const { extractToken, proofProblem } = require('../core/tokens');

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'x-powered-by']);

/** Minimal JSONPath for `{result=name:$.data.*.id}` ([UNCONFIRMED] syntax, reference §9.3). */
function jsonPath(value, path) {
	let nodes = [value];
	for (const part of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
		nodes = nodes.flatMap((n) => (n === null || n === undefined ? [] : part === '*' ? (Array.isArray(n) ? n : Object.values(n)) : [n[part]]));
	}
	return nodes.filter((n) => n !== undefined).join(',');
}

function substitute(text, results) {
	return String(text).replace(/\{result=([^:}]+):([^}]+)\}/g, (_, name, path) => {
		const r = results.get(name);
		if (!r || !r.parsed) return '';
		return jsonPath(r.parsed, decodeURIComponent(path));
	});
}

function referencedNames(ops) {
	const names = new Set();
	for (const op of ops) {
		if (op.depends_on) names.add(op.depends_on);
		for (const m of `${op.relative_url || ''} ${op.body || ''}`.matchAll(/\{result=([^:}]+):/g)) names.add(m[1]);
	}
	return names;
}

/** One loopback request; resolves null when the connection dies (timeout faults). */
function replay({ port, hostHeader, parentSeq, token, method, path, body }) {
	return new Promise((resolve) => {
		const headers = { host: hostHeader, 'x-sandbox-batch-parent': String(parentSeq), connection: 'close' };
		if (token) headers.authorization = `Bearer ${token}`;
		let payload;
		if (body) {
			payload = Buffer.from(body, 'utf8');
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = String(payload.length);
		}
		const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', () => resolve(null));
		});
		req.on('error', () => resolve(null));
		if (payload) req.write(payload);
		req.end();
	});
}

function itemHeaders(headers) {
	return Object.entries(headers)
		.filter(([name]) => !HOP_BY_HOP.has(name) && !name.startsWith('x-sandbox'))
		.map(([name, value]) => ({ name: name.replace(/(^|-)([a-z])/g, (_, d, c) => d + c.toUpperCase()), value: String(value) }));
}

function register({ state, routers }) {
	routers['graph.facebook.com'].post('/', async (req, res, next) => {
		const params = { ...req.query, ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) };
		if (params.batch === undefined) return next();
		let ops;
		try {
			ops = typeof params.batch === 'string' ? JSON.parse(params.batch) : params.batch;
		} catch {
			return graphError(res, { code: 100, message: 'The batch parameter must be a JSON array' });
		}
		if (!Array.isArray(ops)) return graphError(res, { code: 100, message: 'The batch parameter must be a JSON array' });
		if (ops.length === 0) return graphError(res, { code: 100, message: 'The batch parameter must contain at least one request' });
		if (ops.length > state.settings.batchMaxOperations)
			return graphError(res, { code: 100, message: `Too many requests in batch message. Maximum batch size is ${state.settings.batchMaxOperations}` });

		// A batch-level token, when given, must itself be valid.
		const batchToken = extractToken(req);
		if (batchToken) {
			const info = req.sandbox.tokenInfo;
			if (info.error) return graphError(res, info.error);
			const proofError = proofProblem(state, req, info.record);
			if (proofError) return graphError(res, proofError);
		}
		const proof = params.appsecret_proof;
		const includeHeaders = String(params.include_headers ?? 'true') !== 'false';
		const needed = referencedNames(ops);
		const results = new Map();
		const out = [];
		for (const op of ops) {
			if (!op || typeof op !== 'object' || !op.relative_url) {
				const err = buildError({ code: 100, message: 'Each batch operation needs a relative_url' });
				out.push({ code: err.status, body: JSON.stringify(err.body), ...(includeHeaders ? { headers: [] } : {}) });
				continue;
			}
			const method = String(op.method || 'GET').toUpperCase();
			let relative = substitute(String(op.relative_url), results).replace(/^\//, '');
			const body = op.body !== undefined ? substitute(typeof op.body === 'string' ? op.body : new URLSearchParams(op.body).toString(), results) : '';
			const itemHasToken = /(^|[?&])access_token=/.test(relative) || /(^|&)access_token=/.test(body);
			// An item without its own token runs with the batch's: passed in the header, so the item's logged query is
			// exactly the relative_url the client put in the POST body.
			if (!itemHasToken && batchToken && proof) relative += `${relative.includes('?') ? '&' : '?'}${new URLSearchParams({ appsecret_proof: proof })}`;
			const response = await replay({
				port: req.socket.localPort,
				hostHeader: req.headers.host,
				parentSeq: req.sandbox.call ? req.sandbox.call.seq : 0,
				token: !itemHasToken && batchToken ? batchToken.token : undefined,
				method,
				path: `/graph.facebook.com/${relative}`,
				body: method === 'GET' || method === 'DELETE' ? '' : body,
			});
			if (!response) {
				out.push(null); // timed-out items come back as null ([UNCONFIRMED], older doc)
				continue;
			}
			let parsed = null;
			try {
				parsed = JSON.parse(response.text);
			} catch {
				parsed = null;
			}
			if (op.name) results.set(op.name, { status: response.status, parsed });
			const omit = op.name && needed.has(op.name) && op.omit_response_on_success !== false && response.status < 300;
			if (omit) {
				out.push(null);
				continue;
			}
			const item = { code: response.status };
			if (includeHeaders) item.headers = itemHeaders(response.headers);
			item.body = response.text;
			out.push(item);
		}
		res.status(200).json(out);
	});
}

module.exports = { name: 'batch', register, jsonPath };
