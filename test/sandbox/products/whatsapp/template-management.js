'use strict';
// Template management (reference §5.3; what the reference does not say is in test/sandbox/README.md, "WhatsApp template
// management", with its source): create (POST /{waba-id}/message_templates), edit (POST /{template-id}), delete
// (DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]) and the review that follows a create or an edit.
const { graphError, errors } = require('../../core/errors');
const { guards, canReach } = require('./access');
const { waStore, wabaRecord, templatesOf, findTemplateById, normaliseTemplate } = require('./store');
const { placeholders } = require('./templates');
const { routeDelivery } = require('../subscriptions');

const CATEGORIES = ['AUTHENTICATION', 'MARKETING', 'UTILITY'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'];
const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW', 'OTP', 'CATALOG', 'MPM'];
const EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'];
const DAY = 24 * 3600;

/**
 * Meta's template refusals come as code 100 with a 2388… subcode and a user-facing title and message [community
 * shape]. `subcode` null: the refusal is documented but its number is not ([UNCONFIRMED]; no number invented).
 */
const refusal = (subcode, userTitle, userMsg) => ({ code: 100, message: 'Invalid parameter', ...(subcode ? { subcode } : {}), userTitle, userMsg });
const invalidExample = (where) => refusal(null, 'Invalid example', `${where}: every variable needs an example value, and only those variables.`);

function parseJsonParam(value) {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

/** Variables of a text must be {{1}}…{{n}} in a POSITIONAL template and lowercase names in a NAMED one. */
function variableProblem(text, named, where) {
	const names = placeholders(text);
	if (named && names.some((n) => !/^[a-z][a-z0-9_]*$/.test(n))) return refusal(null, 'Invalid variable', `${where}: NAMED variables are lowercase letters, digits and underscores.`);
	if (!named && names.some((n, i) => n !== String(i + 1))) return refusal(null, 'Invalid variable', `${where}: positional variables are {{1}}, {{2}}, … in order.`);
	return null;
}

function exampleProblem(text, example, named, where, keys) {
	const names = placeholders(text);
	if (!names.length) return null;
	const ex = example && typeof example === 'object' ? example : {};
	if (named) {
		const given = Array.isArray(ex[keys.named]) ? ex[keys.named] : [];
		const givenNames = given.map((p) => p && p.param_name);
		if (given.some((p) => !p || typeof p.example !== 'string' || !p.example) || names.some((n) => !givenNames.includes(n)) || given.length !== names.length) return invalidExample(where);
		return null;
	}
	const raw = ex[keys.positional];
	const values = keys.nested ? (Array.isArray(raw) && Array.isArray(raw[0]) ? raw[0] : []) : Array.isArray(raw) ? raw : [];
	if (values.length !== names.length || values.some((v) => typeof v !== 'string' || !v)) return invalidExample(where);
	return null;
}

function checkHeader(c, named) {
	const format = String(c.format || '').toUpperCase();
	if (!HEADER_FORMATS.includes(format)) return refusal(2388047, 'Invalid header', `header format must be one of ${HEADER_FORMATS.join(', ')}`);
	if (format === 'TEXT') {
		if (typeof c.text !== 'string' || !c.text || c.text.length > 60) return refusal(2388047, 'Invalid header', 'a text header has 1 to 60 characters');
		if (placeholders(c.text).length > 1) return refusal(2388047, 'Invalid header', 'a text header has at most one variable');
		return variableProblem(c.text, named, 'header') || exampleProblem(c.text, c.example, named, 'header', { positional: 'header_text', named: 'header_text_named_params' });
	}
	if (format === 'LOCATION') return null;
	const handles = c.example && Array.isArray(c.example.header_handle) ? c.example.header_handle : [];
	return handles.length === 1 && typeof handles[0] === 'string' && handles[0] ? null : invalidExample('header (a media header needs one sample handle)');
}

function checkBody(c, named) {
	if (typeof c.text !== 'string' || !c.text.trim()) return refusal(2388072, 'Invalid body', 'the body text is required');
	if (c.text.length > 1024) return refusal(2388040, 'Text too long', 'the body has at most 1,024 characters');
	const trimmed = c.text.trim();
	if (placeholders(c.text).length && (/^\{\{/.test(trimmed) || /\}\}$/.test(trimmed))) return refusal(2388299, 'Variables at start or end', 'the body must not start or end with a variable');
	return variableProblem(c.text, named, 'body') || exampleProblem(c.text, c.example, named, 'body', { positional: 'body_text', named: 'body_text_named_params', nested: true });
}

function checkButton(b, i) {
	const type = String(b.type || '').toUpperCase();
	const where = `button ${i}`;
	if (!BUTTON_TYPES.includes(type)) return refusal(null, 'Invalid button', `${where}: type must be one of ${BUTTON_TYPES.join(', ')}`);
	if (type !== 'OTP' && type !== 'COPY_CODE' && (typeof b.text !== 'string' || !b.text || b.text.length > 25)) return refusal(2388040, 'Text too long', `${where}: button text has 1 to 25 characters`);
	if (type === 'URL') {
		if (typeof b.url !== 'string' || !/^https?:\/\//i.test(b.url)) return refusal(null, 'Invalid button', `${where}: url must be an http(s) URL`);
		const vars = placeholders(b.url);
		if (vars.length > 1 || (vars.length && !/\}\}$/.test(b.url))) return refusal(null, 'Invalid button', `${where}: a URL has at most one variable, at its end`);
		if (vars.length && !(Array.isArray(b.example) && typeof b.example[0] === 'string' && b.example[0])) return invalidExample(where);
	}
	if (type === 'PHONE_NUMBER' && !/^\+?\d{8,15}$/.test(String(b.phone_number || '').replace(/[\s-]/g, ''))) return refusal(null, 'Invalid button', `${where}: phone_number in international form`);
	if (type === 'COPY_CODE' && !(typeof b.example === 'string' && b.example) && !(Array.isArray(b.example) && b.example[0])) return invalidExample(where);
	if (type === 'FLOW' && !b.flow_id && !b.flow_name && !b.flow_json) return refusal(null, 'Invalid button', `${where}: a flow button needs flow_id, flow_name or flow_json`);
	return null;
}

/** Meta's checks of a template's content at create and edit time. Returns null or an ErrorSpec. */
function contentProblem(components, category, named) {
	if (!Array.isArray(components) || !components.length) return refusal(null, 'Missing components', 'components is required');
	const of = (type) => components.filter((c) => c && String(c.type).toUpperCase() === type);
	if (components.some((c) => !c || !['HEADER', 'BODY', 'FOOTER', 'BUTTONS'].includes(String(c.type).toUpperCase()))) return refusal(null, 'Invalid component', 'component type is HEADER, BODY, FOOTER or BUTTONS');
	if (of('HEADER').length > 1 || of('BODY').length > 1 || of('FOOTER').length > 1 || of('BUTTONS').length > 1) return refusal(null, 'Invalid component', 'each component type appears at most once');
	if (category !== 'AUTHENTICATION' && !of('BODY').length) return refusal(2388072, 'Invalid body', 'a template needs a BODY');
	const header = of('HEADER')[0];
	const problem = (header && checkHeader(header, named)) || (of('BODY')[0] && checkBody(of('BODY')[0], named));
	if (problem) return problem;
	const footer = of('FOOTER')[0];
	if (footer && (typeof footer.text !== 'string' || !footer.text || footer.text.length > 60 || placeholders(footer.text).length)) return refusal(2388073, 'Invalid footer', 'a footer has 1 to 60 characters and no variables');
	const buttons = (of('BUTTONS')[0] || {}).buttons;
	if (of('BUTTONS').length && (!Array.isArray(buttons) || !buttons.length || buttons.length > 10)) return refusal(null, 'Invalid buttons', 'BUTTONS holds 1 to 10 buttons');
	for (const [i, b] of (buttons || []).entries()) {
		const p = checkButton(b || {}, i);
		if (p) return p;
	}
	return null;
}

/** Stored components: types and formats in Meta's upper case, as the template list returns them. */
function storedComponents(components) {
	return components.map((c) => ({ ...c, type: String(c.type).toUpperCase(), ...(c.format ? { format: String(c.format).toUpperCase() } : {}) }));
}

/** Sends the template status webhook Meta sends after a review (reference §5.6), when the app subscribed the field. */
function notifyReview(state, webhooks, template, event, reason) {
	if (!webhooks || !state.defaultApp || !state.defaultApp()) return Promise.resolve(null);
	const payload = {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: template.wabaId,
				time: state.nowSec(),
				changes: [
					{
						field: 'message_template_status_update',
						value: { event, message_template_id: Number(template.id), message_template_name: template.name, message_template_language: template.language, message_template_category: template.category, reason: reason || 'NONE' },
					},
				],
			},
		],
	};
	return routeDelivery(state, webhooks, { object: 'whatsapp_business_account', targetId: template.wabaId, field: 'message_template_status_update', payload }).catch(() => null);
}

