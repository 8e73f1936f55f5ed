import type { IDataObject } from 'n8n-workflow';
import { checkResult, type CheckResult } from './checks';
import type { DoctorInput } from './context';

const IDS = ['app.mode', 'app.business', 'webhooks.callbackUrl', 'webhooks.fields'];
/** [UNCONFIRMED] Meta documents no app-mode field on the App node: when Meta refuses it, the check is skipped. */
const APP_MODE_FIELD = 'app_mode';

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
	let node = await app.read(appId, { fields: `id,name,business,${APP_MODE_FIELD}` });
	let modeKnown = true;
	if (!node.ok && node.code === 100) {
		modeKnown = false;
		node = await app.read(appId, { fields: 'id,name,business' });
	}
	if (!node.ok) return ['app.mode', 'app.business'].map((id) => checkResult(id, 'fail', `Meta refused to read the app: ${node.ok ? '' : node.problem}`));
	const body = node.body;
	const subject = `App ${String(body.name ?? appId)} (${appId})`;
	const mode = String(body[APP_MODE_FIELD] ?? '').toLowerCase();
	const business = body.business as IDataObject | undefined;
	return [
		!modeKnown || !mode
			? checkResult('app.mode', 'skip', 'Meta did not report the app mode; check the App Mode switch in the App Dashboard', subject)
			: checkResult('app.mode', mode === 'live' ? 'pass' : 'fail', mode === 'live' ? 'Live' : `In ${mode} mode`, subject),
		business?.id
			? checkResult('app.business', 'pass', `Owned by ${String(business.name ?? 'business')} (${String(business.id)})`, subject)
			: checkResult('app.business', 'fail', 'The app is not attached to a business portfolio', subject),
	];
}

function webhookChecks(subscriptions: Subscription[], expectedUrl: string, needs: Map<string, string[]>): CheckResult[] {
	const objects = [...new Set([...needs.keys(), ...(expectedUrl ? subscriptions.map((s) => s.object) : [])])];
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
		else if (expectedUrl && sub.callbackUrl !== expectedUrl) results.push(checkResult('webhooks.callbackUrl', 'fail', `Meta calls ${sub.callbackUrl}, not ${expectedUrl}`, subject));
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

/** app.mode, app.business and the webhook subscriptions, read with the Meta App credential's app token. */
export async function appChecks(input: DoctorInput): Promise<CheckResult[]> {
	if (!input.app) return IDS.map((id) => checkResult(id, 'skip', 'add a Meta App credential (Meta Setup Doctor → Check App and Webhooks) to check the app'));
	const { appId, read } = input.app;
	const results = await appNodeChecks(input, appId);
	const listed = await read(`${appId}/subscriptions`, {}, { list: true });
	if (!listed.ok) return [...results, ...['webhooks.callbackUrl', 'webhooks.fields'].map((id) => checkResult(id, 'fail', `Meta refused to list the webhook subscriptions: ${listed.problem}`))];
	return [...results, ...webhookChecks(subscriptionsOf(listed.items), (input.expect.webhookUrl ?? '').trim(), neededFields(input.expect.webhookFields ?? []))];
}
