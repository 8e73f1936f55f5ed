'use strict';
// Listen for Test Event with a version-2 trigger in the real n8n 2.41.1 editor (headless Chromium): the published
// workflow's Production URL is subscribed; listening points Meta (the sandbox) at the Test URL; a sandbox event
// appears in the editor; when listening ends Meta calls the Production URL again, and a production delivery runs the
// published workflow. Screenshots: test/artifacts/browser/trigger-listen-*.png. Nothing is skipped.
const events = require('../sandbox/products/events');
const { routeDelivery } = require('../sandbox/products/subscriptions');
const { createInstagramTriggerWorkflow } = require('../e2e/instagram-trigger-workflow');
const { useN8nWithSandbox } = require('../e2e/use-n8n');
const { launchChromium } = require('./chromium');
const { screenshot, onFailureCapture } = require('./artifacts');
const editor = require('./n8n-editor');

const env = useN8nWithSandbox('browser trigger');
jest.setTimeout(5 * 60 * 1000);
let browser;
let page;
const capture = (name, fn) => onFailureCapture(browser.context, name, fn);

beforeAll(async () => {
	// Why: this n8n listens on http://127.0.0.1, and Meta (the sandbox's default) calls only HTTPS callbacks.
	env.sb.admin.settings({ webhookAllowHttpLoopbackCallbacks: true });
	browser = await launchChromium();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await editor.signIn(page, env.n8n);
}, 60000);

afterAll(async () => {
	await browser?.close();
}, 60000);

const callback = () => env.sb.state.appSubscriptions.get(env.sb.seedResult.app.id)?.get('instagram')?.callback_url;
const comment = (text) => ({ object: 'instagram', targetId: env.sb.seedResult.page.id, field: 'comments', payload: events.envelope.instagram(events.instagram.comment(text)) });

test('Listen for Test Event: the event appears in the editor, then Meta calls the Production URL again and production runs', async () => {
	const { sb, n8n } = env;
	const { workflow, webhookId } = await createInstagramTriggerWorkflow(n8n, sb, { name: 'Listen for a test comment', events: ['comment'], typeVersion: 2 });
	await n8n.activateWorkflow(workflow.id);
	const productionUrl = `${n8n.url}/webhook/${webhookId}/meta`;
	const testUrl = `${n8n.url}/webhook-test/${webhookId}/meta`;
	expect(callback()).toBe(productionUrl);

	await capture('trigger-listen', async () => {
		await editor.openWorkflow(page, n8n, workflow.id);
		await page.getByTestId('execute-workflow-button').click();
		// The event goes out the moment Meta points at the Test URL, as Meta may send it: possibly before n8n has kept
		// what the trigger's create recorded. The trigger then answers 503 and Meta's redelivery is the one that runs.
		await editor.eventually(() => expect(callback()).toBe(testUrl), { timeout: 30000, interval: 5 });
		const sent = await routeDelivery(sb.state, sb.webhooks, comment('Seen in the editor'));
		expect(sent).toMatchObject({ delivered: true, url: testUrl, status: 200 });
		await screenshot(page, 'trigger-listen-1-received');
		// One test event ends the listening: n8n runs the trigger's delete for the Test URL, which puts production back.
		await editor.eventually(() => expect(callback()).toBe(productionUrl), { timeout: 60000 }).catch((error) => {
			const calls = sb.admin.calls({}).filter((c) => /subscri/.test(c.path)).map((c) => `${c.method} ${c.path} ${c.status}`);
			throw new Error(`${error.message}\nsandbox subscription calls:\n${calls.join('\n')}\nattempts: ${JSON.stringify(sent.deliveries.map((d) => d.status))}\nn8n log:\n${n8n.logTail(60)}`);
		});
		// The run shows in the editor: the node's output panel holds the comment (opened once listening has ended).
		await editor.canvasNode(page, 'n8n-nodes-meta-business.instagramBusinessTrigger').dblclick();
		const ndv = page.getByTestId('ndv');
		await editor.eventually(async () => expect(await ndv.innerText()).toContain('Seen in the editor'), { timeout: 30000 });
		await screenshot(page, 'trigger-listen-2-event-in-editor');
	});
	expect(callback()).toBe(productionUrl);

	const before = (await n8n.listExecutions(workflow.id)).length;
	const production = await routeDelivery(sb.state, sb.webhooks, comment('Back in production'));
	expect(production).toMatchObject({ delivered: true, url: productionUrl, status: 200 });
	const executions = await editor.eventually(async () => {
		const list = await n8n.listExecutions(workflow.id);
		expect(list.length).toBe(before + 1);
		return list;
	});
	const run = await n8n.waitForExecution(executions[0].id);
	expect(run.mode).toBe('webhook');
	expect(n8n.nodeOutput(run, 'Instagram Business Trigger').map((i) => i.text)).toEqual(['Back in production']);
});

test('added from the node panel, the trigger is version 2: Subscribe Automatically on, and the notice says to publish first and that Meta needs HTTPS', async () => {
	await capture('trigger-add', async () => {
		await editor.openNewWorkflow(page, env.n8n);
		// The panel lists the app ("Instagram Business"); its page offers one trigger entry per event ("On new comment").
		const panel = await editor.searchNodePanel(page, 'Instagram Business');
		await editor.panelItem(panel, 'Instagram Business').click();
		await panel.getByTestId('node-creator-item-name').getByText('On new comment', { exact: true }).click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor({ timeout: editor.UI_TIMEOUT });
		const parameters = ndv.getByTestId('node-parameters');
		await expect(parameters.getByTestId('parameter-input-subscribe').locator('.el-switch').getAttribute('class')).resolves.toContain('is-checked');
		const text = await parameters.innerText();
		expect(text).toContain('Publish this workflow to start receiving');
		expect(text).toContain('Meta calls only HTTPS URLs');
		await screenshot(page, 'trigger-listen-0-added');
	});
});
