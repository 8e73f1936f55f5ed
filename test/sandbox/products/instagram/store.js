'use strict';
// The Instagram product's state (cleared by reset): containers, published media, publish log per account.
const ids = require('../../core/ids');

/** @param {any} state */
function store(state) {
	return state.ns('instagram', () => ({
		/** @type {Map<string, any>} container id → container */
		containers: new Map(),
		/** @type {Map<string, any>} media id → published media */
		media: new Map(),
		/** @type {Map<string, number[]>} IG account id → publish times (ms, sandbox clock) */
		publishLog: new Map(),
		/** @type {Map<string, any>} comment id → comment */
		comments: new Map(),
		/** @type {Map<string, any>} `${igUserId}|${igsid}` → conversation (messaging window) */
		conversations: new Map(),
		/** @type {Map<string, any>} message id → sent message */
		messages: new Map(),
	}));
}

/** IG object ids are 17–18 digit strings (reference §0). */
function igId() {
	return '17' + ids.numericId(16);
}

/** Media published by an account (newest first), stories included when asked. */
function publishedMedia(state, igUserId, { stories = false } = {}) {
	return [...store(state).media.values()]
		.filter((m) => m.igUserId === String(igUserId) && (stories ? m.productType === 'STORY' : m.productType !== 'STORY'))
		.sort((a, b) => b.timestampMs - a.timestampMs || (b.seq - a.seq));
}

module.exports = { store, igId, publishedMedia };
