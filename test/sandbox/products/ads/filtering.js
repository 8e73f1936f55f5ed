'use strict';
// `filtering=[{"field":"ad.impressions","operator":"GREATER_THAN","value":0}]` (reference §6.2) for ads lists and
// insights. Parsing errors answer (#100) like Meta; the operator set is the documented one minus TOP/STEM_MATCH/ANY/ALL/NONE.

const OPERATORS = {
	EQUAL: (a, b) => String(a) === String(b),
	NOT_EQUAL: (a, b) => String(a) !== String(b),
	GREATER_THAN: (a, b) => Number(a) > Number(b),
	GREATER_THAN_OR_EQUAL: (a, b) => Number(a) >= Number(b),
	LESS_THAN: (a, b) => Number(a) < Number(b),
	LESS_THAN_OR_EQUAL: (a, b) => Number(a) <= Number(b),
	IN_RANGE: (a, b) => Number(a) >= Number(b[0]) && Number(a) <= Number(b[1]),
	NOT_IN_RANGE: (a, b) => !(Number(a) >= Number(b[0]) && Number(a) <= Number(b[1])),
	CONTAIN: (a, b) => String(a).toLowerCase().includes(String(b).toLowerCase()),
	NOT_CONTAIN: (a, b) => !String(a).toLowerCase().includes(String(b).toLowerCase()),
	STARTS_WITH: (a, b) => String(a).toLowerCase().startsWith(String(b).toLowerCase()),
	ENDS_WITH: (a, b) => String(a).toLowerCase().endsWith(String(b).toLowerCase()),
	IN: (a, b) => b.map(String).includes(String(a)),
	NOT_IN: (a, b) => !b.map(String).includes(String(a)),
	AFTER: (a, b) => String(a) > String(b),
	BEFORE: (a, b) => String(a) < String(b),
	ON_OR_AFTER: (a, b) => String(a) >= String(b),
	ON_OR_BEFORE: (a, b) => String(a) <= String(b),
};
const LIST_OPERATORS = ['IN', 'NOT_IN', 'IN_RANGE', 'NOT_IN_RANGE'];

/** A JSON array param (`["ACTIVE","PAUSED"]`) or a comma list; undefined when absent. */
function listParam(raw) {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (Array.isArray(raw)) return raw.map(String);
	const text = String(raw).trim();
	if (text.startsWith('[')) {
		try {
			const parsed = JSON.parse(text);
			return Array.isArray(parsed) ? parsed.map(String) : null;
		} catch {
			return null;
		}
	}
	return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** @returns {{ok:true, filters:Array<{field:string, operator:string, value:any}>}|{ok:false, error:any}} */
function parseFiltering(raw) {
	if (raw === undefined || raw === '') return { ok: true, filters: [] };
	let parsed = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			return { ok: false, error: { code: 100, message: 'param filtering must be an array.' } };
		}
	}
	if (!Array.isArray(parsed)) return { ok: false, error: { code: 100, message: 'param filtering must be an array.' } };
	const filters = [];
	for (const [i, f] of parsed.entries()) {
		if (!f || typeof f !== 'object' || !f.field || !f.operator) {
			return { ok: false, error: { code: 100, message: `param filtering[${i}] must be an object with field, operator and value.` } };
		}
		const operator = String(f.operator).toUpperCase();
		if (!OPERATORS[operator]) {
			return { ok: false, error: { code: 100, message: `Filter operator must be one of the following values: ${Object.keys(OPERATORS).join(', ')}.` } };
		}
		if (LIST_OPERATORS.includes(operator) && !Array.isArray(f.value)) {
			return { ok: false, error: { code: 100, message: `param filtering[${i}][value] must be an array for operator ${operator}.` } };
		}
		filters.push({ field: String(f.field), operator, value: f.value });
	}
	return { ok: true, filters };
}

function matches(filter, actual) {
	if (actual === undefined) return false;
	return OPERATORS[filter.operator](actual, filter.value);
}

module.exports = { parseFiltering, matches, listParam, OPERATORS };
