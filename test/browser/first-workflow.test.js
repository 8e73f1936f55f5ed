'use strict';
// The README's "Your first workflow → Post on Instagram", done in the real n8n 2.41.1 editor in headless Chromium as a
// newcomer does it: create the credential from the Credentials page, add a Manual Trigger and an Instagram Business
// node from the node panel, pick the account from the list, fill in the image and caption, Execute step. Against the
// sandbox's production defaults. Also: the node panel finds the package by the words people search for.
// Screenshots: test/artifacts/browser/first-workflow-*.png (kept as artifacts).
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const { packPackage, startN8n } = require('../e2e/n8n-instance');
const { launchChromium } = require('./chromium');
const { screenshot, onFailureCapture } = require('./artifacts');
const editor = require('./n8n-editor');

const PROVISION_TIMEOUT = 45 * 60 * 1000;
jest.setTimeout(5 * 60 * 1000);

const say = (line) => process.stderr.write(`[browser first workflow] ${line}\n`);
let sb;
let n8n;
let tarball;
let browser;
let page;
const capture = (name, fn) => onFailureCapture(browser.context, name, fn);

beforeAll(async () => {
	sb = createSandbox();
	await sb.start();
	tarball = await packPackage({ log: say });
	n8n = await startN8n({ tarball, log: say });
	browser = await launchChromium();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await capture('first-workflow-sign-in', () => editor.signIn(page, n8n));
}, PROVISION_TIMEOUT);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop({ removeUserFolder: true });
	await sb?.stop();
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 60000);

test.each([
	['facebook', ['Meta Trigger', 'Meta Ads', 'Instagram Business']],
	['lead', ['Meta Trigger']],
	['IG', ['Instagram Business']],
	['GDPR', ['Meta App Compliance Trigger']],
])('searching the node panel for "%s" finds %j', async (words, expected) => {
	await capture(`first-workflow-search-${words}`, async () => {
		await editor.openNewWorkflow(page, n8n);
		const panel = await editor.searchNodePanel(page, words);
		const names = await editor.eventually(async () => {
			const shown = await panel.getByTestId('node-creator-item-name').allInnerTexts();
			for (const name of expected) if (!shown.includes(name)) throw new Error(`"${words}" shows ${shown.join(', ')}`);
			return shown;
		});
		expect(names).toEqual(expect.arrayContaining(expected));
	});
});

test("the README's first Instagram workflow: credential, Manual Trigger, Publish an image, one post with its permalink", async () => {
	const { tokens, app } = sb.seedResult;
	await capture('first-workflow-credential', async () => {
		const select = await editor.openCredentialTypePicker(page, n8n);
		await editor.credentialTypesMatching(page, select, 'Meta Access Token');
		await page.getByTestId('new-credential-type-select-option').filter({ hasText: 'Meta Access Token API' }).click();
		await page.getByTestId('new-credential-type-button').click();
		const modal = editor.credentialModal(page);
		await modal.waitFor({ timeout: editor.UI_TIMEOUT });
		await editor.fillCredentialField(modal, 'accessToken', tokens.adaUser);
		await editor.fillCredentialField(modal, 'appId', app.id);
		await editor.fillCredentialField(modal, 'appSecret', app.secret);
		// The one field a real user leaves empty: it points the credential at the local sandbox instead of Meta.
		await editor.fillCredentialField(modal, 'baseUrlOverride', sb.url);
		await modal.getByTestId('credential-save-button').click();
		await modal.getByText('Connection tested successfully').waitFor({ timeout: editor.UI_TIMEOUT });
		await screenshot(page, 'first-workflow-1-credential-tested');
		await editor.closeDialog(modal);
	});

	const caption = `Our first post from n8n ${Date.now()}`;
	const ndv = page.getByTestId('ndv');
	await capture('first-workflow-nodes', async () => {
		await editor.openNewWorkflow(page, n8n);
		let panel = await editor.searchNodePanel(page, 'Manual');
		// The panel names it "Trigger manually" in its trigger list and "Manual Trigger" in search results.
		await panel
			.getByTestId('item-iterator-item')
			.filter({ has: page.getByTestId('node-creator-item-name').getByText(/^(Trigger manually|Manual Trigger)$/) })
			.first()
			.click();
		panel = await editor.searchNodePanel(page, 'Instagram Business');
		await editor.panelItem(panel, 'Instagram Business').click();
		await editor.panelItem(panel, 'Publish a media item').click();
		await ndv.waitFor({ timeout: editor.UI_TIMEOUT });
		// n8n picks the only credential of the node's type by itself.
		await expect(ndv.getByTestId('node-credentials-select').locator('input').first().inputValue()).resolves.toContain('Meta Access Token account');
		await screenshot(page, 'first-workflow-2-node-added');

		await ndv.getByTestId('resource-locator-account').getByTestId('rlc-input').click();
		await page.getByTestId('rlc-item').filter({ hasText: '@adas.shop' }).click();
		await ndv.getByTestId('parameter-input-imageUrl').locator('input').fill('https://cdn.example.com/first-post.jpg');
		await ndv.getByTestId('parameter-input-caption').locator('textarea').fill(caption);
		await screenshot(page, 'first-workflow-3-filled-in');
	});

	await capture('first-workflow-execute', async () => {
		await ndv.getByTestId('node-execute-button').click();
		const output = ndv.getByTestId('output-panel');
		await output.getByTestId('radio-button-json').click({ timeout: 3 * 60 * 1000 });
		const json = await editor.eventually(async () => {
			const text = await output.innerText();
			if (!text.includes('permalink')) throw new Error(`no output yet: ${text.slice(0, 200)}`);
			return text;
		}, { timeout: 3 * 60 * 1000 });
		await screenshot(page, 'first-workflow-4-executed');
		expect(json).toMatch(/"published":\s*true/);
		expect(json).toMatch(/"permalink":\s*"https:\/\/www\.instagram\.com\/p\//);
	});

	// Exactly one publish reached Meta, with the caption typed in the editor.
	const creates = sb.admin.calls().filter((c) => c.method === 'POST' && /\/media$/.test(c.path) && c.status === 200);
	const publishes = sb.admin.calls().filter((c) => c.method === 'POST' && /\/media_publish$/.test(c.path) && c.status === 200);
	expect(publishes).toHaveLength(1);
	expect(creates.filter((c) => c.body?.caption === caption)).toHaveLength(1);

	// A node added from the panel gets the newest version (docs/versions.md): the execution ran Instagram Business 2.
	await n8n.login();
	const [latest] = await n8n.listExecutions();
	const { workflowData } = await n8n.getExecution(latest.id);
	expect(workflowData.nodes.find((node) => node.type.endsWith('.instagramBusiness')).typeVersion).toBe(2);
});
