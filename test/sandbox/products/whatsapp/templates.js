'use strict';
// Template registry endpoints (reference §5.3) and Meta's send-time validation of a template message (§5.2, §5.8):
// 132001 name/language/approval, 132015/132016 paused/disabled, 132000 parameter counts, 132012 parameter format.
const { graphError, errors } = require('../../core/errors');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { guards, canReach } = require('./access');
const { wabaRecord, templatesOf, findTemplateById } = require('./store');

const TEMPLATE_DEFAULT_FIELDS = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'id'];
const TEMPLATE_FIELDS = ['id', 'name', 'language', 'status', 'category', 'parameter_format', 'components', 'quality_score', 'rejected_reason', 'sub_category', 'correct_category'];
const FILTERS = ['name', 'language', 'category', 'status', 'quality_score', 'content', 'name_or_content'];

function templateGetters(t) {
	const getters = {};
	for (const f of TEMPLATE_FIELDS) getters[f] = () => (f === 'quality_score' ? t.quality_score : t[f]);
	return getters;
}

function bodyText(t) {
	return ((t.components || []).find((c) => c.type === 'BODY') || {}).text || '';
}

function matchesFilters(t, q) {
	for (const f of FILTERS) {
		if (q[f] === undefined || q[f] === '') continue;
		const wanted = String(q[f]);
		const values = wanted.split(',').map((v) => v.trim().toUpperCase());
		if (f === 'name' && !t.name.includes(wanted)) return false;
		if (f === 'language' && t.language !== wanted) return false;
		if ((f === 'category' || f === 'status') && !values.includes(String(t[f]).toUpperCase())) return false;
		if (f === 'quality_score' && !values.includes(String((t.quality_score || {}).score).toUpperCase())) return false;
		if (f === 'content' && !bodyText(t).includes(wanted)) return false;
		if (f === 'name_or_content' && !t.name.includes(wanted) && !bodyText(t).includes(wanted)) return false;
	}
	return true;
}

// --- send-time validation ----------------------------------------------------------------------------------------

const waError = (code, message, details) => ({ code, message, errorData: { messaging_product: 'whatsapp', details } });
const countMismatch = (where, got, expected) =>
	waError(132000, 'Number of parameters does not match the expected number of params', `${where}: number of localizable_params (${got}) does not match the expected number of params (${expected})`);
const formatMismatch = (details) => waError(132012, 'Parameter format does not match format in the created template', details);

/** Placeholders of a text: positional `{{1}}` or named `{{first_name}}`, distinct, in order of appearance. */
function placeholders(text) {
	const seen = [];
	for (const m of String(text || '').matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)) if (!seen.includes(m[1])) seen.push(m[1]);
	return seen;
}

const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF'];

function checkMediaParam(p, kind) {
	const obj = p && p[kind];
	if (!obj || typeof obj !== 'object' || (!obj.link && !obj.id)) return formatMismatch(`header: ${kind} parameter needs a "link" or an "id"`);
	return null;
}

function checkTextParams(params, names, named, where) {
	if (named) {
		const given = params.map((p) => p.parameter_name);
		if (given.some((n) => !n)) return formatMismatch(`${where}: every parameter of a NAMED template needs "parameter_name"`);
		const unknown = given.filter((n) => !names.includes(n));
		if (unknown.length) return formatMismatch(`${where}: unknown parameter_name ${unknown.join(', ')}; expected ${names.join(', ')}`);
		if (new Set(given).size !== given.length) return formatMismatch(`${where}: parameter_name given twice`);
		if (given.length !== names.length) return countMismatch(where, given.length, names.length);
	} else {
		if (params.some((p) => p.parameter_name)) return formatMismatch(`${where}: parameter_name is only allowed for NAMED templates`);
		if (params.length !== names.length) return countMismatch(where, params.length, names.length);
	}
	for (const p of params) {
		const type = p.type;
		if (type === 'text') {
			if (typeof p.text !== 'string' || p.text.trim() === '') return waError(131008, 'Required parameter is missing', `${where}: text parameter is empty`);
		} else if (type === 'currency') {
			if (!p.currency || p.currency.fallback_value === undefined || !p.currency.code || p.currency.amount_1000 === undefined) return formatMismatch(`${where}: currency needs fallback_value, code and amount_1000`);
		} else if (type === 'date_time') {
			if (!p.date_time || p.date_time.fallback_value === undefined) return formatMismatch(`${where}: date_time needs fallback_value`);
		} else return formatMismatch(`${where}: parameter type "${type}" is not allowed here`);
	}
	return null;
}

