'use strict';
/** Screenshots of the browser tests, kept as artifacts under test/artifacts/browser/ (git-ignored). */
const fs = require('fs');
const path = require('path');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'browser');

/** Saves a PNG of the page (the visible viewport) as `<name>.png`; resolves to its path. */
async function screenshot(page, name) {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const file = path.join(ARTIFACTS, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

/**
 * Runs `fn`; if it throws, saves `FAILED-<name>.png` of every open page and the data-test-ids on screen, so a
 * failing UI step can be read from the artifacts, then rethrows.
 */
async function onFailureCapture(context, name, fn) {
	try {
		return await fn();
	} catch (err) {
		const pages = context.pages();
		for (const [i, page] of pages.entries()) {
			const suffix = pages.length > 1 ? `-${i}` : '';
			await screenshot(page, `FAILED-${name}${suffix}`).catch(() => {});
			const ids = await visibleTestIds(page).catch(() => []);
			fs.writeFileSync(path.join(ARTIFACTS, `FAILED-${name}${suffix}.txt`), `${page.url()}\n${ids.join('\n')}\n`);
		}
		throw err;
	}
}

/** The data-test-id of every visible element, in document order: what a test can address right now. */
async function visibleTestIds(page) {
	return await page.evaluate(() =>
		[...document.querySelectorAll('[data-test-id]')]
			.filter((el) => el.getClientRects().length > 0)
			.map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute('data-test-id')}${el.children.length ? '' : ` "${el.textContent.trim().slice(0, 60)}"`}`),
	);
}

module.exports = { ARTIFACTS, screenshot, onFailureCapture, visibleTestIds };
