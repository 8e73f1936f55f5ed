import type { IDataObject } from 'n8n-workflow';
import { checkResult, type CheckResult } from './checks';
import type { DoctorInput } from './context';
import type { ReachedPage } from './pages';
import { accountIds } from './whatsapp';

const IDS = ['app.mode', 'app.business', 'webhooks.callbackUrl', 'webhooks.accountInstall', 'webhooks.fields'];
/** Objects whose events Meta only sends for Pages / Instagram accounts that subscribed the app. */
const INSTALLED_OBJECTS = ['page', 'instagram'];
const WHATSAPP_OBJECT = 'whatsapp_business_account';
/** Meta's Graph API documents no app-mode field, so the mode is checked by hand in the dashboard. */
export const APP_MODE_BY_HAND =
	'Meta does not report the app mode through its API: check it in the App Dashboard (top bar "App Mode: Development / Live" switch; apps created with use cases: Dashboard → Publish). Business apps have no mode, only access levels';

interface Subscription {
	object: string;
	callbackUrl: string;
	active: boolean;
	fields: string[];
}

function subscriptionsOf(items: IDataObject[]): Subscription[] {
	return items.map((s) => ({
		object: String(s.object),
		callbackUrl: String(s.callback_url ?? ''),
		active: s.active !== false,
		fields: Array.isArray(s.fields) ? (s.fields as IDataObject[]).map((f) => String(typeof f === 'string' ? f : f.name)) : [],
	}));
}

/** `object:field` pairs → object → fields. */
function neededFields(pairs: readonly string[]): Map<string, string[]> {
	const needs = new Map<string, string[]>();
	for (const pair of pairs) {
		const [object, field] = pair.split(':').map((part) => part.trim());
		if (!object) continue;
		needs.set(object, [...(needs.get(object) ?? []), ...(field ? [field] : [])]);
	}
	return needs;
}

async function appNodeChecks(input: DoctorInput, appId: string): Promise<CheckResult[]> {
	const app = input.app!;
	const node = await app.read(appId, { fields: 'id,name,business' });
	const mode = checkResult('app.mode', 'skip', APP_MODE_BY_HAND, `App ${appId}`);
	if (!node.ok) return [mode, checkResult('app.business', 'fail', `Meta refused to read the app: ${node.problem}`)];
	const body = node.body;
	const subject = `App ${String(body.name ?? appId)} (${appId})`;
	const business = body.business as IDataObject | undefined;
	return [
		{ ...mode, subject },
		business?.id
			? checkResult('app.business', 'pass', `Owned by ${String(business.name ?? 'business')} (${String(business.id)})`, subject)
			: checkResult('app.business', 'fail', 'The app is not attached to a business portfolio', subject),
	];
}

/**
 * WhatsApp Business Accounts can send this app's events to their own URL (`override_callback_uri`, set by the WhatsApp
 * trigger), so for that object the app's callback need not be the trigger's URL. Returns the accounts whose override
 * is the expected URL.
 */
async function whatsappOverridesTo(input: DoctorInput, appId: string, expectedUrl: string): Promise<string[]> {
	const matching: string[] = [];
	for (const id of accountIds(input)) {
		const installs = await input.read(`${id}/subscribed_apps`, {}, { list: true });
		if (!installs.ok) continue;
		const ours = installs.items.find((entry) => String((entry.whatsapp_business_api_data as IDataObject | undefined)?.id ?? entry.id) === appId);
		if (ours && ours.override_callback_uri === expectedUrl) matching.push(id);
	}
	return matching;
}

