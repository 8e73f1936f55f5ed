'use strict';
// n8n's own OAuth2 flow, end to end in a browser: a Meta OAuth2 API credential is created in the real n8n 2.41.1
// editor, Connect opens the (sandbox) Facebook Login consent page in a popup, Ada allows, n8n's callback
// exchanges the code and stores the token; the Setup Doctor then runs with that credential. As at Meta, the login
// redirects only to a URI registered on the app, and the person shares only the Page they tick.
// Screenshots: test/artifacts/browser/oauth-*.png. Nothing is skipped: no Chromium or no n8n is a failure.
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const { packPackage, startN8n, PACKAGE_NAME } = require('../e2e/n8n-instance');
const { launchChromium } = require('./chromium');
const { screenshot, onFailureCapture } = require('./artifacts');
const editor = require('./n8n-editor');

const PROVISION_TIMEOUT = 45 * 60 * 1000; // a fresh machine provisions n8n in beforeAll (see test/e2e)
jest.setTimeout(5 * 60 * 1000);

const SIXTY_DAYS = 60 * 86400;
const say = (line) => process.stderr.write(`[browser] ${line}\n`);
let sb;
let n8n;
let tarball;
let browser;
let page;
let credentialId;
const capture = (name, fn) => onFailureCapture(browser.context, name, fn);

beforeAll(async () => {
	sb = createSandbox();
	await sb.start();
	// Meta's server-side code exchange usually returns a 60-day token; the sandbox's default is a short-lived one.
	sb.admin.settings({ codeExchangeLongLived: true });
	tarball = await packPackage({ log: say });
	// startN8n sets N8N_EDITOR_BASE_URL and N8N_WEBHOOK_URL to http://127.0.0.1:<port>/, the URL the browser
	// uses: n8n builds the OAuth redirect URL from it and its callback must land in the same browser session.
	n8n = await startN8n({ tarball, log: say });
	// Meta redirects a login only to a URI registered on the app (Valid OAuth Redirect URIs): register n8n's callback.
	sb.admin.seed({ apps: [{ id: sb.seedResult.app.id, redirectUris: [`${n8n.url}/rest/oauth2-credential/callback`] }] });
	browser = await launchChromium();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	await capture('oauth-sign-in', () => editor.signIn(page, n8n));
}, PROVISION_TIMEOUT);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop({ removeUserFolder: true });
	await sb?.stop();
	if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}, 60000);

test('a Meta OAuth2 API credential created in the editor connects through the consent page', async () => {
	const { app, users, page: fbPage } = sb.seedResult;
	const redirectUrl = `${n8n.url}/rest/oauth2-credential/callback`;
	await capture('oauth-connect', async () => {
		const select = await editor.openCredentialTypePicker(page, n8n);
		await editor.credentialTypesMatching(page, select, 'Meta OAuth2');
		await page.getByTestId('new-credential-type-select-option').getByText('Meta OAuth2 API', { exact: true }).click();
		await page.getByTestId('new-credential-type-button').click();

		const modal = editor.credentialModal(page);
		await modal.waitFor({ timeout: editor.UI_TIMEOUT });
		expect(await editor.credentialTypeShown(modal)).toContain('Meta OAuth2 API');
		// The redirect URL to register with Meta, as n8n shows it.
		await expect(modal.getByTestId('copy-input').innerText()).resolves.toBe(redirectUrl);

		await editor.fillCredentialField(modal, 'clientId', app.id);
		await editor.fillCredentialField(modal, 'clientSecret', app.secret);
		await editor.fillCredentialField(modal, 'baseUrlOverride', sb.url);
		await modal.getByTestId('parameter-input-baseUrlOverride').scrollIntoViewIfNeeded();
		await screenshot(page, 'oauth-1-base-url-override');
		const banner = modal.getByTestId('oauth-not-connected-banner');
		await banner.scrollIntoViewIfNeeded();
		await expect(banner.innerText()).resolves.toMatch(/Connect your account/);
		const connect = modal.getByTestId('quick-connect-button');
		await expect(connect.innerText()).resolves.toBe('Connect');
		await screenshot(page, 'oauth-1-connect-button');

		// Connect saves the credential and opens n8n's OAuth popup, which n8n sends on to the authorization URL.
		const popupOpened = browser.context.waitForEvent('page', { timeout: editor.UI_TIMEOUT });
		await connect.click();
		const popup = await popupOpened;
		await popup.waitForURL(/\/www\.facebook\.com\/v[\d.]+\/dialog\/oauth\?/, { timeout: editor.UI_TIMEOUT });
		const authorize = new URL(popup.url());
		expect(authorize.origin).toBe(sb.url);
		expect(authorize.searchParams.get('client_id')).toBe(app.id);
		expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUrl);
		await popup.locator('#sandbox-user').selectOption(users.ada.id);
		// Login for Business: nothing is shared unless ticked. Ada shares her Page.
		await expect(popup.locator(`#sandbox-asset-${fbPage.id}`).isChecked()).resolves.toBe(false);
		await popup.locator(`#sandbox-asset-${fbPage.id}`).check();
		await screenshot(popup, 'oauth-2-consent-page');

		// Allow → the sandbox redirects to n8n's callback, which stores the token and closes the popup.
		const popupClosed = popup.waitForEvent('close', { timeout: editor.UI_TIMEOUT });
		await popup.locator('#sandbox-allow').click();
		await popupClosed;

		const connected = modal.getByTestId('oauth-connect-success-banner');
		await connected.waitFor({ timeout: editor.UI_TIMEOUT });
		await expect(connected.innerText()).resolves.toMatch(/Account connected/);
		await screenshot(page, 'oauth-3-account-connected');
	});

	const stored = (await n8n.rest('GET', '/credentials')).filter((c) => c.type === 'metaOAuth2Api');
	expect(stored).toHaveLength(1);
	credentialId = stored[0].id;

	const calls = sb.admin.calls();
	const dialog = calls.find((c) => c.host === 'www.facebook.com' && c.path === '/dialog/oauth');
	expect(dialog).toMatchObject({ method: 'GET', status: 200, query: { client_id: app.id, redirect_uri: redirectUrl, response_type: 'code' } });
	const decision = calls.find((c) => c.path === '/dialog/oauth/decide');
	expect(decision).toMatchObject({ status: 302, body: { decision: 'allow', sandbox_user: users.ada.id, asset: fbPage.id } });
	const exchange = calls.find((c) => c.host === 'graph.facebook.com' && c.path === '/oauth/access_token');
	expect(exchange).toMatchObject({ status: 200 });
	const params = { ...exchange.query, ...exchange.body };
	expect(params).toMatchObject({ grant_type: 'authorization_code', redirect_uri: redirectUrl });
	expect(params.code).toEqual(expect.any(String));
	expect(dialog.seq < decision.seq && decision.seq < exchange.seq).toBe(true);
});