function checkHeader(tplHeader, sent, named) {
	const params = sent ? sent.parameters || [] : [];
	if (!tplHeader) return params.length ? countMismatch('header', params.length, 0) : null;
	const format = tplHeader.format || 'TEXT';
	if (format === 'TEXT') return checkTextParams(params, placeholders(tplHeader.text), named, 'header');
	if (format === 'LOCATION') {
		if (params.length !== 1) return countMismatch('header', params.length, 1);
		return params[0].type === 'location' && params[0].location ? null : formatMismatch('header: expected a location parameter');
	}
	if (MEDIA_FORMATS.includes(format)) {
		if (params.length !== 1) return countMismatch('header', params.length, 1);
		const kind = format === 'GIF' ? 'video' : format.toLowerCase();
		if (params[0].type !== kind) return formatMismatch(`header: expected a ${kind} parameter, got ${params[0].type}`);
		return checkMediaParam(params[0], kind);
	}
	return null;
}

const BUTTON_SUBTYPES = { URL: 'url', QUICK_REPLY: 'quick_reply', COPY_CODE: 'copy_code', FLOW: 'flow', CATALOG: 'catalog', MPM: 'mpm', OTP: 'url' };

/** Template buttons that take a parameter at send time, by index. */
function dynamicButtons(template) {
	const buttons = ((template.components || []).find((c) => c.type === 'BUTTONS') || {}).buttons || [];
	return buttons.map((b, index) => ({ ...b, index, dynamic: b.type === 'URL' ? placeholders(b.url).length > 0 : ['QUICK_REPLY', 'COPY_CODE', 'FLOW', 'CATALOG', 'MPM'].includes(b.type) }));
}

function checkButtons(template, sentButtons) {
	const buttons = dynamicButtons(template);
	const used = new Set();
	for (const sent of sentButtons) {
		const index = sent.index;
		if (typeof index !== 'string' && typeof index !== 'number') return waError(131008, 'Required parameter is missing', 'button: index is required');
		const button = buttons[Number(index)];
		if (!button) return waError(131009, 'Parameter value is not valid', `button: index ${index} is out of range; the template has ${buttons.length} button(s)`);
		if (used.has(button.index)) return waError(131009, 'Parameter value is not valid', `button: index ${index} given twice`);
		used.add(button.index);
		if (BUTTON_SUBTYPES[button.type] !== sent.sub_type) return formatMismatch(`button ${index}: sub_type "${sent.sub_type}" does not match the template's ${button.type} button`);
		const params = sent.parameters || [];
		if (params.length !== 1) return countMismatch(`button ${index}`, params.length, 1);
		const p = params[0];
		if (button.type === 'URL' && (p.type !== 'text' || !p.text)) return formatMismatch(`button ${index}: a URL button takes one text parameter (the URL suffix)`);
		if (button.type === 'QUICK_REPLY' && (p.type !== 'payload' || p.payload === undefined)) return formatMismatch(`button ${index}: a quick-reply button takes one payload parameter`);
		if (button.type === 'COPY_CODE' && (p.type !== 'coupon_code' || !p.coupon_code)) return formatMismatch(`button ${index}: a copy-code button takes one coupon_code parameter`);
	}
	const missing = buttons.find((b) => b.dynamic && b.type === 'URL' && !used.has(b.index));
	if (missing) return countMismatch(`button ${missing.index}`, 0, 1);
	return null;
}

