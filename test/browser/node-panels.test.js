'use strict';
// Every node of the package opened in the real n8n 2.41.1 editor (headless Chromium): its parameters panel shows the
// fields a builder starts with. n8n's editor hides parameters it takes for authentication fields (any field a
// credential's displayOptions depend on), which once hid a node's Resource and Operation; this catches that for
// every node. Screenshots: test/artifacts/browser/panel-<node>.png.
const fs = require('fs');
const path = require('path');
const { packPackage, startN8n, PACKAGE_NAME } = require('../e2e/n8n-instance');
const { launchChromium } = require('./chromium');
const { screenshot, onFailureCapture } = require('./artifacts');
const editor = require('./n8n-editor');

const PROVISION_TIMEOUT = 45 * 60 * 1000;
jest.setTimeout(5 * 60 * 1000);

/** Node name → the parameters its panel must show with the node's defaults. */
const FIRST_FIELDS = {
	instagramBusiness: ['resource', 'operation', 'account'],
	whatsAppCloud: ['resource', 'operation', 'wabaId', 'phoneNumberId'],
	metaAds: ['resource', 'operation'],
	metaMessenger: ['resource', 'operation', 'page', 'recipientId'],
	metaConversionsApi: ['resource', 'operation', 'pixel', 'eventName'],
	metaSetupDoctor: ['resource', 'operation', 'warnDays', 'checkApp'],
	instagramBusinessTrigger: ['loginType', 'events', 'subscribe'],
	whatsAppCloudTrigger: ['events', 'subscribe'],
	metaTrigger: ['object', 'fields', 'subscribe'],
	metaComplianceTrigger: ['statusUrl'],
};

const say = (line) => process.stderr.write(`[browser panels] ${line}\n`);
let n8n;
let tarball;
let browser;
let page;

beforeAll(async () => {
	tarball = await packPackage({ log: say });
	n8n = await startN8n({ tarball, log: say });
	browser = await launchChromium();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await onFailureCapture(browser.context, 'panels-sign-in', () => editor.signIn(page, n8n));
}, PROVISION_TIMEOUT);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop({ removeUserFolder: true });
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 60000);

test('the package declares a panel check for each of its nodes', () => {
	const { nodeTypes } = require('../harness/package-types').loadPackageTypes();
	expect(Object.keys(nodeTypes).map((type) => type.split('.')[1]).sort()).toEqual(Object.keys(FIRST_FIELDS).sort());
});

test.each(Object.entries(FIRST_FIELDS))('%s: the parameters panel shows its first fields and a credential slot', async (name, fields) => {
	const type = `${PACKAGE_NAME}.${name}`;
	await onFailureCapture(browser.context, `panel-${name}`, async () => {
		const workflow = await n8n.createWorkflow({
			name: `Panel ${name}`,
			nodes: [{ id: 'n1', name: 'Node under test', type, typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
		});
		await editor.openWorkflow(page, n8n, workflow.id);
		await editor.canvasNode(page, type).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor({ timeout: editor.UI_TIMEOUT });
		const parameters = ndv.getByTestId('node-parameters');
		await parameters.getByTestId('credentials-label').first().waitFor({ timeout: editor.UI_TIMEOUT });
		for (const field of fields) {
			await expect(parameters.getByTestId(`parameter-input-${field}`).first().isVisible()).resolves.toBe(true);
		}
		await screenshot(page, `panel-${name}`);
		await page.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	});
});
