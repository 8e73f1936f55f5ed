/**
 * The Setup Doctor's table of checks: what each check inspects and the one sentence that fixes a failure. The check
 * modules report against these ids, and `scripts/troubleshooting.js` renders the README's troubleshooting section
 * from this table, so the docs cannot drift from the code. This module must stay free of runtime imports.
 */
export type CheckArea = 'token' | 'scopes' | 'pages' | 'instagram' | 'whatsapp' | 'ads' | 'app';

export interface CheckDefinition {
	id: string;
	area: CheckArea;
	title: string;
	/** What the check looks at, for the docs. */
	inspects: string;
	/** One sentence: how to fix a failure (or a warning). */
	fix: string;
}

export const CHECK_AREAS: Record<CheckArea, string> = {
	token: 'Token',
	scopes: 'Permissions',
	pages: 'Facebook Pages',
	instagram: 'Instagram accounts',
	whatsapp: 'WhatsApp',
	ads: 'Ad accounts',
	app: 'Meta app and webhooks',
};

const DEFINITIONS: CheckDefinition[] = [
	{
		id: 'token.valid',
		area: 'token',
		title: 'Token is valid',
		inspects: 'One call to Meta with the credential\'s token; with the app ID and secret also `debug_token`.',
		fix: 'Reconnect the credential (or paste a new token into it): Meta no longer accepts this one.',
	},
	{
		id: 'token.type',
		area: 'token',
		title: 'Token type',
		inspects: 'Which kind of token it is: user, Page, system user or Instagram Login (an app token cannot act for a user).',
		fix: 'Use a user, Page or system-user token (a system-user token for WhatsApp and Ads jobs), not the app token.',
	},
	{
		id: 'token.expiry',
		area: 'token',
		title: 'Token expiry',
		inspects: 'When the token expires; warns the chosen number of days ahead.',
		fix: 'Reconnect the credential before that date, or use a system-user token that does not expire.',
	},
	{
		id: 'token.dataAccess',
		area: 'token',
		title: 'Data access expiry',
		inspects: '`data_access_expires_at`: a user\'s data access lapses 90 days after they last used the app, even while the token is valid (no failure when every granted permission is exempt from it).',
		fix: 'Log in again through the credential (Connect, or a new token) to renew data access for another 90 days.',
	},
	{
		id: 'scopes.features',
		area: 'scopes',
		title: 'Permissions cover the features',
		inspects: 'The granted permissions against what each feature needs, accepting current and older permission names.',
		fix: 'Reconnect and grant the missing permissions listed (with Facebook Login for Business, add them to the login configuration).',
	},
	{
		id: 'scopes.currentNames',
		area: 'scopes',
		title: 'Current permission names',
		inspects: 'Instagram Login permissions granted only under the old names (`business_basic`, `business_content_publish`, …) that Meta retired on 2025-01-27.',
		fix: 'Ask for the `instagram_business_*` permissions in your app and reconnect the Instagram Login credential so they are granted under the new names.',
	},
	{
		id: 'pages.reachable',
		area: 'pages',
		title: 'Pages reachable',
		inspects: 'The Facebook Pages the token\'s user can reach (`/me/accounts`), with the user\'s tasks on each, and whether the Page you name was shared at login (`granular_scopes` of `debug_token`).',
		fix: 'A Page that was not shared at login: reconnect and tick it (or add it to the system user); otherwise grant `pages_show_list`, or have a Page admin give this user access to the Page.',
	},
	{
		id: 'pages.pageToken',
		area: 'pages',
		title: 'Page token available',
		inspects: 'For each Page: whether Meta hands out a Page token, and if not, why (the user\'s tasks, e.g. an Editor rather than an Admin).',
		fix: 'Have a Page admin give this user full control of the Page (Page settings → Page access, with the Manage task), then reconnect the credential.',
	},
	{
		id: 'instagram.linked',
		area: 'instagram',
		title: 'Instagram account linked to the Page',
		inspects: 'For each Page: the Instagram professional account linked to it (`instagram_business_account`).',
		fix: 'Link the Instagram professional account to the Page (Page settings → Linked accounts → Instagram), then run the check again.',
	},
	{
		id: 'instagram.accountType',
		area: 'instagram',
		title: 'Instagram account is professional',
		inspects: 'The type of the Instagram account linked to each Page, or behind an Instagram Login token: business, creator or personal.',
		fix: 'Switch the Instagram account to a Business or Creator account (Instagram → Settings → Account type and tools), then link it to the Page again.',
	},
	{
		id: 'instagram.expectedPage',
		area: 'instagram',
		title: 'Instagram account on the expected Page',
		inspects: 'When you name a Page and an Instagram account: whether that account is linked to that Page and not to another one.',
		fix: 'Unlink the Instagram account from the other Page and link it to the expected one (Page settings → Linked accounts), or use the Page it is linked to.',
	},
	{
		id: 'whatsapp.accounts',
		area: 'whatsapp',
		title: 'WhatsApp Business Accounts reachable',
		inspects: 'The WhatsApp Business Accounts the token was given (`granular_scopes`) or that you name, and their phone numbers.',
		fix: 'An account that was not shared at login: reconnect and tick it (or add it to the system user: Business Settings → Users → System users → Assign assets), and grant `whatsapp_business_management`.',
	},
	{
		id: 'whatsapp.appInstalled',
		area: 'whatsapp',
		title: 'App subscribed to the WhatsApp account',
		inspects: 'Whether each WhatsApp Business Account lists this app among its subscribed apps (`GET /{waba-id}/subscribed_apps`); without it Meta sends none of the account\'s webhooks. Fails when WhatsApp webhooks are checked (Meta App credential or WhatsApp events named), warns otherwise.',
		fix: 'Activate the WhatsApp trigger again (it subscribes the account), or subscribe the app with `POST /{waba-id}/subscribed_apps` using a token with `whatsapp_business_management`.',
	},
	{
		id: 'whatsapp.registration',
		area: 'whatsapp',
		title: 'Phone number registered',
		inspects: 'Each phone number\'s `status` (connected to the Cloud API?) and `code_verification_status`.',
		fix: 'Verify the number and register it for the Cloud API (WhatsApp Manager → Phone numbers, or `POST /{phone-number-id}/register` with its two-step PIN).',
	},
	{
		id: 'whatsapp.quality',
		area: 'whatsapp',
		title: 'Phone number quality rating',
		inspects: 'Each phone number\'s `quality_rating`: GREEN, YELLOW (warn) or RED (fail).',
		fix: 'Send templates only to people who opted in, cut marketing volume and watch blocks and reports in WhatsApp Manager until the rating recovers.',
	},
	{
		id: 'whatsapp.messagingLimit',
		area: 'whatsapp',
		title: 'Messaging limit',
		inspects: 'Each phone number\'s messaging limit tier (unique users per rolling 24 h) and whether Meta is holding the number back at its limit.',
		fix: 'Wait for the rolling 24-hour window to free up, keep the quality rating high so Meta raises the limit, or verify the business for a higher tier.',
	},
	{
		id: 'ads.accounts',
		area: 'ads',
		title: 'Ad accounts reachable',
		inspects: 'The ad accounts the token can read (`/me/adaccounts`).',
		fix: 'An ad account that was not shared at login: reconnect and tick it (or add it to the system user: Business Settings → Accounts → Ad accounts), and grant `ads_read`.',
	},
	{
		id: 'ads.accountStatus',
		area: 'ads',
		title: 'Ad account is active',
		inspects: 'Each ad account\'s `account_status` and `disable_reason`.',
		fix: 'Open the ad account in Ads Manager → Account quality to settle the payment or request a review of the restriction.',
	},
	{
		id: 'app.mode',
		area: 'app',
		title: 'App is live',
		inspects: 'Always skipped: Meta\'s API does not report the app mode, so the check names where to look in the App Dashboard.',
		fix: 'Switch the app to Live in the App Dashboard (top bar "App Mode: Development / Live"; apps created with use cases: Dashboard → Publish); in Development mode only people with a role on the app can connect and real webhooks are not sent.',
	},
	{
		id: 'app.business',
		area: 'app',
		title: 'App attached to a business portfolio',
		inspects: 'With a Meta App credential: the business portfolio that owns the app (`business`).',
		fix: 'Connect the app to your business portfolio (App Dashboard → App settings → Basic, or Business Settings → Accounts → Apps → Add).',
	},
	{
		id: 'webhooks.callbackUrl',
		area: 'app',
		title: 'Webhook callback URL',
		inspects: 'With a Meta App credential: the callback URL of each webhook object (`/{app-id}/subscriptions`) against the URL you expect.',
		fix: 'Deactivate and activate the trigger workflow so it subscribes its production URL again, or set the callback URL in App Dashboard → Webhooks.',
	},
	{
		id: 'webhooks.accountInstall',
		area: 'app',
		title: 'Page or Instagram account subscribed to the app',
		inspects: 'With a Meta App credential: whether the Page you name (or the Instagram Login account) has subscribed the app (`subscribed_apps`) to the Page and Instagram events you rely on; without it Meta sends nothing.',
		fix: 'Activate the trigger workflow again (it subscribes the Page or account to the app), or subscribe the app with `POST /{page-id}/subscribed_apps` using a Page token.',
	},
	{
		id: 'webhooks.https',
		area: 'app',
		title: 'Webhook callback is HTTPS',
		inspects: 'The callback URL you name under Expected Setup and, with a Meta App credential, the URLs subscribed: Meta only calls HTTPS callbacks with a valid certificate.',
		fix: 'Give n8n a public HTTPS address: run it behind a tunnel (for example Cloudflare Tunnel or ngrok) or a reverse proxy with a certificate, set WEBHOOK_URL to that https:// address, then activate the trigger again.',
	},
	{
		id: 'webhooks.fields',
		area: 'app',
		title: 'Webhook fields subscribed',
		inspects: 'With a Meta App credential: the subscribed fields of each webhook object against the trigger events you rely on.',
		fix: 'Activate the trigger that needs these events (it subscribes them), or subscribe the fields in App Dashboard → Webhooks.',
	},
	{
		id: 'webhooks.refusals',
		area: 'app',
		title: 'Refused webhook deliveries',
		inspects: 'With an n8n API credential (Meta Setup Doctor, Check Refused Deliveries): every active workflow\'s Instagram, WhatsApp and Meta triggers, and the last 10 deliveries each refused (forged or wrong signature, wrong verify token, expired, not a Meta delivery) with the reason and the fix, read from the workflow\'s static data through n8n\'s public API; a refused delivery never starts an execution.',
		fix: 'Apply the fix given with each refusal: most often the app secret or verify token in the Meta App credential does not match the Meta app that sends the webhooks.',
	},
];

