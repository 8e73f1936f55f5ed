'use strict';
// The action nodes as AI-agent tools: every version is usable as a tool, and every parameter an agent can fill has a
// description it can act on (what the value is and its form), down to the fields inside collections.
const { loadPackageTypes, versionDescription } = require('../harness/package-types');

const { nodeTypes } = loadPackageTypes();
const actionNodes = Object.values(nodeTypes).filter((t) => t.description.usableAsTool);
const versioned = actionNodes.filter((t) => 'nodeVersions' in t);
// Every version of every node (a node with a single version is checked in that one).
const versionsOf = (t) => ('nodeVersions' in t ? Object.keys(t.nodeVersions).map(Number) : [].concat(t.description.version));
const cases = actionNodes.flatMap((t) => versionsOf(t).map((v) => [t.description.displayName, v, versionDescription(t, v)]));
/** Shorter than this says too little to act on ("Required", "Up to 20 characters"). */
const MIN_DESCRIPTION = 25;

/** Parameters a user or agent fills in: not notices, not hidden, not fixed choices (resource, operation), not containers. */
function fillable(properties, trail = '') {
	const out = [];
	for (const property of properties ?? []) {
		if (property.values) {
			out.push(...fillable(property.values, `${trail}${property.name}.`)); // a fixedCollection section
			continue;
		}
		if (property.type === 'notice' || property.type === 'hidden') continue;
		const path = `${trail}${property.name}`;
		if (property.type === 'collection' || property.type === 'fixedCollection') out.push(...fillable(property.options, `${path}.`));
		else if (!property.noDataExpression) out.push({ path, property });
	}
	return out;
}

test('every action node is a versioned tool', () => {
	expect(versioned.map((t) => t.description.name).sort()).toEqual(['instagramBusiness', 'metaAds', 'metaConversionsApi', 'metaMessenger', 'metaSetupDoctor', 'whatsAppCloud']);
});

test.each(cases)('%s version %d is usable as an AI tool', (_name, _version, description) => {
	expect(description.usableAsTool).toBe(true);
});

test.each(cases)('%s version %d: every parameter has a description an agent can act on', (_name, _version, description) => {
	const fields = fillable(description.properties);
	expect(fields.length).toBeGreaterThan(5);
	const weak = fields
		.filter(({ property }) => {
			const text = String(property.description ?? '').trim();
			return text.length < MIN_DESCRIPTION || text.toLowerCase() === String(property.displayName).toLowerCase();
		})
		.map(({ path, property }) => `${path} ("${property.displayName}"): "${property.description ?? ''}"`);
	expect(weak).toEqual([]);
});
