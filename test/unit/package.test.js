'use strict';
// The package as n8n will load it: every node and credential listed in package.json's `n8n` field is built into
// dist/ with its icons, and the package ships no runtime dependencies.
const fs = require('fs');
const path = require('path');
const { loadPackageTypes, ROOT } = require('../harness/package-types');

const pkg = require(path.join(ROOT, 'package.json'));

function iconFiles(icon, fromFile) {
	if (!icon) return [];
	const refs = typeof icon === 'string' ? [icon] : [icon.light, icon.dark];
	return refs.map((ref) => path.resolve(path.dirname(fromFile), ref.replace(/^file:/, '')));
}

describe('package.json', () => {
	test('is a strict community package with no runtime dependencies', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
	});

	test('lists every credential and node that the source tree defines', () => {
		const credentialSources = fs.readdirSync(path.join(ROOT, 'credentials')).filter((f) => f.endsWith('.credentials.ts'));
		expect(pkg.n8n.credentials.map((p) => path.basename(p, '.js'))).toEqual(
			expect.arrayContaining(credentialSources.map((f) => path.basename(f, '.ts'))),
		);
		expect(pkg.n8n.credentials).toHaveLength(credentialSources.length);
		const nodeSources = fs
			.readdirSync(path.join(ROOT, 'nodes'), { recursive: true })
			.filter((f) => String(f).endsWith('.node.ts'));
		expect(pkg.n8n.nodes).toHaveLength(nodeSources.length);
	});
});

describe('dist/', () => {
	const { credentialTypes, nodeTypes } = loadPackageTypes();

	test.each(pkg.n8n.credentials)('%s is built, loads, and has its icons', (rel) => {
		const file = path.join(ROOT, rel);
		expect(fs.existsSync(file)).toBe(true);
		const name = Object.keys(credentialTypes).find((n) => credentialTypes[n].constructor?.name === path.basename(rel, '.credentials.js'));
		expect(name).toBeDefined();
		for (const icon of iconFiles(credentialTypes[name].icon, file)) expect(fs.existsSync(icon)).toBe(true);
	});

	test.each(pkg.n8n.nodes)('%s is built, loads, has its icons and codex; action nodes are usable as tools', (rel) => {
		const file = path.join(ROOT, rel);
		expect(fs.existsSync(file)).toBe(true);
		const type = Object.values(nodeTypes).find((t) => t.constructor?.name === path.basename(rel, '.node.js'));
		const isTrigger = type.description.group.includes('trigger');
		expect(isTrigger ? type.description.webhooks.length > 0 : type.description.usableAsTool === true).toBe(true);
		for (const icon of iconFiles(type.description.icon, file)) expect(fs.existsSync(icon)).toBe(true);
		expect(fs.existsSync(file.replace(/\.js$/, '.json'))).toBe(true);
	});
});
