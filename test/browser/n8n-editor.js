'use strict';
/**
 * What a person does in n8n 2.41.1's editor, as playwright-core steps. Selectors are the editor's own
 * `data-test-id`s (read from its DOM), so a change in n8n's UI shows up here as a clear timeout.
 */
const { OWNER } = require('../e2e/n8n-instance');

const UI_TIMEOUT = 60000; // the editor's first load of a page in headless Chromium on 2 cores takes a few seconds

/** The sign-in form (/signin); resolves once the editor has left it. */
async function signIn(page, n8n, owner = OWNER) {
	await page.goto(`${n8n.url}/signin`, { timeout: UI_TIMEOUT });
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: UI_TIMEOUT });
}

const THEME_LABELS = { light: 'Light theme', dark: 'Dark theme', system: 'System default' };

/**
 * Settings → Personal → Personalisation → Theme, then Save. n8n 2.41 keeps the choice in the browser
 * (localStorage `N8N_THEME`) and sets `data-theme` on <body>; `?theme=` in the URL overrides it per page.
 */
async function chooseTheme(page, n8n, theme) {
	await page.goto(`${n8n.url}/settings/personal`);
	const select = page.getByTestId('theme-select');
	await select.waitFor({ timeout: UI_TIMEOUT });
	const current = await page.evaluate(() => localStorage.getItem('N8N_THEME') ?? 'system');
	if (current !== theme) {
		await select.click();
		await page.getByRole('option', { name: THEME_LABELS[theme], exact: true }).click();
		await page.getByTestId('save-settings-button').click();
	}
	if (theme !== 'system') {
		await page.waitForFunction((t) => document.body.getAttribute('data-theme') === t, theme, { timeout: UI_TIMEOUT });
	}
}

/** A new, empty workflow in the editor; resolves to its id (n8n 2.41 names it at once and autosaves it once changed). */
async function openNewWorkflow(page, n8n) {
	await page.goto(`${n8n.url}/workflow/new`, { timeout: UI_TIMEOUT });
	// /workflow/new redirects to /workflow/<id>?new=true once the editor has made the workflow.
	await page.waitForURL((url) => /^\/workflow\/(?!new$)[^/]+/.test(url.pathname), { timeout: UI_TIMEOUT });
	await page.getByTestId('node-creator-plus-button').waitFor({ timeout: UI_TIMEOUT });
	return workflowIdOf(page);
}

function workflowIdOf(page) {
	const match = new URL(page.url()).pathname.match(/\/workflow\/([^/]+)/);
	if (!match || match[1] === 'new') throw new Error(`not on a saved workflow: ${page.url()}`);
	return match[1];
}

async function openWorkflow(page, n8n, workflowId) {
	await page.goto(`${n8n.url}/workflow/${workflowId}`, { timeout: UI_TIMEOUT });
	await page.getByTestId('canvas-node').first().waitFor({ timeout: UI_TIMEOUT });
}

/** Opens the node panel (the canvas's + button) and searches; resolves to the panel's locator. */
async function searchNodePanel(page, text) {
	await page.getByTestId('node-creator-plus-button').click();
	const panel = page.getByTestId('node-creator');
	await panel.getByTestId('node-creator-search-bar').fill(text);
	return panel;
}

/** An entry of the node panel by its exact name: a node, or an action inside a node's page. */
function panelItem(panel, name) {
	return panel.getByTestId('item-iterator-item').filter({ has: panel.page().getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
}

/** The node on the canvas (`data-node-type` is the package-qualified type name). */
function canvasNode(page, nodeType) {
	return page.locator(`[data-test-id="canvas-node"][data-node-type="${nodeType}"]`);
}

/**
 * Waits until an <img> has loaded (or failed) and reports what the browser got: naturalWidth is 0 for an image
 * that did not load or did not decode, which is how a broken or missing SVG shows.
 */
async function loadedImage(img) {
	await img.waitFor({ timeout: UI_TIMEOUT });
	return await img.evaluate(
		(el) =>
			new Promise((resolve) => {
				const report = () => resolve({ src: el.currentSrc || el.src, naturalWidth: el.naturalWidth, naturalHeight: el.naturalHeight });
				if (el.complete) report();
				else {
					el.addEventListener('load', report, { once: true });
					el.addEventListener('error', report, { once: true });
				}
			}),
	);
}

/** Retries an async assertion until it passes or `timeout` ms have gone by (then its last error is thrown). */
async function eventually(assertion, { timeout = 15000, interval = 250 } = {}) {
	const deadline = Date.now() + timeout;
	for (;;) {
		try {
			return await assertion();
		} catch (err) {
			if (Date.now() > deadline) throw err;
			await new Promise((resolve) => setTimeout(resolve, interval));
		}
	}
}

/** The credential modal (new or existing credential). */
function credentialModal(page) {
	return page.getByTestId('editCredential-modal');
}

/** Types into a credential field by its parameter name (clientId, clientSecret, baseUrlOverride…). */
async function fillCredentialField(modal, name, value) {
	const input = modal.getByTestId(`parameter-input-${name}`).locator('input');
	await input.fill(value);
}

/** The line under the credential's name in the modal's header: the credential type's display name. */
async function credentialTypeShown(modal) {
	const header = modal.getByTestId('credential-name').locator('xpath=../..');
	return (await header.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Credentials page → Create credential → the type picker; resolves to the picker's select. */
async function openCredentialTypePicker(page, n8n) {
	await page.goto(`${n8n.url}/home/credentials`, { timeout: UI_TIMEOUT });
	await page.getByTestId('add-resource-credential').click();
	const select = page.getByTestId('new-credential-type-select');
	await select.waitFor({ timeout: UI_TIMEOUT });
	return select;
}

/** Types `text` into the type picker's filter; resolves to the names it then offers. */
async function credentialTypesMatching(page, select, text) {
	const input = select.locator('input');
	// The filter input is read-only until the dropdown is open; a click on an open one would close it.
	if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
	await input.fill(text);
	const options = page.getByTestId('new-credential-type-select-option');
	return await eventually(async () => {
		const names = (await options.allInnerTexts()).map((t) => t.trim());
		if (!names.length || !names.every((name) => name.toLowerCase().includes(text.toLowerCase()))) {
			throw new Error(`the type picker has not filtered on "${text}" yet: ${names.join(', ')}`);
		}
		return names;
	});
}

/** Closes an element-plus dialog (the credential modal, the type picker) with its × button. */
async function closeDialog(dialog) {
	await dialog.locator('.el-dialog__headerbtn').first().click();
	await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

module.exports = {
	UI_TIMEOUT,
	signIn,
	chooseTheme,
	openNewWorkflow,
	openWorkflow,
	workflowIdOf,
	searchNodePanel,
	panelItem,
	canvasNode,
	loadedImage,
	eventually,
	credentialModal,
	fillCredentialField,
	credentialTypeShown,
	openCredentialTypePicker,
	credentialTypesMatching,
	closeDialog,
};
