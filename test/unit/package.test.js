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
			.filter((f) => String(f).endsWith('.node.ts'))
			// A versioned node's per-version classes (nodes/X/v1/XV1.node.ts) are reached through its registered entry file.
			.filter((f) => !/(^|\/)v\d+\//.test(String(f)));
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
		// A versioned node (VersionedNodeType) describes its webhooks per version: check the newest.
		const latest = type.getNodeType ? type.getNodeType().description : type.description;
		expect(isTrigger ? latest.webhooks.length > 0 : latest.usableAsTool === true).toBe(true);
		for (const icon of iconFiles(type.description.icon, file)) expect(fs.existsSync(icon)).toBe(true);
		expect(fs.existsSync(file.replace(/\.js$/, '.json'))).toBe(true);
	});
});

describe('what n8n checks before it verifies a community package', () => {
	test('ships a LICENSE that matches package.json, lints before every publish, and publishes with npm provenance', () => {
		expect(pkg.license).toBe('MIT');
		expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		expect(pkg.scripts.prepublishOnly).toMatch(/npm run lint/);
		const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
		expect(workflow).toMatch(/id-token: write/);
		expect(workflow).toMatch(/npm publish --provenance/);
	});

	test.each(pkg.n8n.nodes)('%s: codex has search aliases and credential documentation pointing at the README', (rel) => {
		const codex = JSON.parse(fs.readFileSync(path.join(ROOT, rel.replace(/^dist\//, '').replace(/\.js$/, '.json')), 'utf8'));
		expect(codex.alias.length).toBeGreaterThanOrEqual(5);
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const anchors = new Set(
			[...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ /g, '-')),
		);
		const links = [...codex.resources.credentialDocumentation, ...codex.resources.primaryDocumentation].map((d) => d.url);
		const ours = links.filter((url) => url.includes('#'));
		expect(ours.length).toBeGreaterThanOrEqual(2);
		for (const url of ours) expect(anchors).toContain(url.split('#')[1]);
	});
});

test('the Meta Setup Doctor has an icon of its own, not the Meta Trigger’s', () => {
	for (const variant of ['svg', 'dark.svg']) {
		const doctor = fs.readFileSync(path.join(ROOT, 'nodes/MetaSetupDoctor', `metaDoctor.${variant}`), 'utf8');
		const trigger = fs.readFileSync(path.join(ROOT, 'nodes/MetaTrigger', `meta.${variant}`), 'utf8');
		expect(doctor).not.toBe(trigger);
		expect(doctor).toMatch(/<title>Meta Setup Doctor<\/title>/);
	}
});

test('each credential’s docs link (shown in n8n’s credential dialog) opens a README section', () => {
	const { credentialTypes } = loadPackageTypes();
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const anchors = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9 -]/g, '').trim().replace(/ /g, '-')));
	const ours = new Set(pkg.n8n.credentials.map((rel) => path.basename(rel, '.credentials.js')));
	for (const type of Object.values(credentialTypes).filter((t) => ours.has(t.constructor?.name))) {
		const [page, anchor] = String(type.documentationUrl).split('#');
		expect(page).toBe(pkg.homepage.replace(/#readme$/, ''));
		expect(anchors).toContain(anchor);
	}
});
