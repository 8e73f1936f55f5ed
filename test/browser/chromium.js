'use strict';
/**
 * Debian's headless Chromium (`apt-get install chromium`) driven by playwright-core. playwright-core never
 * downloads a browser; we point it at /usr/bin/chromium. A missing browser is an error, never a skip.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags from shared/n8n-notes.md: no sandbox (root in a container), nothing that phones home.
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Starts Chromium with a fresh, empty profile; resolves to { context, close }. `context` is a persistent context,
 * so popups (n8n's OAuth window) open in it and share its cookies.
 */
async function launchChromium({ viewport = { width: 1440, height: 900 } } = {}) {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium)`);
	}
	const { chromium, selectors } = require('playwright-core');
	// n8n's editor marks its elements with data-test-id (playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'meta-business-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport,
	});
	return {
		context,
		async close() {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { launchChromium, CHROMIUM };
