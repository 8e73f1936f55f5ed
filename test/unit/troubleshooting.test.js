'use strict';
// docs/troubleshooting.md is the rendering of the Setup Doctor's check table and the Meta error catalog
// (scripts/troubleshooting.js): change either without running `npm run docs:troubleshooting` and this fails.
const fs = require('fs');
const { renderTroubleshooting, generatedSection, PAGE, END } = require('../../scripts/troubleshooting');
const { SETUP_CHECKS } = require('../../dist/nodes/shared/doctor/checks');
const { META_ERROR_CATALOG } = require('../../dist/nodes/shared/errors/catalog');

const page = fs.readFileSync(PAGE, 'utf8');

test('docs/troubleshooting.md is exactly the rendering from the code', () => {
	const section = generatedSection(page);
	expect(section).not.toBeNull();
	expect(section).toBe(renderTroubleshooting());
	expect(page.trimEnd().endsWith(END)).toBe(true);
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
