/**
 * Checks the built Meta error catalog (dist/nodes/shared/errors/catalog.js) against the shared
 * Meta Graph reference itself: every code and code/subcode pair in the error tables of §2.8, §3.6,
 * §5.7, §6.4, §7.3 and §9.2 must resolve through findMetaError, and every catalog entry must come
 * from one of those tables.
 *
 * Parsing rules (pragmatic, tuned to how the reference writes its tables):
 * - Only tables whose first header cell mentions "code" (or "Subcode" for the code-190 table in
 *   §9.2, whose parent code is read from the bold "Code 190 …" line above it) are read.
 * - In a code cell, `a / b` means code a with subcode b when b has 7+ digits (all subcodes in these
 *   tables do: 2207003, 2446079, …); otherwise it lists several codes (`1 / 2`, `131052 / 131053`,
 *   `80002 / 80006`, `190 / 200 / 10`). `17 (2446079)` is code 17 with subcode 2446079;
 *   `2534025 (code 10 or 100)` is subcode 2534025 of codes 10 and 100; `200–299`, `80000–80014`,
 *   `133000–133016`, `80010–80013` are ranges; `**…**` is stripped; `2388019 etc.` is code 2388019.
 * - In the meaning cell, `subcode **N**` pairs N with the row's code (100/33 in §9.2) and any
 *   standalone number of 6+ digits is another code of the same table (133010/133016 in the
 *   133000–133016 row, 2388040/2388047/2388072/2388073/2388293/2388299 in the 2388019 row of §5.7).
 *
 * Deliberately skipped (they hold no error code):
 * - §7.3 "BUC quotas" table (Use case | Quota): Ads Insights, Ads Management, Custom Audience,
 *   Instagram Platform, LeadGen, Messenger, Pages, WhatsApp Business Management — these are quota
 *   formulas, not errors; the matching throttle codes are in the §7.3 throttle table.
 * Not in any table and therefore not required (free text outside the tables): the string codes
 * INSTAGRAM_PLATFORM_API__* under §2.8, subcode 1996 of code 613 (§7.2) and the unconfirmed
 * community WhatsApp subcodes 2018278/2593082/2655012 under §5.7 ("do not depend on them").
 */
const fs = require('fs');
const path = require('path');

const REFERENCE = path.resolve(__dirname, '../../../shared/meta-graph-reference.md');
const BUILT = path.resolve(__dirname, '../../dist/nodes/shared/errors/catalog.js');
const SECTIONS = ['2.8', '3.6', '5.7', '6.4', '7.3', '9.2'];
const CATEGORIES = ['retry_later', 'reconnect', 'fix_configuration', 'quota', 'policy'];

if (!fs.existsSync(REFERENCE)) {
	throw new Error(
		`Meta Graph reference not found at ${REFERENCE}; the error-catalog test checks the catalog against it, so CI must place meta-graph-reference.md in ../shared next to the repository.`,
	);
}
if (!fs.existsSync(BUILT)) {
	throw new Error(`Built catalog not found at ${BUILT}; run "npx tsc -p tsconfig.json" first.`);
}

const { META_ERROR_CATALOG, findMetaError } = require(BUILT);
const markdown = fs.readFileSync(REFERENCE, 'utf8');

// ───────────── reference parsing ─────────────

