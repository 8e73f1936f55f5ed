'use strict';
// The README's troubleshooting section is the rendering of the Setup Doctor's check table and the Meta error catalog
// (scripts/troubleshooting.js): change either without running `node scripts/troubleshooting.js --write` and this fails.
const fs = require('fs');
const { renderTroubleshooting, readmeSection, README, END } = require('../../scripts/troubleshooting');
const { SETUP_CHECKS } = require('../../dist/nodes/shared/doctor/checks');
const { META_ERROR_CATALOG } = require('../../dist/nodes/shared/errors/catalog');

const readme = fs.readFileSync(README, 'utf8');

test('README.md ends with the troubleshooting section exactly as rendered from the code', () => {
	const section = readmeSection(readme);
	expect(section).not.toBeNull();
	expect(section).toBe(renderTroubleshooting());
	expect(readme.trimEnd().endsWith(END)).toBe(true);
});

test('the rendering names every check with its fix, and every catalogued Meta error', () => {
	const rendered = renderTroubleshooting();
	for (const check of SETUP_CHECKS) {
		expect(rendered).toContain(`(\`${check.id}\`)`);
		expect(rendered).toContain(check.fix.replace(/\|/g, '\\|'));
	}
	const rows = rendered.split('\n').filter((line) => /^\| -?\d/.test(line));
	expect(rows).toHaveLength(META_ERROR_CATALOG.length);
});

test('every check id is unique and every check has what it inspects and a fix', () => {
	const ids = SETUP_CHECKS.map((c) => c.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const check of SETUP_CHECKS) {
		expect(check.inspects.length).toBeGreaterThan(20);
		expect(check.fix).toMatch(/^[A-Z].*\.$/);
	}
});
