'use strict';
// Shared setup for the sandbox's own tests: an in-process sandbox on port 0 and an axios client that
// never throws on HTTP status (tests assert statuses themselves).
const axios = require('axios');
const http = require('http');
const { createSandbox } = require('../sandbox');

async function startSandbox(options = {}) {
	const sandbox = createSandbox(options);
	const { url } = await sandbox.start(0);
	const api = axios.create({ baseURL: url, validateStatus: () => true, maxRedirects: 0 });
	return { sandbox, url, api, seed: sandbox.seedResult, fb: (p) => `/graph.facebook.com/v26.0${p}`, ig: (p) => `/graph.instagram.com/v26.0${p}` };
}

/** Form-encoded POST body. */
function form(fields) {
	return new URLSearchParams(fields).toString();
}

/** A local HTTP receiver recording raw request bytes; `handler(req, rawBody)` returns {status, body}. */
async function startReceiver(handler = () => ({ status: 200, body: 'ok' })) {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const entry = { method: req.method, url: req.url, headers: req.headers, raw };
			received.push(entry);
			const { status = 200, body = '' } = handler(entry, received.length) || {};
			res.writeHead(status, { 'Content-Type': 'text/plain' });
			res.end(body);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		received,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/**
 * The usual hooks: one sandbox per file, reset to the default seed before each test. Returns a getter for the
 * context ({sandbox, api, seed, fb, ig, url}).
 */
function useSandbox(options = {}) {
	let ctx;
	beforeAll(async () => {
		ctx = await startSandbox(options);
	});
	afterAll(() => ctx.sandbox.stop());
	beforeEach(() => {
		ctx.sandbox.admin.reset();
		ctx.sandbox.admin.seed('default');
	});
	return () => ctx;
}

module.exports = { startSandbox, useSandbox, form, startReceiver };
