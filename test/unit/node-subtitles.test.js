'use strict';
// The grey line under a node on the canvas: the chosen operation's action in words ("Send a template"), evaluated by
// n8n-workflow's own expression engine as the editor does, never raw values such as "sendTemplate: message".
const { Workflow } = require('n8n-workflow');
const { loadPackageTypes, versionDescription } = require('../harness/package-types');

const { nodeTypes } = loadPackageTypes();
const actionNodes = Object.values(nodeTypes).filter((t) => t.description.usableAsTool);

function subtitleFor(type, version, parameters) {
	const node = { id: '1', name: 'Node', type: `n8n-nodes-meta-business.${type.description.name}`, typeVersion: version, position: [0, 0], parameters };
	const provider = { getByName: () => type, getByNameAndVersion: () => ('nodeVersions' in type ? type.getNodeType(version) : type), getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: provider });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle, 'internal', {});
}

/** Every resource:operation pair a node offers, with the option's action text. */
function operationsOf(type, version) {
	const pairs = [];
	for (const property of versionDescription(type, version).properties) {
		if (property.name !== 'operation') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options) pairs.push({ resource, operation: option.value, label: option.action || option.name });
		}
	}
	return pairs;
}

// Every version of every node (a node with a single version is checked in that one).
const versionsOf = (t) => ('nodeVersions' in t ? Object.keys(t.nodeVersions).map(Number) : [].concat(t.description.version));
const cases = actionNodes.flatMap((t) => versionsOf(t).map((v) => [t.description.displayName, v, t]));
test.each(cases)('%s version %d: the subtitle names every operation in words', (_name, version, type) => {
	const pairs = operationsOf(type, version);
	expect(pairs.length).toBeGreaterThan(0);
	for (const { resource, operation, label } of pairs) {
		const subtitle = subtitleFor(type, version, { resource, operation });
		expect(subtitle).toBe(label);
		expect(subtitle).not.toContain(':');
	}
});