/** Status right after a create or an edit: in review, unless the opt-in `templateReview` setting says otherwise. */
function statusAfterSubmit(store) {
	const review = store.settings.templateReview;
	return review === 'approve' ? 'APPROVED' : review === 'reject' ? 'REJECTED' : 'PENDING';
}

function register({ state, routers, webhooks }) {
	const fb = routers['graph.facebook.com'];
	const guard = guards(state);
	const reachable = (req, res, waba, method, id) => (canReach(state, req.token, waba) ? true : (graphError(res, errors.unsupportedRequest(method, id)), false));

	fb.post('/:wabaId/message_templates', (req, res, next) => {
		const waba = wabaRecord(state, req.params.wabaId);
		if (!waba) return next();
		return guard.management(req, res, () => {
			if (!reachable(req, res, waba, 'POST', waba.id)) return;
			const body = { ...req.query, ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) };
			const store = waStore(state);
			const name = String(body.name || '');
			const category = String(body.category || '').toUpperCase();
			const language = String(body.language || '');
			const named = String(body.parameter_format || 'POSITIONAL').toUpperCase() === 'NAMED';
			if (!/^[a-z0-9_]{1,512}$/.test(name)) return graphError(res, refusal(null, 'Invalid name', 'name: lowercase letters, digits and underscores, at most 512 characters'));
			if (!CATEGORIES.includes(category)) return graphError(res, refusal(null, 'Invalid category', `category must be one of ${CATEGORIES.join(', ')}`));
			if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) return graphError(res, refusal(null, 'Invalid language', 'language is a code such as en_US'));
			const components = parseJsonParam(body.components);
			const problem = contentProblem(components, category, named);
			if (problem) return graphError(res, problem);
			const all = templatesOf(state, waba.id);
			if (all.some((t) => t.name === name && t.language === language)) {
				return graphError(res, refusal(2388024, 'Message template already exists', `There is already ${language} content for this template. Create a new template with a different name or language.`));
			}
			const template = normaliseTemplate(store, waba.id, { name, language, category, parameter_format: named ? 'NAMED' : 'POSITIONAL', components: storedComponents(components), status: statusAfterSubmit(store) });
			template.quality_score = { score: 'UNKNOWN', date: 0 };
			template.edits = [];
			all.push(template);
			if (template.status !== 'PENDING') void notifyReview(state, webhooks, template, template.status, template.status === 'REJECTED' ? 'INCORRECT_CATEGORY' : 'NONE');
			return res.json({ id: template.id, status: template.status, category: template.category });
		});
	});

	fb.post('/:templateId', (req, res, next) => {
		const template = findTemplateById(state, req.params.templateId);
		if (!template) return next();
		return guard.management(req, res, () => {
			if (!reachable(req, res, wabaRecord(state, template.wabaId), 'POST', template.id)) return;
			const body = { ...req.query, ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) };
			const store = waStore(state);
			if (!EDITABLE.includes(template.status)) return graphError(res, refusal(null, 'Template cannot be edited', `Only approved, rejected or paused templates can be edited; this one is ${template.status}.`));
			const category = body.category === undefined ? template.category : String(body.category).toUpperCase();
			if (!CATEGORIES.includes(category)) return graphError(res, refusal(null, 'Invalid category', `category must be one of ${CATEGORIES.join(', ')}`));
			if (template.status === 'APPROVED' && category !== template.category) return graphError(res, refusal(null, 'Category cannot be changed', 'The category of an approved template cannot be edited.'));
			const components = body.components === undefined ? template.components : parseJsonParam(body.components);
			const problem = contentProblem(components, category, template.parameter_format === 'NAMED');
			if (problem) return graphError(res, problem);
			if (template.status === 'APPROVED') {
				const now = state.nowSec();
				const edits = (template.edits || []).filter((at) => now - at < 30 * DAY);
				if (edits.some((at) => now - at < DAY) || edits.length >= 10) {
					return graphError(res, refusal(null, 'Edit limit reached', 'An approved template can be edited once in 24 hours and 10 times in 30 days.'));
				}
				template.edits = [...edits, now];
			}
			template.category = category;
			template.components = storedComponents(components);
			template.status = statusAfterSubmit(store);
			template.rejected_reason = 'NONE';
			return res.json({ success: true });
		});
	});

	fb.delete('/:wabaId/message_templates', (req, res, next) => {
		const waba = wabaRecord(state, req.params.wabaId);
		if (!waba) return next();
		return guard.management(req, res, () => {
			if (!reachable(req, res, waba, 'DELETE', waba.id)) return;
			const name = String(req.query.name || '');
			const hsmId = req.query.hsm_id === undefined ? '' : String(req.query.hsm_id);
			if (!name) return graphError(res, { code: 100, message: 'The parameter name is required' });
			const all = templatesOf(state, waba.id);
			const doomed = all.filter((t) => t.name === name && (!hsmId || t.id === hsmId));
			if (!doomed.length) return graphError(res, refusal(null, 'Message template not found', `No template named ${name}${hsmId ? ` with id ${hsmId}` : ''} in this account.`));
			for (const t of doomed) all.splice(all.indexOf(t), 1);
			return res.json({ success: true });
		});
	});
}

/** The review Meta does after a create or an edit: sets the status and sends the status webhook. */
function reviewTemplate(state, webhooks, id, event, reason) {
	const template = findTemplateById(state, id);
	if (!template) throw new Error(`no template ${id}`);
	template.status = event;
	template.rejected_reason = event === 'REJECTED' ? reason || 'INVALID_FORMAT' : 'NONE';
	if (event === 'APPROVED' && template.quality_score && template.quality_score.score === 'UNKNOWN') template.quality_score = { score: 'UNKNOWN', date: state.nowSec() };
	return notifyReview(state, webhooks, template, event, template.rejected_reason);
}

module.exports = { register, reviewTemplate, contentProblem };
