'use strict';
// Per-type checks of a message body (reference §5.1 limits). Returns null or an ErrorSpec.
const { waError } = require('./templates');
const { waStore } = require('./store');

const TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'reaction', 'location', 'contacts', 'interactive', 'template'];
const MEDIA = ['image', 'video', 'audio', 'document', 'sticker'];

const missing = (field) => waError(131008, 'Required parameter is missing', `${field} is required`);
const invalid = (details) => waError(131009, 'Parameter value is not valid', details);
const tooLong = (field, max) => ({ code: 100, message: `Param ${field} must be at most ${max} characters long.` });

function str(value) {
	return typeof value === 'string' ? value : undefined;
}

function checkMedia(state, number, type, obj) {
	if (!obj || typeof obj !== 'object') return missing(type);
	if (!obj.id && !obj.link) return missing(`${type}.id or ${type}.link`);
	if (obj.id && obj.link) return invalid(`${type}: give either id or link, not both`);
	if (obj.link && !/^https?:\/\//i.test(String(obj.link))) return invalid(`${type}.link must be an http(s) URL`);
	if (obj.id && !waStore(state).media.has(String(obj.id))) return invalid(`${type}.id ${obj.id} is not a media id uploaded for this business`);
	if (obj.caption !== undefined && ['audio', 'sticker'].includes(type)) return invalid(`${type} messages take no caption`);
	if (obj.caption !== undefined && String(obj.caption).length > 1024) return tooLong(`${type}['caption']`, 1024);
	return null;
}

function checkHeader(header) {
	if (!header) return null;
	if (!['text', 'image', 'video', 'document'].includes(header.type)) return invalid('interactive.header.type must be text, image, video or document');
	if (header.type === 'text' && (!str(header.text) || header.text.length > 60)) return invalid('interactive.header.text is required, at most 60 characters');
	return null;
}

function checkInteractive(i) {
	if (!i || typeof i !== 'object') return missing('interactive');
	if (!i.body || !str(i.body.text)) return missing('interactive.body.text');
	if (i.footer && (!str(i.footer.text) || i.footer.text.length > 60)) return invalid('interactive.footer.text is at most 60 characters');
	const headerProblem = checkHeader(i.header);
	if (headerProblem) return headerProblem;
	const action = i.action || {};
	if (i.type === 'button') {
		if (i.body.text.length > 1024) return tooLong("interactive['body']['text']", 1024);
		const buttons = Array.isArray(action.buttons) ? action.buttons : [];
		if (buttons.length < 1 || buttons.length > 3) return invalid('interactive.action.buttons: between 1 and 3 reply buttons');
		const titles = new Set();
		for (const b of buttons) {
			if (b.type !== 'reply' || !b.reply || !str(b.reply.id) || !str(b.reply.title)) return invalid('each button is {type:"reply", reply:{id, title}}');
			if (b.reply.id.length > 256) return invalid('button reply.id is at most 256 characters');
			if (b.reply.title.length > 20) return invalid('button reply.title is at most 20 characters');
			if (titles.has(b.reply.title)) return invalid('button titles must be unique');
			titles.add(b.reply.title);
		}
		return null;
	}
	if (i.type === 'list') {
		if (i.body.text.length > 4096) return tooLong("interactive['body']['text']", 4096);
		if (i.header && i.header.type !== 'text') return invalid('a list message header must be text');
		if (!str(action.button) || action.button.length > 20) return invalid('interactive.action.button is required, at most 20 characters');
		const sections = Array.isArray(action.sections) ? action.sections : [];
		if (sections.length < 1 || sections.length > 10) return invalid('interactive.action.sections: between 1 and 10 sections');
		let rows = 0;
		for (const s of sections) {
			if (sections.length > 1 && !str(s.title)) return missing('section title (required with several sections)');
			if (s.title && s.title.length > 24) return invalid('section title is at most 24 characters');
			for (const r of Array.isArray(s.rows) ? s.rows : []) {
				rows += 1;
				if (!str(r.id) || r.id.length > 200) return invalid('row id is required, at most 200 characters');
				if (!str(r.title) || r.title.length > 24) return invalid('row title is required, at most 24 characters');
				if (r.description && r.description.length > 72) return invalid('row description is at most 72 characters');
			}
		}
		if (rows < 1 || rows > 10) return invalid('a list message has between 1 and 10 rows in total');
		return null;
	}
	if (i.type === 'cta_url') {
		const p = action.parameters || {};
		if (action.name !== 'cta_url' || !str(p.display_text) || !str(p.url)) return invalid('interactive.action is {name:"cta_url", parameters:{display_text, url}}');
		if (p.display_text.length > 20) return invalid('cta_url display_text is at most 20 characters');
		if (!/^https?:\/\//i.test(p.url)) return invalid('cta_url url must be an http(s) URL');
		return null;
	}
	return invalid(`interactive.type "${i.type}" is not supported by the sandbox`);
}

function validatePayload(state, number, type, body) {
	if (!TYPES.includes(type)) return invalid(`type "${type}" is not a valid message type`);
	const obj = body[type];
	if (type === 'text') {
		if (!obj || !str(obj.body) || obj.body === '') return missing('text.body');
		if (obj.body.length > 4096) return tooLong("text['body']", 4096);
		return null;
	}
	if (MEDIA.includes(type)) return checkMedia(state, number, type, obj);
	if (type === 'reaction') {
		if (!obj || !str(obj.message_id)) return missing('reaction.message_id');
		if (typeof obj.emoji !== 'string') return missing('reaction.emoji');
		return null;
	}
	if (type === 'location') {
		if (!obj || typeof obj.latitude !== 'number' || typeof obj.longitude !== 'number') return missing('location.latitude and location.longitude (numbers)');
		if (Math.abs(obj.latitude) > 90 || Math.abs(obj.longitude) > 180) return invalid('location coordinates out of range');
		return null;
	}
	if (type === 'contacts') {
		if (!Array.isArray(obj) || obj.length === 0) return missing('contacts');
		if (obj.some((c) => !c || !c.name || !str(c.name.formatted_name))) return missing('contacts[].name.formatted_name');
		return null;
	}
	if (type === 'interactive') return checkInteractive(obj);
	if (type === 'template' && !obj) return missing('template');
	return null;
}

module.exports = { validatePayload, TYPES };