test('n8n stored a 60-day sandbox token, and the Setup Doctor runs with the credential', async () => {
	expect(credentialId).toBeDefined();
	const { app, users } = sb.seedResult;

	// What n8n persisted, decrypted by n8n's own CLI.
	const exported = await n8n.exportCredentialDecrypted(credentialId);
	const { data } = exported;
	expect(data).toMatchObject({ clientId: app.id, baseUrlOverride: sb.url });
	const token = data.oauthTokenData?.access_token;
	expect(token).toEqual(expect.any(String));
	expect(Math.abs(Number(data.oauthTokenData.expires_in) - SIXTY_DAYS)).toBeLessThan(86400);
	const issued = sb.admin.tokens().find((t) => t.token === token);
	expect(issued).toMatchObject({ type: 'USER', appId: app.id, userId: users.ada.id, lifetime: 'long', expired: false });

	const workflow = await n8n.createWorkflow({
		name: 'Setup Doctor with Facebook Login',
		nodes: [
			{ id: 'n1', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2',
				name: 'Meta Setup Doctor',
				type: `${PACKAGE_NAME}.metaSetupDoctor`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication: 'metaOAuth2Api', resource: 'token', operation: 'check' },
				credentials: { metaOAuth2Api: { id: credentialId, name: exported.name } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Meta Setup Doctor', type: 'main', index: 0 }]] } },
	});
	sb.admin.clearCalls();
	const execution = await n8n.runManually(workflow.id);
	expect(execution.data.resultData.error).toBeUndefined();
	expect(execution.status).toBe('success');
	const [report] = n8n.nodeOutput(execution, 'Meta Setup Doctor');
	expect(report.summary).toMatch(/^Valid USER token/);

	// The doctor's own calls, made with the token n8n stored (already long-lived: no fb_exchange_token).
	const calls = sb.admin.calls();
	const me = calls.find((c) => c.path === '/me');
	expect(me).toMatchObject({ status: 200, tokenType: 'USER', tokenValid: true, tokenLifetime: 'long' });
	expect(me.appsecretProof).toMatch(/^[0-9a-f]{64}$/);
	// Only the ticked Page is reachable, and the report says when the connection expires and what renews it.
	expect(report.checks.find((c) => c.id === 'pages.reachable').found).toContain(`1 Page(s): ${sb.seedResult.page.name} (${sb.seedResult.page.id};`);
	expect(report.checks.find((c) => c.id === 'token.expiry').found).toMatch(/^the Facebook Login connection expires .*; reconnect the credential \(Connect\) before then to renew it$/);
	const debug = calls.find((c) => c.path === '/debug_token');
	expect(debug).toMatchObject({ status: 200 });
	expect(debug.query.input_token).toBe(token);
	expect(calls.filter((c) => c.path === '/oauth/access_token')).toEqual([]);
});