export const SETUP_CHECKS: readonly CheckDefinition[] = Object.freeze(DEFINITIONS);

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One line of the checklist a run returns. */
export interface CheckResult {
	[key: string]: string | undefined;
	id: string;
	title: string;
	status: CheckStatus;
	/** What was found, in plain words ("skipped: why" for a skipped check). */
	found: string;
	/** The table's fix sentence for a warning or failure; empty otherwise. */
	fix: string;
	/** The Page, account or number the line is about, when the check runs once per object. */
	subject?: string;
}

export function checkDefinition(id: string): CheckDefinition {
	const definition = DEFINITIONS.find((d) => d.id === id);
	if (!definition) throw new Error(`Unknown setup check ${id}`);
	return definition;
}

export function checkResult(id: string, status: CheckStatus, found: string, subject?: string): CheckResult {
	const definition = checkDefinition(id);
	const result: CheckResult = {
		id,
		title: definition.title,
		status,
		found: status === 'skip' ? `skipped: ${found}` : found,
		fix: status === 'warn' || status === 'fail' ? definition.fix : '',
	};
	if (subject) result.subject = subject;
	return result;
}

export function worstStatus(results: readonly CheckResult[]): 'pass' | 'warn' | 'fail' {
	if (results.some((r) => r.status === 'fail')) return 'fail';
	if (results.some((r) => r.status === 'warn')) return 'warn';
	return 'pass';
}
