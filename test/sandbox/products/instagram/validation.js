'use strict';
// Caption and tag rules Meta enforces when a container is created (reference §2.1, §2.2, §2.8).

/** Request parameters from the query string and the (form or JSON) body. */
function params(req) {
	const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
	return { ...(req.query || {}), ...body };
}

function bool(v) {
	return v === true || v === 'true' || v === '1';
}

function jsonParam(value) {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return null;
	}
}

/** @returns {import('../../core/errors').ErrorSpec|null} */
function captionProblem(caption) {
	if (caption === undefined) return null;
	const text = String(caption);
	if ([...text].length > 2200) return { code: 36004, subcode: 2207010, message: 'The caption is too long.', userTitle: 'Caption too long', userMsg: 'The caption can be at most 2,200 characters.' };
	const mentions = text.match(/@[A-Za-z0-9._]+/g) || [];
	if (mentions.length > 20) return { code: 100, subcode: 2207040, message: 'Cannot use more than 20 tags per media.', userTitle: 'Too many tags', userMsg: 'A caption can mention at most 20 accounts.' };
	const hashtags = text.match(/#[^\s#]+/g) || [];
	// [UNCONFIRMED] code for more than 30 hashtags; 100 with Meta's wording.
	if (hashtags.length > 30) return { code: 100, message: 'Cannot use more than 30 hashtags per media.' };
	return null;
}

/** user_tags: JSON array of {username, x, y}; x/y required for images (reference §2.2). */
function userTagsProblem(raw, { needsPosition }) {
	if (raw === undefined || raw === '') return null;
	const tags = jsonParam(raw);
	if (!Array.isArray(tags)) return { code: 100, message: 'Invalid parameter: user_tags must be a JSON array of {username, x, y}.' };
	for (const tag of tags) {
		if (!tag || typeof tag.username !== 'string') return { code: 100, message: 'Invalid parameter: each user tag needs a username.' };
		const placed = typeof tag.x === 'number' && typeof tag.y === 'number';
		if (needsPosition && !placed) return { code: 100, message: 'Invalid parameter: user tags on images need x and y between 0.0 and 1.0.' };
		if (placed && (tag.x < 0 || tag.x > 1 || tag.y < 0 || tag.y > 1)) return { code: 100, message: 'Invalid parameter: user tag x and y must be between 0.0 and 1.0.' };
	}
	return null;
}

function collaboratorsProblem(raw) {
	if (raw === undefined || raw === '') return null;
	const list = jsonParam(raw);
	if (!Array.isArray(list)) return { code: 100, message: 'Invalid parameter: collaborators must be a JSON array of usernames.' };
	if (list.length > 3) return { code: 100, message: 'Invalid parameter: a post can have at most 3 collaborators.' };
	return null;
}

/** product_tags (reference §2.2, §2.8): ≤ 5 {product_id, x, y}; positions required on photos, refused on video. */
function productTagsProblem(raw, { isVideo }) {
	if (raw === undefined || raw === '') return null;
	const tags = jsonParam(raw);
	if (!Array.isArray(tags) || tags.length > 5 || tags.some((t) => !t || !t.product_id))
		return { code: 100, subcode: 2207037, message: 'The product tags are invalid: use at most 5 {product_id, x, y}.' };
	const placed = tags.some((t) => t.x !== undefined || t.y !== undefined);
	if (isVideo && placed) return { code: 100, subcode: 2207035, message: 'Product tag positions are not supported on videos.' };
	if (!isVideo && tags.some((t) => typeof t.x !== 'number' || typeof t.y !== 'number')) return { code: 100, subcode: 2207036, message: 'Product tag positions are required for photos.' };
	return null;
}

module.exports = { params, bool, jsonParam, captionProblem, userTagsProblem, collaboratorsProblem, productTagsProblem };
