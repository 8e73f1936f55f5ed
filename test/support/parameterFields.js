'use strict';
/**
 * Enumerates, from the built node descriptions, every text, ID and number parameter of every action node, per
 * resource and operation, with the parameter values that make it visible. New fields are covered without a list.
 */
const { NodeHelpers } = require('n8n-workflow');
const { loadPackageTypes } = require('../harness/package-types');

const ACTION_NODES = ['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'];
const FIELD_TYPES = new Set(['string', 'resourceLocator', 'number']);

function descriptionOf(nodeTypes, name) {
	const type = nodeTypes[`n8n-nodes-meta-business.${name}`];
	return type.description ?? type.nodeVersions[type.currentVersion].description;
}

function visible(description, parameters, property) {
	const full = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, { typeVersion: description.version ?? 1 }, description);
	return NodeHelpers.displayParameter(full ?? parameters, property, { typeVersion: 1, parameters: full }, description, full);
}

/** Parameter values (beyond resource/operation) that make `property` visible, or undefined when none do. */
function revealing(description, base, property) {
	if (visible(description, base, property)) return {};
	const show = property.displayOptions?.show ?? {};
	const extra = {};
	for (const [key, allowed] of Object.entries(show)) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		if (Array.isArray(allowed) && allowed.length) extra[key] = allowed[0];
	}
	return visible(description, { ...base, ...extra }, property) ? extra : undefined;
}

function operationsOf(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	const resources = resource ? resource.options.map((o) => o.value) : [undefined];
	const out = [];
	for (const r of resources) {
		for (const op of description.properties.filter((p) => p.name === 'operation' && (!r || !p.displayOptions?.show?.resource || p.displayOptions.show.resource.includes(r)))) {
			for (const option of op.options) out.push({ resource: r, operation: option.value });
		}
	}
	return out;
}

/**
 * @returns {Array<{node:string, resource?:string, operation:string, name:string, displayName:string, type:string,
 *   required:boolean, reveal:object, others:Array<{name:string,type:string,required:boolean}>}>}
 */
function actionNodeFields() {
	const { nodeTypes } = loadPackageTypes();
	const fields = [];
	for (const node of ACTION_NODES) {
		const description = descriptionOf(nodeTypes, node);
		for (const { resource, operation } of operationsOf(description)) {
			const base = { ...(resource ? { resource } : {}), operation };
			for (const property of description.properties) {
				if (!FIELD_TYPES.has(property.type)) continue;
				const reveal = revealing(description, base, property);
				if (!reveal) continue;
				const params = { ...base, ...reveal };
				const others = description.properties.filter((p) => p !== property && FIELD_TYPES.has(p.type) && visible(description, params, p));
				fields.push({
					node,
					resource,
					operation,
					name: property.name,
					displayName: property.displayName,
					type: property.type,
					required: property.required === true,
					reveal,
					others: others.map((p) => ({ name: p.name, type: p.type, required: p.required === true })),
				});
			}
		}
	}
	return fields;
}

module.exports = { actionNodeFields, ACTION_NODES };
