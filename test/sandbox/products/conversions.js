'use strict';
// Conversions API (Meta's "Using the API", "Server Event Parameters", "Customer Information Parameters" pages under
// developers.facebook.com/documentation/ads-commerce/conversions-api): `POST /{pixel-id}/events` with `data` (a JSON
// array of server events, at most 1,000) and an optional `test_event_code`; answer `{events_received, messages,
// fbtrace_id}`. One bad event refuses the whole request and no event is kept. Pixels are listed per ad account with
// `GET /act_{id}/adspixels`. Rows with their sources: test/sandbox/README.md, "Conversions API and Messenger".
const { requireToken } = require('../core/tokens');
const { graphError } = require('../core/errors');
const { fbtraceId } = require('../core/ids');
const { paginate } = require('../core/paging');
const { selectFields } = require('../core/fields');
const { registerProductSettings } = require('../core/settings');
const { seedResult } = require('../seed');

const DEFAULT_PIXEL = Object.freeze({ id: '1800000000000001', name: "Ada's Shop Pixel", adAccountId: seedResult.adAccount.id });
const MAX_EVENTS = 1000;
const SEVEN_DAYS = 7 * 24 * 3600;
/** Standard values of `action_source` (Server Event Parameters page). */
const ACTION_SOURCES = ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'];
/** Customer information Meta accepts only hashed (SHA-256, lowercase hex): Customer Information Parameters page. */
const HASHED_FIELDS = ['em', 'ph', 'fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country'];
const SHA256 = /^[a-f0-9]{64}$/;

const CONVERSIONS_SETTINGS = Object.freeze({
	/**
	 * How far ahead of the sandbox clock an event_time may be. Meta's pages say nothing about future times
	 * [UNCONFIRMED]; the sandbox refuses them beyond this margin with capiFutureTimeError. null accepts any.
	 */
	capiFutureToleranceSeconds: 600,
	/** Meta documents no code for a future event_time [UNCONFIRMED]: invalid parameter, no subcode. */
	capiFutureTimeError: { code: 100, message: 'Invalid parameter', userTitle: 'Event Timestamp In Future', userMsg: 'The event_time is in the future.' },
	/** Meta documents no code for a badly hashed field [UNCONFIRMED]: invalid parameter, no subcode. */
	capiInvalidHashError: { code: 100, message: 'Invalid parameter', userTitle: 'Invalid Hashed Value' },
	/** Purchase without custom_data.value and currency refused (Custom Data Parameters page: required) [UNCONFIRMED refusal]. */
	capiPurchaseNeedsValue: true,
});
registerProductSettings(CONVERSIONS_SETTINGS);

function store(state) {
	return state.ns('conversions', () => {
		const pixels = new Map([[DEFAULT_PIXEL.id, { ...DEFAULT_PIXEL }]]);
		return { pixels, received: [] };
	});
}

function settingsOf(state) {
	for (const [key, value] of Object.entries(CONVERSIONS_SETTINGS)) if (!(key in state.settings)) state.settings[key] = JSON.parse(JSON.stringify(value));
	return state.settings;
}

/** Admin/test helpers. */
function conversionsAdmin(state) {
	return {
		addPixel({ id, name, adAccountId = seedResult.adAccount.id }) {
			const pixel = { id: String(id), name, adAccountId };
			store(state).pixels.set(pixel.id, pixel);
			return pixel;
		},
		/** Every accepted request: {pixelId, testEventCode, events, atSec}. */
		received: () => store(state).received,
		/** The accepted events, flattened, with their pixel and test code. */
		events: () => store(state).received.flatMap((r) => r.events.map((event) => ({ ...event, pixelId: r.pixelId, testEventCode: r.testEventCode }))),
	};
}

function params(req) {
	const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
	return { ...(req.query || {}), ...body };
}

function parseData(raw) {
	if (Array.isArray(raw)) return raw;
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return null;
	}
}

const invalid = (userTitle, userMsg, subcode) => ({ code: 100, subcode, message: 'Invalid parameter', userTitle, userMsg });

