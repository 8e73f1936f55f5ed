'use strict';
// Cursor pagination (reference §0): opaque cursors, `previous` only when this is not the first page, `limit`
// clamped per edge. Production behaviour by default (settings pagingShortPages, pagingSeed): after the first page,
// a page may hold fewer rows than `limit`, or none, and still carry `next`; only the absence of `next` ends the list. Which pages come
// short is drawn from a hash of (seed, edge, position), so a run repeats exactly. pagingShortPages: false gives
// the kind behaviour (full pages, `next` exactly when more rows exist). pagingRepeatCursor makes a page hand
// back the cursor it was asked with, as Meta sometimes does.
const crypto = require('crypto');

/** How many empty pages in a row one position may produce before it answers rows (keeps runs short). */
const MAX_EMPTY_HOPS = 2;

/**
 * Cursor = base64url("<salt>:<edge-key>:<index>[~<hop>]"), so it never looks like a plain number. `index` is the
 * last row handed out (-1 before the first); `hop` counts empty pages returned at that position.
 */
function encodeCursor(state, key, index, hop = 0) {
	return Buffer.from(`${state.cursorSalt}:${key}:${index}${hop ? `~${hop}` : ''}`, 'utf8').toString('base64url');
}

/** @returns {{index:number, hop:number}|null} position, or null when the cursor is not one of ours for this edge. */
function decodePosition(state, key, cursor) {
	let text;
	try {
		text = Buffer.from(String(cursor), 'base64url').toString('utf8');
	} catch {
		return null;
	}
	const prefix = `${state.cursorSalt}:${key}:`;
	if (!text.startsWith(prefix)) return null;
	const [indexText, hopText] = text.slice(prefix.length).split('~');
	const index = Number(indexText);
	const hop = hopText === undefined ? 0 : Number(hopText);
	if (!Number.isInteger(index) || index < -1 || !Number.isInteger(hop) || hop < 0) return null;
	return { index, hop };
}

/** @returns {number|null} item index, or null when the cursor is not one of ours for this edge. */
function decodeCursor(state, key, cursor) {
	const position = decodePosition(state, key, cursor);
	return position ? position.index : null;
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
 * Three numbers in [0,1) fixed by the seed, the kind of edge and the position: the same request always pages alike.
 * Ids are left out of the edge (`media:#`), since some are random per run (Instagram's) and runs must repeat.
 */
function draws(settings, key, start, hop) {
	const edge = String(key).replace(/\d+/g, '#');
	const digest = crypto.createHash('sha256').update(`${settings.pagingSeed}:${edge}:${start}:${hop}`).digest();
	return [0, 4, 8].map((at) => digest.readUInt32BE(at) / 2 ** 32);
}

/**
 * Which rows this request gets, and its `paging` object (or none for the end of the list).
 * @param {any} req
 * @param {number} total rows in the list
 * @param {{key:string, limit:number}} opts
 * @returns {{ok:true, start:number, end:number, paging?:any} | {ok:false, error:any}}
 */
function pageWindow(req, total, { key, limit }) {
	const state = req.sandbox.state;
	const settings = state.settings;
	const params = req.query || {};
	let start = 0;
	let hop = 0;
	if (params.after !== undefined) {
		const position = decodePosition(state, key, params.after);
		if (position === null) return { ok: false, error: { code: 100, message: 'Invalid after cursor' } };
		start = position.index + 1;
		hop = position.hop;
		if (settings.pagingRepeatCursor && start > 0) {
			// A stuck cursor: the page after `after` is the one before it again, and `next` names the same cursor.
			const from = Math.max(0, start - limit);
			return { ok: true, start: from, end: start, paging: { cursors: { before: encodeCursor(state, key, from), after: params.after }, next: pageUrl(req, { limit, after: params.after }) } };
		}
	} else if (params.before !== undefined) {
		const at = decodeCursor(state, key, params.before);
		if (at === null) return { ok: false, error: { code: 100, message: 'Invalid before cursor' } };
		start = Math.max(0, at - limit);
		limit = Math.min(limit, at - start);
		return { ok: true, ...fullWindow(req, state, key, start, Math.min(total, start + limit), total, limit) };
	}
	// The first page is a full one (so a one-page read of a small list sees all of it); later pages may not be.
	const firstPage = params.after === undefined;
	if (!settings.pagingShortPages || firstPage) return { ok: true, ...fullWindow(req, state, key, start, Math.min(total, start + limit), total, limit) };

	const [emptyDraw, lengthDraw, trailingDraw] = draws(settings, key, start, hop);
	if (hop < MAX_EMPTY_HOPS && emptyDraw < settings.pagingEmptyShare && (start < total || hop === 0)) {
		// No rows, yet `next`: the cursor moves (next hop) without handing anything out.
		const cursor = encodeCursor(state, key, start - 1, hop + 1);
		return { ok: true, start, end: start, paging: { cursors: { before: cursor, after: cursor }, next: pageUrl(req, { limit, after: cursor }) } };
	}
	if (start >= total) return { ok: true, start, end: start };
	const short = lengthDraw < settings.pagingShortShare && limit > 1;
	const end = Math.min(total, start + (short ? 1 + Math.floor((lengthDraw / settings.pagingShortShare) * (limit - 1)) : limit));
	const window = fullWindow(req, state, key, start, end, total, limit);
	// The last rows may still come with `next`, answered by an empty page without one.
	if (end === total && trailingDraw < settings.pagingEmptyShare) window.paging.next = pageUrl(req, { limit, after: window.paging.cursors.after });
	return { ok: true, ...window };
}

/** Rows start..end-1 with cursors; `next` exactly when more rows exist. */
function fullWindow(req, state, key, start, end, total, limit) {
	if (start >= end) return { start, end };
	const cursors = { before: encodeCursor(state, key, start), after: encodeCursor(state, key, end - 1) };
	/** @type {any} */
	const paging = { cursors };
	if (start > 0) paging.previous = pageUrl(req, { limit, before: cursors.before });
	if (end < total) paging.next = pageUrl(req, { limit, after: cursors.after });
	return { start, end, paging };
}

/** The page size asked for, clamped to the edge's default and maximum. */
function limitOf(req, defaultLimit, maxLimit) {
	const asked = req.query && req.query.limit !== undefined ? parseInt(req.query.limit, 10) : defaultLimit;
	return Math.min(Number.isFinite(asked) && asked > 0 ? asked : defaultLimit, maxLimit);
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
	const limit = limitOf(req, opts.defaultLimit || state.settings.pagingDefaultLimit, opts.maxLimit || state.settings.pagingMaxLimit);
	const window = pageWindow(req, items.length, { key, limit });
	if (!window.ok) return window;
	const data = items.slice(window.start, window.end);
	return { ok: true, body: window.paging ? { data, paging: window.paging } : { data } };
}

module.exports = { paginate, pageWindow, limitOf, encodeCursor, decodeCursor, pageUrl };