/**
 * Meta's validation of `template` in a send. Returns null (ok) or an ErrorSpec.
 * @param {any} state @param {string} wabaId @param {any} tpl the message's `template` object
 */
function validateTemplateMessage(state, wabaId, tpl) {
	if (!tpl || typeof tpl !== 'object' || !tpl.name) return waError(131008, 'Required parameter is missing', 'template.name is required');
	const code = tpl.language && tpl.language.code;
	if (!code) return waError(131008, 'Required parameter is missing', 'template.language.code is required');
	const sameName = templatesOf(state, wabaId).filter((t) => t.name === tpl.name);
	const template = sameName.find((t) => t.language === code);
	if (!template) return waError(132001, 'Template name does not exist in the translation', `template name (${tpl.name}) does not exist in ${code}`);
	if (template.status === 'PAUSED') return waError(132015, 'Template is Paused', `template ${tpl.name} is paused because of low quality`);
	if (template.status === 'DISABLED') return waError(132016, 'Template is disabled', `template ${tpl.name} has been disabled`);
	if (template.status !== 'APPROVED') return waError(132001, 'Template name does not exist in the translation', `template name (${tpl.name}) is not approved in ${code} (status ${template.status})`);
	const sent = Array.isArray(tpl.components) ? tpl.components : [];
	const of = (type) => sent.filter((c) => String(c.type || '').toLowerCase() === type);
	const unknown = sent.find((c) => !['header', 'body', 'button', 'footer'].includes(String(c.type || '').toLowerCase()));
	if (unknown) return waError(131009, 'Parameter value is not valid', `component type "${unknown.type}" is not valid`);
	if (of('header').length > 1 || of('body').length > 1) return waError(131009, 'Parameter value is not valid', 'header and body may each appear once');
	const named = template.parameter_format === 'NAMED';
	const tplComp = (type) => (template.components || []).find((c) => c.type === type);
	const headerProblem = checkHeader(tplComp('HEADER'), of('header')[0], named);
	if (headerProblem) return headerProblem;
	const bodyProblem = checkTextParams((of('body')[0] || {}).parameters || [], placeholders((tplComp('BODY') || {}).text), named, 'body');
	if (bodyProblem) return bodyProblem;
	return checkButtons(template, of('button'));
}

function register({ state, routers }) {
	const fb = routers['graph.facebook.com'];
	const guard = guards(state);
	state.nodeTypeResolvers.push((id) => (findTemplateById(state, id) ? 'WhatsAppMessageTemplate' : null));

	fb.get('/:wabaId/message_templates', (req, res, next) => {
		const waba = wabaRecord(state, req.params.wabaId);
		if (!waba) return next();
		return guard.management(req, res, () => {
			if (!canReach(state, req.token, waba)) return graphError(res, errors.unsupportedRequest('GET', waba.id));
			const rows = templatesOf(state, waba.id).filter((t) => matchesFilters(t, req.query));
			const selected = rows.map((t) => selectFields(req.query.fields, TEMPLATE_DEFAULT_FIELDS, templateGetters(t), 'WhatsAppMessageTemplate'));
			const bad = selected.find((s) => !s.ok);
			if (bad) return graphError(res, bad.error);
			const page = paginate(req, selected.map((s) => s.body), { key: `message_templates:${waba.id}` });
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		});
	});

	fb.get('/:templateId', (req, res, next) => {
		const template = findTemplateById(state, req.params.templateId);
		if (!template) return next();
		return guard.management(req, res, () => {
			if (!canReach(state, req.token, wabaRecord(state, template.wabaId))) return graphError(res, errors.unsupportedRequest('GET', template.id));
			const selected = selectFields(req.query.fields, TEMPLATE_DEFAULT_FIELDS, templateGetters(template), 'WhatsAppMessageTemplate');
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		});
	});
}

module.exports = { register, validateTemplateMessage, placeholders, waError };