function sectionText(id) {
	const lines = markdown.split(/\r?\n/);
	const start = lines.findIndex((l) => l.startsWith(`### ${id} `));
	if (start < 0) throw new Error(`Section ### ${id} not found in ${REFERENCE}`);
	let end = start + 1;
	while (end < lines.length && !/^#{2,3} /.test(lines[end])) end++;
	return lines.slice(start + 1, end);
}

function splitRow(line) {
	// split on unescaped pipes, drop the empty cells outside the outer pipes
	const cells = line
		.trim()
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split(/(?<!\\)\|/)
		.map((c) => c.trim());
	return cells;
}

/** Tables of a section: { header, rows, before } where `before` is the text preceding the table. */
function tablesOf(lines) {
	const tables = [];
	let i = 0;
	while (i < lines.length) {
		if (lines[i].trim().startsWith('|')) {
			const block = [];
			const before = lines.slice(Math.max(0, i - 3), i).join('\n');
			while (i < lines.length && lines[i].trim().startsWith('|')) block.push(lines[i++]);
			const header = splitRow(block[0]);
			const rows = block.slice(1).filter((l) => !/^\|\s*:?-{3,}/.test(l.trim())).map(splitRow);
			tables.push({ header, rows, before });
		} else i++;
	}
	return tables;
}

const clean = (s) => s.replace(/\*\*/g, '').replace(/`/g, '').trim();
const toInt = (s) => Number.parseInt(s.replace(/−/g, '-'), 10);
const isSubcodeSized = (n) => Math.abs(n) >= 1_000_000;

/** Parse one code cell into { codes, pairs, ranges }; returns null when it holds no code. */
function parseCodeCell(raw) {
	const out = { codes: [], pairs: [], ranges: [] };
	let cell = clean(raw).replace(/\s+etc\.?$/i, '');
	const subOf = cell.match(/^(\d+)\s*\(code\s+([^)]*)\)$/i);
	if (subOf) {
		const subcode = toInt(subOf[1]);
		for (const c of subOf[2].match(/-?\d+/g) || []) out.pairs.push([toInt(c), subcode]);
		return out;
	}
	for (const part of cell.split(',').map((p) => p.trim()).filter(Boolean)) {
		let m;
		if ((m = part.match(/^(-?\d+)\s*\((\d+)\)$/))) {
			out.pairs.push([toInt(m[1]), toInt(m[2])]);
		} else if ((m = part.match(/^(\d+)\s*[–—]\s*(\d+)$/)) || (m = part.match(/^(\d+)-(\d+)$/))) {
			out.ranges.push([toInt(m[1]), toInt(m[2])]);
		} else if (/^-?\d+(\s*\/\s*-?\d+)*$/.test(part)) {
			const nums = part.split('/').map((n) => toInt(n.trim()));
			const code = nums[0];
			out.codes.push(code);
			for (const n of nums.slice(1)) {
				if (isSubcodeSized(n)) out.pairs.push([code, n]);
				else out.codes.push(n);
			}
		} else {
			return null;
		}
	}
	return out.codes.length + out.pairs.length + out.ranges.length ? out : null;
}

/** Everything the reference tables name, tagged with the section it comes from. */
function extractReference() {
	const items = []; // { section, kind: 'code'|'pair'|'range', code, subcode?, codeTo?, row }
	const skipped = []; // { section, row }
	const tableCounts = {};
	for (const section of SECTIONS) {
		tableCounts[section] = 0;
		for (const table of tablesOf(sectionText(section))) {
			const first = clean(table.header[0]).toLowerCase();
			const add = (item, row) => items.push({ section, row: row.join(' | '), ...item });
			if (first === 'subcode') {
				const parent = table.before.match(/Code\s+(\d+)/);
				if (!parent) throw new Error(`§${section}: subcode table without a parent code line`);
				const code = toInt(parent[1]);
				tableCounts[section]++;
				for (const row of table.rows) {
					const cell = clean(row[0]);
					if (/^\(none\)$/i.test(cell)) add({ kind: 'code', code }, row);
					else if (/^\d+$/.test(cell)) add({ kind: 'pair', code, subcode: toInt(cell) }, row);
					else skipped.push({ section, row: row.join(' | ') });
				}
				continue;
			}
			if (!first.includes('code')) {
				for (const row of table.rows) skipped.push({ section, row: row.join(' | ') });
				continue;
			}
			tableCounts[section]++;
			for (const row of table.rows) {
				const parsed = parseCodeCell(row[0]);
				if (!parsed) {
					skipped.push({ section, row: row.join(' | ') });
					continue;
				}
				for (const code of parsed.codes) add({ kind: 'code', code }, row);
				for (const [code, subcode] of parsed.pairs) {
					add({ kind: 'pair', code, subcode }, row);
					add({ kind: 'code', code }, row);
				}
				for (const [code, codeTo] of parsed.ranges) add({ kind: 'range', code, codeTo }, row);
				const meaning = row[1] || '';
				const rowCode = parsed.codes[0] ?? (parsed.pairs[0] || [])[0];
				for (const m of meaning.matchAll(/subcode\s+\**(\d+)\**/gi)) {
					if (rowCode !== undefined) add({ kind: 'pair', code: rowCode, subcode: toInt(m[1]) }, row);
				}
				for (const m of clean(meaning).matchAll(/(?<![\d.])(\d{6,})(?![\d.])/g)) {
					add({ kind: 'code', code: toInt(m[1]) }, row);
				}
			}
		}
	}
	return { items, skipped, tableCounts };
}

const reference = extractReference();
const codeItems = reference.items.filter((i) => i.kind === 'code');
const pairItems = reference.items.filter((i) => i.kind === 'pair');
const rangeItems = reference.items.filter((i) => i.kind === 'range');
const uniq = (arr, key) => [...new Map(arr.map((x) => [key(x), x])).values()];

const covers = (entry, code) =>
	entry.codeTo === undefined ? entry.code === code : code >= entry.code && code <= entry.codeTo;

// ───────────── tests ─────────────

describe('reference parsing', () => {
	test('every section has at least one error table', () => {
		const missing = SECTIONS.filter((section) => !(reference.tableCounts[section] >= 1));
		expect(missing).toEqual([]);
	});

	test('extracts the expected amount of codes (guards against a silently broken parser)', () => {
		expect(uniq(codeItems, (i) => i.code).length).toBeGreaterThanOrEqual(90);
		expect(uniq(pairItems, (i) => `${i.code}/${i.subcode}`).length).toBeGreaterThanOrEqual(55);
		expect(uniq(rangeItems, (i) => `${i.code}-${i.codeTo}`).map((r) => `${r.code}-${r.codeTo}`).sort()).toEqual(
			['133000-133016', '200-299', '80000-80014', '80010-80013'].sort(),
		);
		// a few tricky cells
		const has = (code, subcode) =>
			reference.items.some((i) => i.code === code && (subcode === undefined ? i.kind === 'code' : i.subcode === subcode));
		expect(has(-2, 2207003)).toBe(true);
		expect(has(100, 2534025)).toBe(true);
		expect(has(10, 2534025)).toBe(true);
		expect(has(17, 2446079)).toBe(true);
		expect(has(80006)).toBe(true);
		expect(has(131053)).toBe(true);
		expect(has(2388299)).toBe(true);
		expect(has(133010)).toBe(true);
		expect(has(100, 33)).toBe(true);
		expect(has(190, 492)).toBe(true);
		expect(has(190)).toBe(true);
	});

	test('only the documented rows are skipped', () => {
		const skipped = reference.skipped.map((s) => `${s.section}: ${clean(s.row.split('|')[0])}`).sort();
		expect(skipped).toEqual(
			[
				'Ads Insights',
				'Ads Management',
				'Custom Audience',
				'Instagram Platform',
				'LeadGen',
				'Messenger',
				'Pages (page/system-user token)',
				'WhatsApp Business Management',
			]
				.map((u) => `7.3: ${u}`)
				.sort(),
		);
	});
});

describe('catalog covers the reference', () => {
	test.each(uniq(codeItems, (i) => i.code).map((i) => [i.code, i.section, i.row]))(
		'code %p (§%s) resolves',
		(code) => {
			const entry = findMetaError(code);
			expect(entry).toBeDefined();
			expect(covers(entry, code)).toBe(true);
		},
	);

	test.each(uniq(pairItems, (i) => `${i.code}/${i.subcode}`).map((i) => [i.code, i.subcode, i.section]))(
		'code %p / subcode %p (§%s) has its own entry',
		(code, subcode) => {
			const entry = findMetaError(code, subcode);
			expect(entry).toBeDefined();
			expect(entry.code).toBe(code);
			expect(entry.subcode).toBe(subcode);
		},
	);

	test.each(uniq(rangeItems, (i) => `${i.code}-${i.codeTo}`).map((i) => [i.code, i.codeTo, i.section]))(
		'every code of range %p–%p (§%s) resolves',
		(from, to) => {
			for (let code = from; code <= to; code++) {
				const entry = findMetaError(code);
				if (!entry || !covers(entry, code)) throw new Error(`code ${code} of range ${from}–${to} has no entry`);
			}
		},
	);

	test('every catalog entry comes from a row of its source section', () => {
		const problems = [];
		for (const e of META_ERROR_CATALOG) {
			if (e.beyondReference) continue; // rows Meta does not document, with their public source
			const matches = reference.items.filter((i) => {
				if (e.codeTo !== undefined) return i.kind === 'range' && i.code === e.code && i.codeTo === e.codeTo;
				if (e.subcode !== undefined) return i.kind === 'pair' && i.code === e.code && i.subcode === e.subcode;
				return i.kind === 'code' && i.code === e.code;
			});
			if (!matches.length) problems.push(`${e.code}${e.subcode !== undefined ? '/' + e.subcode : ''}: not in the reference tables`);
			else if (!matches.some((m) => m.section === e.source))
				problems.push(`${e.code}/${e.subcode}: source ${e.source} but found in ${[...new Set(matches.map((m) => m.section))]}`);
		}
		expect(problems).toEqual([]);
	});
});

describe('catalog entries are well formed', () => {
	test('exports a frozen, non-empty catalog', () => {
		expect(Array.isArray(META_ERROR_CATALOG)).toBe(true);
		expect(META_ERROR_CATALOG.length).toBeGreaterThan(100);
		expect(Object.isFrozen(META_ERROR_CATALOG)).toBe(true);
	});

	test('(code, subcode) keys and ranges are unique', () => {
		const keys = META_ERROR_CATALOG.map((e) => (e.codeTo !== undefined ? `${e.code}-${e.codeTo}` : `${e.code}/${e.subcode ?? ''}`));
		expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
	});

	test.each(META_ERROR_CATALOG.map((e) => [e.code, e.subcode ?? e.codeTo ?? '-', e]))('entry %p %p', (_c, _s, e) => {
		expect(Number.isInteger(e.code)).toBe(true);
		if (e.subcode !== undefined) expect(Number.isInteger(e.subcode)).toBe(true);
		if (e.codeTo !== undefined) {
			expect(Number.isInteger(e.codeTo)).toBe(true);
			expect(e.codeTo).toBeGreaterThan(e.code);
			expect(e.subcode).toBeUndefined();
		}
		expect(CATEGORIES).toContain(e.category);
		expect(SECTIONS).toContain(e.source);
		expect(typeof e.retryable).toBe('boolean');
		if (e.retryable) expect(['retry_later', 'quota']).toContain(e.category);
		expect(typeof e.title).toBe('string');
		expect(e.title.length).toBeGreaterThan(3);
		expect(e.title.length).toBeLessThanOrEqual(60);

		const s = e.sentence;
		expect(typeof s).toBe('string');
		expect(s).toBe(s.trim());
		expect(s).toMatch(/^[A-Z]/); // starts like a sentence
		expect(s).toMatch(/[^.]\.$/); // ends with exactly one period
		expect(s).not.toMatch(/[.!?]\s/); // no second sentence
		expect(s).not.toMatch(/[!?]/);
		expect(s).not.toMatch(/\n/);
		// no tokens or secrets
		expect(s).not.toMatch(/EAA|IGAA/);
		expect(s).not.toMatch(/access_token=/i);
		// no trailing reference codes; the caller adds code/subcode/fbtrace_id
		expect(s).not.toMatch(/\(#?-?\d+(\s*\/\s*\d+)?\)\.$/);
		expect(s).not.toMatch(/fbtrace|subcode|error code/i);
		// no API jargon or raw parameter names
		expect(s).not.toMatch(/\b(IGSID|WABA|BUC|OAuth|Graph API|container|endpoint)\b/i);
		expect(s).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
	});
});

describe('categories follow the reference', () => {
	test.each([
		[190, 463, 'reconnect'],
		[190, undefined, 'reconnect'],
		[100, 2207028, 'fix_configuration'],
		[9, 2207042, 'quota'],
		[130429, undefined, 'quota'],
		[2, undefined, 'retry_later'],
		[368, undefined, 'policy'],
		[80004, undefined, 'quota'],
		[131047, undefined, 'fix_configuration'],
		[4, 2207051, 'policy'],
		[0, undefined, 'reconnect'],
		[131056, undefined, 'quota'],
		[131000, undefined, 'retry_later'],
	])('%p / %p is %s', (code, subcode, category) => {
		expect(findMetaError(code, subcode).category).toBe(category);
	});

	test('throttles and transient errors are retryable, auth and configuration errors are not', () => {
		for (const [code, subcode] of [[1], [2], [4], [17], [32], [341], [613], [80000], [130429], [131000], [131016], [4, 1504022]])
			expect([code, subcode, findMetaError(code, subcode).retryable]).toEqual([code, subcode, true]);
		for (const [code, subcode] of [[190], [190, 463], [102], [10], [200], [100], [506], [131047], [132000]])
			expect([code, subcode, findMetaError(code, subcode).retryable]).toEqual([code, subcode, false]);
	});
});

describe('findMetaError: most specific match first', () => {
	test('code + subcode beats the code alone', () => {
		const generic = findMetaError(4);
		const spam = findMetaError(4, 2207051);
		expect(generic.subcode).toBeUndefined();
		expect(spam.subcode).toBe(2207051);
		expect(spam).not.toBe(generic);
		expect(spam.category).not.toBe(generic.category);
		expect(findMetaError(4, 1504022).subcode).toBe(1504022);
	});

	test('an unknown subcode falls back to the code entry', () => {
		expect(findMetaError(4, 123)).toBe(findMetaError(4));
		expect(findMetaError(190, 999)).toBe(findMetaError(190));
		expect(findMetaError(9004, 42).code).toBe(9004);
	});

	test('a code entry beats a range, and a range covers the rest', () => {
		expect(findMetaError(80004).codeTo).toBeUndefined();
		expect(findMetaError(80004, 2446079).subcode).toBe(2446079);
		expect(findMetaError(80011).codeTo).toBe(80014);
		expect(findMetaError(80011, 2446079).codeTo).toBe(80014);
		expect(findMetaError(250).codeTo).toBe(299);
		expect(findMetaError(133010).codeTo).toBeUndefined();
		expect(findMetaError(133005).codeTo).toBe(133016);
	});

	test('unknown codes return undefined', () => {
		expect(findMetaError(424242)).toBeUndefined();
		expect(findMetaError(Number.NaN)).toBeUndefined();
		expect(findMetaError(300)).toBeUndefined();
	});
});
