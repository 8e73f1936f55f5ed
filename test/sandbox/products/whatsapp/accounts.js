'use strict';
// WABA node, its phone_numbers edge, the phone-number node, and /me/businesses → owned/client WABAs (reference §5).
const { graphError, errors } = require('../../core/errors');
const { selectFields } = require('../../core/fields');
const { paginate } = require('../../core/paging');
const { guards, canReach, ownerOf, businessesOf } = require('./access');
const { wabaRecord, phoneNumber, numbersOf } = require('./store');

const PHONE_DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];
const PHONE_FIELDS = [
	'id',
	'display_phone_number',
	'verified_name',
	'quality_rating',
	'code_verification_status',
	'status',
	'name_status',
	'messaging_limit_tier',
	'throughput',
	'platform_type',
	'account_mode',
	'is_official_business_account',
	'whatsapp_business_manager_messaging_limit',
];

function phoneGetters(number) {
	const getters = {};
	for (const f of PHONE_FIELDS) getters[f] = () => number[f];
	return getters;
}

function wabaGetters(state, waba) {
	const owner = ownerOf(state, waba);
	return {
		id: () => waba.id,
		name: () => waba.name,
		currency: () => waba.currency || 'USD',
		timezone_id: () => waba.timezone_id || '1',
		message_template_namespace: () => waba.message_template_namespace || `sandbox_${waba.id.slice(-6)}`,
		account_review_status: () => waba.account_review_status || 'APPROVED',
		business_verification_status: () => waba.business_verification_status || 'verified',
		owner_business_info: () => (owner ? { name: owner.name, id: owner.id } : undefined),
		country: () => waba.country,
	};
}

function send(res, result) {
	if (!result.ok) return graphError(res, result.error);
	return res.json(result.body);
}

function selectList(req, rows, defaults, gettersOf, type, key) {
	const selected = rows.map((r) => selectFields(req.query.fields, defaults, gettersOf(r), type));
	const bad = selected.find((s) => !s.ok);
	if (bad) return bad;
	return paginate(req, selected.map((s) => s.body), { key });
}

function register({ state, routers }) {
	const fb = routers['graph.facebook.com'];
	const guard = guards(state);

	fb.get('/me/businesses', guard.either, (req, res) => {
		send(res, selectList(req, businessesOf(state, req.token), ['id', 'name'], (b) => ({ id: () => b.id, name: () => b.name }), 'Business', `businesses:${req.token.userId}`));
	});

	fb.get('/:businessId/:edge', (req, res, next) => {
		const { businessId, edge } = req.params;
		if (!state.businesses.has(businessId) || !['owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts'].includes(edge)) return next();
		return guard.management(req, res, () => {
			if (!businessesOf(state, req.token).some((b) => b.id === businessId)) return graphError(res, errors.unsupportedRequest('GET', businessId));
			const wanted = edge === 'owned_whatsapp_business_accounts';
			const wabas = [...state.wabas.values()].filter((w) => {
				const owned = (ownerOf(state, w) || {}).id === businessId;
				const client = (w.clientBusinessIds || []).map(String).includes(businessId);
				return (wanted ? owned : client && !owned) && canReach(state, req.token, w);
			});
			send(res, selectList(req, wabas, ['id', 'name'], (w) => wabaGetters(state, w), 'WhatsAppBusinessAccount', `${edge}:${businessId}`));
		});
	});

	fb.get('/:wabaId/phone_numbers', (req, res, next) => {
		const waba = wabaRecord(state, req.params.wabaId);
		if (!waba) return next();
		return guard.management(req, res, () => {
			if (!canReach(state, req.token, waba)) return graphError(res, errors.unsupportedRequest('GET', waba.id));
			send(res, selectList(req, numbersOf(state, waba.id), PHONE_DEFAULT_FIELDS, phoneGetters, 'WhatsAppBusinessPhoneNumber', `phone_numbers:${waba.id}`));
		});
	});

	fb.get('/:id', (req, res, next) => {
		const id = req.params.id;
		const waba = wabaRecord(state, id);
		const number = waba ? null : phoneNumber(state, id);
		if (!waba && !number) return next();
		if (waba) {
			return guard.management(req, res, () => {
				if (!canReach(state, req.token, waba)) return graphError(res, errors.unsupportedRequest('GET', id));
				send(res, selectFields(req.query.fields, ['id', 'name'], wabaGetters(state, waba), 'WhatsAppBusinessAccount'));
			});
		}
		return guard.either(req, res, () => {
			if (!canReach(state, req.token, wabaRecord(state, number.wabaId))) return graphError(res, errors.unsupportedRequest('GET', id));
			send(res, selectFields(req.query.fields, PHONE_DEFAULT_FIELDS, phoneGetters(number), 'WhatsAppBusinessPhoneNumber'));
		});
	});
}

module.exports = { register, PHONE_FIELDS };
