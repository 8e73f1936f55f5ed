'use strict';
// The action nodes as n8n's VersionedNodeType: saved workflows keep version 1, new nodes get version 2, and every
// version offers the same operations (built from the one actions/ folder), with only the documented differences.
const fs = require('fs');
const path = require('path');
const { loadPackageTypes, versionDescription, ROOT } = require('../harness/package-types');

const { nodeTypes, packageJson } = loadPackageTypes();
const ACTION_NODES = ['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'];
const typeOf = (name) => nodeTypes[`n8n-nodes-meta-business.${name}`];
const entryFile = (name) => path.join(ROOT, packageJson.n8n.nodes.find((rel) => rel.endsWith(`/${name.charAt(0).toUpperCase()}${name.slice(1)}.node.js`)));

/** resource:operation pairs a version offers. */
function operations(description) {
	return description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.displayOptions?.show?.resource ?? ['']).flatMap((r) => p.options.map((o) => `${r}:${o.value}`)))
		.sort();
}

/** Every option name of every collection, per collection. */
const collectionOptionNames = (description) => description.properties.filter((p) => p.type === 'collection').flatMap((p) => p.options.map((o) => o.name));

describe.each(ACTION_NODES)('%s', (name) => {
	const type = typeOf(name);

	test('is versioned: versions 1 and 2, new nodes get 2', () => {
		expect(Object.keys(type.nodeVersions).map(Number)).toEqual([1, 2]);
		expect(type.description.defaultVersion).toBe(2);
		expect(type.currentVersion).toBe(2);
		for (const version of [1, 2]) {
			const description = versionDescription(type, version);
			expect(description.version).toBe(version);
			expect(description.name).toBe(name);
		}
	});

	test('both versions offer the same operations, are usable as AI tools and have their icons', () => {
		expect(operations(versionDescription(type, 2))).toEqual(operations(versionDescription(type, 1)));
		for (const version of [1, 2]) {
			const description = versionDescription(type, version);
			expect(description.usableAsTool).toBe(true);
			// n8n resolves a version's icon relative to the registered entry file (DirectoryLoader.fixIconPaths).
			for (const icon of [description.icon.light, description.icon.dark]) {
				expect(fs.existsSync(path.join(path.dirname(entryFile(name)), icon.replace(/^file:/, '')))).toBe(true);
			}
		}
	});

	test('version 2 has no Retry Wait (Seconds) option and no empty Options collection', () => {
		const v2 = versionDescription(type, 2);
		expect(collectionOptionNames(v2)).not.toContain('retryWaitSeconds');
		for (const collection of v2.properties.filter((p) => p.type === 'collection')) expect(collection.options.length).toBeGreaterThan(0);
	});
});

test('version 1 of Instagram Business keeps Retry Wait (Seconds) on every operation', () => {
	const v1 = versionDescription(typeOf('instagramBusiness'), 1);
	const collections = v1.properties.filter((p) => p.name === 'options' && p.type === 'collection');
	expect(collections.length).toBeGreaterThan(10);
	for (const collection of collections) expect(collection.options.map((o) => o.name)).toContain('retryWaitSeconds');
});

test('Meta Ads: Authentication defaults to Facebook Login in version 1 and to an access token in version 2', () => {
	const authentication = (version) => versionDescription(typeOf('metaAds'), version).properties.find((p) => p.name === 'authentication').default;
	expect(authentication(1)).toBe('metaOAuth2Api');
	expect(authentication(2)).toBe('metaAccessTokenApi');
});
