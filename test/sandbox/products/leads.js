'use strict';
// Lead Ads (reference §8.4 `leadgen`; Meta's "Retrieving Leads" guide,
// developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving): a `leadgen` webhook names only ids; the
// answers are read with `GET /{leadgen_id}` → {id, created_time, ad_id, form_id, field_data:[{name, values}]}, the
// form with `GET /{form_id}` → {id, name, status, locale, questions}, a Page's forms with `GET /{page-id}/leadgen_forms`.
// Reading leads needs `leads_retrieval` and a Page access token of the Page the form belongs to (reference §8.4).
const { requireToken } = require('../core/tokens');
const { graphError, errors } = require('../core/errors');
const { selectFields } = require('../core/fields');
const { paginate } = require('../core/paging');
const { seedResult } = require('../seed');

const DEFAULT_FORM = { id: '567567567567', name: 'Spring offer sign-up', status: 'ACTIVE', locale: 'en_US' };
const DEFAULT_QUESTIONS = [
	{ key: 'email', label: 'Email', type: 'EMAIL' },
	{ key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
	{ key: 'phone_number', label: 'Phone number', type: 'PHONE' },
];

function store(state) {
	return state.ns('leads', () => {
		const forms = new Map();
		forms.set(DEFAULT_FORM.id, { ...DEFAULT_FORM, pageId: seedResult.page.id, questions: DEFAULT_QUESTIONS });
		return { forms, leads: new Map(), seq: 0 };
	});
}

/** Admin/test helpers: forms and leads as a person filling an instant form creates them. */
function leadsAdmin(state) {
	return {
		addForm({ id, name, pageId = seedResult.page.id, questions = DEFAULT_QUESTIONS, status = 'ACTIVE', locale = 'en_US' }) {
			const form = { id: String(id), name, pageId: String(pageId), questions, status, locale };
			store(state).forms.set(form.id, form);
			return form;
		},
		/** A submitted lead; `answers` as {question: value | [values]}. Returns the lead with its new id. */
		addLead({ id, formId = DEFAULT_FORM.id, answers = {}, adId = '0', adsetId, campaignId, createdTime = state.nowSec(), isOrganic = false, platform = 'fb' } = {}) {
			const s = store(state);
			const form = s.forms.get(String(formId));
			if (!form) throw new Error(`addLead: no form ${formId}`);
			const leadId = String(id || `44${String(1000000000000 + ++s.seq)}`);
			const fieldData = Object.entries(answers).map(([name, value]) => ({ name, values: (Array.isArray(value) ? value : [value]).map(String) }));
			const lead = { id: leadId, formId: form.id, pageId: form.pageId, fieldData, adId: String(adId), adsetId, campaignId, createdTime, isOrganic, platform };
			s.leads.set(leadId, lead);
			return lead;
		},
		/** The `leadgen` change Meta delivers for a lead (reference §8.4). */
		leadgenEntry(lead) {
			return {
				id: lead.pageId,
				time: state.nowSec(),
				changes: [{ field: 'leadgen', value: { leadgen_id: lead.id, page_id: lead.pageId, form_id: lead.formId, adgroup_id: lead.adId, ad_id: lead.adId, created_time: lead.createdTime } }],
			};
		},
	};
}

const isoTime = (seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', '+0000');

function leadGetters(lead) {
	return {
		id: () => lead.id,
		created_time: () => isoTime(lead.createdTime),
		ad_id: () => lead.adId,
		adset_id: () => lead.adsetId,
		campaign_id: () => lead.campaignId,
		form_id: () => lead.formId,
		field_data: () => lead.fieldData,
		is_organic: () => lead.isOrganic,
		platform: () => lead.platform,
	};
}

function formGetters(form) {
	return {
		id: () => form.id,
		name: () => form.name,
		status: () => form.status,
		locale: () => form.locale,
		questions: () => form.questions,
		page: () => ({ id: form.pageId }),
	};
}

/** Leads are the Page's: its Page token with leads_retrieval, or the 100/33 Meta gives for anything else. */
function pageGuard(req, res, pageId) {
	const token = req.token;
	if (token.type !== 'PAGE' || String(token.pageId) !== String(pageId)) {
		graphError(res, errors.unsupportedRequest('GET', req.params.id));
		return false;
	}
	return true;
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	const leadsToken = requireToken(state, { scopes: ['leads_retrieval'] });

	router.get('/:id/leadgen_forms', (req, res, next) => {
		const forms = [...store(state).forms.values()].filter((f) => f.pageId === req.params.id);
		if (forms.length === 0 && !state.pages.has(req.params.id)) return next();
		leadsToken(req, res, () => {
			if (!pageGuard(req, res, req.params.id)) return;
			const rows = [];
			for (const form of forms) {
				const selected = selectFields(req.query.fields, ['id', 'name'], formGetters(form), 'LeadgenForm');
				if (!selected.ok) return graphError(res, selected.error);
				rows.push(selected.body);
			}
			const page = paginate(req, rows, { key: `${req.params.id}:leadgen_forms` });
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		});
	});

	router.get('/:id', (req, res, next) => {
		const s = store(state);
		const lead = s.leads.get(req.params.id);
		const form = lead ? undefined : s.forms.get(req.params.id);
		if (!lead && !form) return next();
		leadsToken(req, res, () => {
			if (!pageGuard(req, res, lead ? lead.pageId : form.pageId)) return;
			const selected = lead
				? selectFields(req.query.fields, ['id', 'created_time', 'field_data'], leadGetters(lead), 'Lead')
				: selectFields(req.query.fields, ['id', 'name'], formGetters(form), 'LeadgenForm');
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		});
	});
}

module.exports = { name: 'leads', register, leadsAdmin, DEFAULT_FORM };