/** Why Meta would refuse this event (the whole request then), or null. */
function eventProblem(state, event, index) {
	const at = `data[${index}]`;
	if (!event || typeof event !== 'object' || Array.isArray(event)) return invalid('Invalid Event', `${at} is not an event object.`);
	if (typeof event.event_name !== 'string' || !event.event_name) return invalid('Missing Event Name', `${at}.event_name is required.`);
	const time = Number(event.event_time);
	if (!Number.isInteger(time) || time <= 0) return invalid('Invalid Event Time', `${at}.event_time must be a Unix timestamp in seconds.`);
	const now = state.nowSec();
	// Community sources (RudderStack's Facebook Pixel destination, public CAPI clients) give 100/2804003 for this.
	if (now - time > SEVEN_DAYS)
		return invalid('Event Timestamp Too Old', `The timestamp for ${at} is more than 7 days in the past; events must be sent within 7 days of when they occurred.`, 2804003);
	const settings = settingsOf(state);
	if (settings.capiFutureToleranceSeconds !== null && time - now > settings.capiFutureToleranceSeconds) return { ...settings.capiFutureTimeError };
	if (!event.action_source) return invalid('Missing action_source', `${at}.action_source is required.`);
	if (!ACTION_SOURCES.includes(event.action_source)) return invalid('Invalid action_source', `${at}.action_source "${event.action_source}" is not one of ${ACTION_SOURCES.join(', ')}.`);
	const user = event.user_data;
	if (!user || typeof user !== 'object' || Object.keys(user).length === 0) return invalid('Missing user_data', `${at}.user_data is required.`);
	if (event.action_source === 'website') {
		// Website events need client_user_agent and event_source_url (Parameters page).
		if (!user.client_user_agent) return invalid('Missing client_user_agent', `${at}.user_data.client_user_agent is required for website events.`);
		if (!event.event_source_url) return invalid('Missing event_source_url', `${at}.event_source_url is required for website events.`);
	}
	for (const field of HASHED_FIELDS) {
		if (user[field] === undefined) continue;
		const values = Array.isArray(user[field]) ? user[field] : [user[field]];
		const bad = values.find((v) => typeof v !== 'string' || !SHA256.test(v));
		if (bad !== undefined) return { ...settings.capiInvalidHashError, userMsg: `${at}.user_data.${field} must be a SHA-256 hash (64 lowercase hex characters); got a value that is not.` };
	}
	const custom = event.custom_data;
	if (settings.capiPurchaseNeedsValue && event.event_name === 'Purchase' && (!custom || custom.value === undefined || !custom.currency))
		return invalid('Missing Purchase Value', `${at}: Purchase events need custom_data.value and custom_data.currency.`);
	if (custom && custom.currency !== undefined && !/^[A-Za-z]{3}$/.test(String(custom.currency))) return invalid('Invalid Currency', `${at}.custom_data.currency must be an ISO 4217 code.`);
	return null;
}

function pixelGetters(pixel) {
	return { id: () => pixel.id, name: () => pixel.name };
}

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];
	const sendToken = requireToken(state, { scopes: ['ads_management'] });
	const readToken = requireToken(state, { anyScopes: ['ads_read', 'ads_management'] });

	router.get('/:id/adspixels', (req, res, next) => {
		if (!/^act_\d+$/.test(req.params.id)) return next();
		readToken(req, res, () => {
			const rows = [];
			for (const pixel of store(state).pixels.values()) {
				if (pixel.adAccountId !== req.params.id) continue;
				const selected = selectFields(req.query.fields, ['id'], pixelGetters(pixel), 'AdsPixel');
				if (!selected.ok) return graphError(res, selected.error);
				rows.push(selected.body);
			}
			const page = paginate(req, rows, { key: `${req.params.id}:adspixels` });
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		});
	});

	router.post('/:id/events', (req, res, next) => {
		const pixel = store(state).pixels.get(req.params.id);
		if (!pixel) return next();
		sendToken(req, res, () => {
			const p = params(req);
			const data = parseData(p.data);
			if (data === undefined) return graphError(res, { code: 100, message: 'The parameter data is required' });
			if (!Array.isArray(data) || data.length === 0) return graphError(res, invalid('Invalid data', 'data must be a non-empty JSON array of server events.'));
			if (data.length > MAX_EVENTS) return graphError(res, invalid('Too Many Events', `A request can carry at most ${MAX_EVENTS} events; got ${data.length}.`));
			for (let i = 0; i < data.length; i++) {
				const problem = eventProblem(state, data[i], i);
				if (problem) return graphError(res, problem);
			}
			const testEventCode = p.test_event_code ? String(p.test_event_code) : null;
			store(state).received.push({ pixelId: pixel.id, testEventCode, events: data, atSec: state.nowSec() });
			res.json({ events_received: data.length, messages: [], fbtrace_id: fbtraceId() });
		});
	});
}

module.exports = { name: 'conversions', register, conversionsAdmin, DEFAULT_PIXEL, CONVERSIONS_SETTINGS, HASHED_FIELDS };
