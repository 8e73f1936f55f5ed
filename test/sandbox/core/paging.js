'use strict';
// Cursor pagination (reference §0): opaque cursors, `next` only when more data exists,
// `previous` only when this is not the first page, `limit` clamped per edge.

/** Cursor = base64url("<salt>:<edge-key>:<index>"), so it never looks like a plain number. */
function encodeCursor(state, key, index) {
	return Buffer.from(`${state.cursorSalt}:${key}:${index}`, 'utf8').toString('base64url');
}

/** @returns {number|null} item index, or null when the cursor is not one of ours for this edge. */
function decodeCursor(state, key, cursor) {
	let text;
	try {
		text = Buffer.from(String(cursor), 'base64url').toString('utf8');
	} catch {
		return null;
	}
	const prefix = `${state.cursorSalt}:${key}:`;
	if (!text.startsWith(prefix)) return null;
	const n = Number(text.slice(prefix.length));
	return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Absolute URL of the same request with some query params replaced (for next/previous). */
function pageUrl(req, replace) {
	const meta = req.sandbox || {};
	const proto = req.protocol || 'http';
	const version = meta.version || (meta.state ? meta.state.settings.defaultApiVersion : 'v26.0');
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(req.query || {})) {
		if (k === 'after' || k === 'before' || k in replace) continue;
		for (const one of Array.isArray(v) ? v : [v]) query.append(k, String(one));
	}
	for (const [k, v] of Object.entries(replace)) if (v !== undefined && v !== null) query.set(k, String(v));
	const host = meta.host ? `/${meta.host}` : '';
	const versionPart = meta.graphHost ? `/${version}` : '';
	return `${proto}://${req.headers.host}${host}${versionPart}${meta.path || req.path}?${query.toString()}`;
}

/**
 * Slice `items` for this request.
 * @param {any} req
 * @param {any[]} items
 * @param {{key?:string, defaultLimit?:number, maxLimit?:number}} [opts] key names the edge so
 *   cursors of one edge are rejected by another.
 * @returns {{ok:true, body:{data:any[], paging?:any}} | {ok:false, error:any}}
 */
function paginate(req, items, opts = {}) {
	const state = req.sandbox.state;
	const key = opts.key || (req.sandbox && req.sandbox.path) || 'edge';
	const defaultLimit = opts.defaultLimit || state.settings.pagingDefaultLimit;
	const maxLimit = opts.maxLimit || state.settings.pagingMaxLimit;
	const params = { ...(req.query || {}) };
	let limit = params.limit !== undefined ? parseInt(params.limit, 10) : defaultLimit;
	if (!Number.isFinite(limit) || limit <= 0) limit = defaultLimit;
	limit = Math.min(limit, maxLimit);

	let start = 0;
	if (params.after !== undefined) {
		const idx = decodeCursor(state, key, params.after);
		if (idx === null) return { ok: false, error: { code: 100, message: 'Invalid after cursor' } };
		start = idx + 1;
	} else if (params.before !== undefined) {
		const idx = decodeCursor(state, key, params.before);
		if (idx === null) return { ok: false, error: { code: 100, message: 'Invalid before cursor' } };
		start = Math.max(0, idx - limit);
		limit = Math.min(limit, idx - start);
	}
	const data = items.slice(start, start + limit);
	if (data.length === 0) return { ok: true, body: { data: [] } };
	const first = start;
	const last = start + data.length - 1;
	const cursors = { before: encodeCursor(state, key, first), after: encodeCursor(state, key, last) };
	/** @type {any} */
	const paging = { cursors };
	if (first > 0) paging.previous = pageUrl(req, { limit, before: cursors.before });
	if (last < items.length - 1) paging.next = pageUrl(req, { limit, after: cursors.after });
	return { ok: true, body: { data, paging } };
}

module.exports = { paginate, encodeCursor, decodeCursor, pageUrl };