function webhookChecks(subscriptions: Subscription[], expectedUrl: string, needs: Map<string, string[]>, whatsappOverrides: string[]): CheckResult[] {
	// The expected URL is the one of the triggers whose events were named; named none, it applies to every object.
	const objects = needs.size ? [...needs.keys()] : expectedUrl ? subscriptions.map((s) => s.object) : [];
	if (!objects.length) {
		if (!subscriptions.length) return ['webhooks.callbackUrl', 'webhooks.fields'].map((id) => checkResult(id, 'skip', 'the app has no webhook subscription and no trigger events were named'));
		return [
			...subscriptions.map((s) => checkResult('webhooks.callbackUrl', s.active ? 'pass' : 'fail', `${s.active ? 'Calls' : 'Inactive, would call'} ${s.callbackUrl}`, `Webhook object ${s.object}`)),
			checkResult('webhooks.fields', 'skip', 'name the trigger events you rely on under Expected Setup to check the fields'),
		];
	}
	const results: CheckResult[] = [];
	for (const object of objects) {
		const subject = `Webhook object ${object}`;
		const sub = subscriptions.find((s) => s.object === object);
		if (!sub) {
			results.push(checkResult('webhooks.callbackUrl', 'fail', 'The app has no webhook subscription for this object', subject));
			if (needs.get(object)?.length) results.push(checkResult('webhooks.fields', 'fail', `Missing: ${needs.get(object)!.join(', ')}`, subject));
			continue;
		}
		if (!sub.active) results.push(checkResult('webhooks.callbackUrl', 'fail', `The subscription is inactive (callback ${sub.callbackUrl})`, subject));
		else if (object === WHATSAPP_OBJECT && whatsappOverrides.length && sub.callbackUrl !== expectedUrl) {
			results.push(checkResult('webhooks.callbackUrl', 'pass', `WhatsApp Business Account ${whatsappOverrides.join(', ')} sends to ${expectedUrl} (callback override)`, subject));
		} else if (expectedUrl && sub.callbackUrl !== expectedUrl) results.push(checkResult('webhooks.callbackUrl', 'fail', `Meta calls ${sub.callbackUrl}, not ${expectedUrl}`, subject));
		else results.push(checkResult('webhooks.callbackUrl', 'pass', `Calls ${sub.callbackUrl}`, subject));
		const wanted = needs.get(object) ?? [];
		if (!wanted.length) continue;
		const missing = wanted.filter((f) => !sub.fields.includes(f));
		results.push(
			missing.length
				? checkResult('webhooks.fields', 'fail', `Missing: ${missing.join(', ')} (subscribed: ${sub.fields.join(', ') || 'none'})`, subject)
				: checkResult('webhooks.fields', 'pass', `Subscribed: ${sub.fields.join(', ')}`, subject),
		);
	}
	if (!results.some((r) => r.id === 'webhooks.fields')) results.push(checkResult('webhooks.fields', 'skip', 'name the trigger events you rely on under Expected Setup to check the fields'));
	return results;
}

/**
 * The Page named under Expected Setup (Facebook Login) or the Instagram Login account must have subscribed the app to
 * the Page and Instagram fields the triggers need: `subscribed_apps`, read with the Page's (or account's) own token.
 */
async function accountInstallCheck(input: DoctorInput, appId: string, needs: Map<string, string[]>, pages: ReachedPage[] | undefined): Promise<CheckResult> {
	const wanted = [...new Set(INSTALLED_OBJECTS.flatMap((object) => needs.get(object) ?? []))];
	if (!INSTALLED_OBJECTS.some((object) => needs.has(object))) return checkResult('webhooks.accountInstall', 'skip', 'no Page or Instagram events were named under Expected Setup');
	if (!input.report.valid) return checkResult('webhooks.accountInstall', 'skip', 'the token is not valid');
	const instagramLogin = input.report.platform === 'instagram';
	const pageId = input.expect.pageId;
	if (!instagramLogin && !pageId) return checkResult('webhooks.accountInstall', 'skip', 'name the Page under Expected Setup to check that it subscribed the app');
	const page = pages?.find((p) => p.id === pageId);
	if (!instagramLogin && !page?.hasPageToken) return checkResult('webhooks.accountInstall', 'skip', page ? 'no Page token for this Page (see the Page token check)' : 'the Page is not among the Pages the token reaches');
	const subject = instagramLogin ? `Instagram account ${input.report.account ?? ''}`.trim() : `Page ${pageId}`;
	const installs = instagramLogin ? await input.read('me/subscribed_apps', {}, { list: true }) : await input.read(`${pageId}/subscribed_apps`, {}, { list: true, asPage: pageId });
	if (!installs.ok) return checkResult('webhooks.accountInstall', 'fail', `Meta refused to read its subscribed apps: ${installs.problem}`, subject);
	const ours = installs.items.find((entry) => String(entry.id) === appId);
	if (!ours) return checkResult('webhooks.accountInstall', 'fail', 'It has not subscribed the app: Meta sends none of its events', subject);
	const fields = Array.isArray(ours.subscribed_fields) ? (ours.subscribed_fields as string[]) : [];
	const missing = fields.length ? wanted.filter((f) => !fields.includes(f)) : [];
	return missing.length
		? checkResult('webhooks.accountInstall', 'fail', `Subscribed the app without ${missing.join(', ')} (has: ${fields.join(', ')})`, subject)
		: checkResult('webhooks.accountInstall', 'pass', `Subscribed the app${fields.length ? ` to ${fields.join(', ')}` : ''}`, subject);
}

