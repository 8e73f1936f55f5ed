'use strict';
// `fields=a,b{c,d},e.limit(10){x}` parsing and field selection (reference §0 "Field selection").
const { errors } = require('./errors');

/**
 * @param {string|undefined} spec
 * @returns {Array<{name:string, sub:string|null, modifiers:Record<string,string>}>}
 */
function parseFields(spec) {
	if (!spec) return [];
	const out = [];
	let depth = 0;
	let current = '';
	const flush = () => {
		const text = current.trim();
		current = '';
		if (!text) return;
		const brace = text.indexOf('{');
		const head = brace === -1 ? text : text.slice(0, brace);
		const sub = brace === -1 ? null : text.slice(brace + 1, text.lastIndexOf('}'));
		const [name, ...mods] = head.split('.');
		const modifiers = {};
		for (const m of mods) {
			const mm = /^(\w+)\((.*)\)$/.exec(m);
			if (mm) modifiers[mm[1]] = mm[2];
		}
		out.push({ name: name.trim(), sub, modifiers });
	};
	for (const ch of String(spec)) {
		if (ch === '{' || ch === '(') depth++;
		if (ch === '}' || ch === ')') depth--;
		if (ch === ',' && depth === 0) flush();
		else current += ch;
	}
	flush();
	return out;
}

/**
 * Build a node response from field getters.
 * @param {string|undefined} fieldsParam the request's `fields`
 * @param {string[]} defaults fields returned when none are requested
 * @param {Record<string, (sub:string|null, modifiers:any) => any>} getters undefined result = omitted
 * @param {string} nodeType for the "(#100) Tried accessing nonexisting field" error
 * @returns {{ok:true, body:any}|{ok:false, error:any}}
 */
function selectFields(fieldsParam, defaults, getters, nodeType) {
	const requested = fieldsParam ? parseFields(fieldsParam) : defaults.map((name) => ({ name, sub: null, modifiers: {} }));
	const body = {};
	for (const f of requested) {
		if (!Object.prototype.hasOwnProperty.call(getters, f.name)) return { ok: false, error: errors.nonexistingField(f.name, nodeType) };
		const value = getters[f.name](f.sub, f.modifiers);
		if (value !== undefined && value !== null) body[f.name] = value;
	}
	if (!('id' in body) && getters.id) body.id = getters.id(null, {});
	return { ok: true, body };
}

module.exports = { parseFields, selectFields };