/**
 * Meta calls only HTTPS callbacks with a valid certificate (reference §8.1): a plain-http URL (a local n8n) is never
 * reached. Checks the expected URL and, with the Meta App credential, the URLs subscribed.
 */
export function httpsCallbackCheck(expectedUrl: string | undefined, subscribedUrls: readonly string[] = []): CheckResult {
	const urls = [...new Set([expectedUrl ?? '', ...subscribedUrls].map((u) => u.trim()).filter(Boolean))];
	if (!urls.length) return checkResult('webhooks.https', 'skip', 'no webhook callback URL named under Expected Setup or subscribed');
	const plain = urls.filter((u) => !/^https:\/\//i.test(u));
	return plain.length
		? checkResult('webhooks.https', 'fail', `${plain.join(', ')} ${plain.length === 1 ? 'is' : 'are'} not HTTPS: Meta refuses to call a plain-http callback, so no event would arrive`)
		: checkResult('webhooks.https', 'pass', `HTTPS: ${urls.join(', ')}`);
}

/** app.mode, app.business and the webhook subscriptions, read with the Meta App credential's app token. */
export async function appChecks(input: DoctorInput, pages?: ReachedPage[]): Promise<CheckResult[]> {
	if (!input.app) {
		return [
			...IDS.map((id) => (id === 'app.mode' ? checkResult(id, 'skip', APP_MODE_BY_HAND) : checkResult(id, 'skip', 'add a Meta App credential (Meta Setup Doctor → Check App and Webhooks) to check the app'))),
			httpsCallbackCheck(input.expect.webhookUrl),
		];
	}
	const { appId, read } = input.app;
	const results = await appNodeChecks(input, appId);
	const listed = await read(`${appId}/subscriptions`, {}, { list: true });
	const needs = neededFields(input.expect.webhookFields ?? []);
	const install = await accountInstallCheck(input, appId, needs, pages);
	if (!listed.ok) {
		return [
			...results,
			...['webhooks.callbackUrl', 'webhooks.fields'].map((id) => checkResult(id, 'fail', `Meta refused to list the webhook subscriptions: ${listed.problem}`)),
			install,
			httpsCallbackCheck(input.expect.webhookUrl),
		];
	}
	const subscriptions = subscriptionsOf(listed.items);
	const expectedUrl = (input.expect.webhookUrl ?? '').trim();
	const askWhatsapp = Boolean(expectedUrl) && (needs.has(WHATSAPP_OBJECT) || subscriptions.some((s) => s.object === WHATSAPP_OBJECT));
	const overrides = askWhatsapp && input.report.valid ? await whatsappOverridesTo(input, appId, expectedUrl) : [];
	return [...results, ...webhookChecks(subscriptions, expectedUrl, needs, overrides), install, httpsCallbackCheck(expectedUrl, subscriptions.map((s) => s.callbackUrl))];
}
