import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import type { MetaCredentialType } from '../connection';
import { graphRequest } from '../request';
import { probeCallbackHolder } from './callbackHolder';

/**
 * Subscriptions of the version-2 triggers: several workflows on one Meta app (docs/triggers.md).
 *
 * Meta itself is the shared store: it holds one callback URL and one field list per app and object, and each Page or
 * account's install of the app. Every n8n process (main, webhook, worker, after a restart) reads the same thing there,
 * so nothing is kept in process memory. A trigger that needs an app's callback first asks the URL Meta calls today
 * who serves it (callbackHolder.ts): another active workflow of this n8n keeps it and this activation is refused with
 * its name; a URL nobody serves any more (a deleted workflow, a test URL left by a crash) is taken over.
 * What a trigger changed is kept in its workflow's static data, one record per URL (production and test), written
 * after each step so a failure halfway is undone at once or, failing that, by the next deactivation.
 * Field counting: a trigger removes only fields it added, and from a Page install only those no app-level
 * subscription of another object still lists (Instagram and Page events share the Page install).
 */
export type AccountInstall =
	| { kind: 'page'; pageId: string; credentialType: MetaCredentialType }
	| { kind: 'instagramLogin'; credentialType: MetaCredentialType }
	| { kind: 'whatsapp'; accountId: string; credentialType: MetaCredentialType };

export interface TriggerNeeds {
	object: string;
	fields: string[];
	verifyToken: string;
	appSecret: string;
	install?: AccountInstall;
	/** WhatsApp: the fields Meta sends to an account's override URL; the others reach only the app's callback. */
	overrideFields?: string[];
}

interface AppSubscription {
	object: string;
	callback_url: string;
	fields: Array<{ name: string }>;
}

interface SubscriptionRecord {
	/** Made while listening for a test event: the app's callback and the account override go back when it stops. */
	restoreOnStop: boolean;
	appBefore: { callbackUrl: string; fields: string[] } | null;
	appFieldsAdded: string[];
	tookCallback: boolean;
	install?: { created: boolean; added: string[] };
	whatsappInstall?: { wasInstalled: boolean; overrideBefore: string | null };
}

const APP = { credentialType: 'metaAppApi' as const, retry: { maxRetries: 2 } };
const RECORDS = 'metaSubscriptions';
/** Page and Instagram (Facebook Login) events share a Page's install of the app. */
const PAGE_INSTALL_OBJECTS = ['page', 'instagram'];

/** Errors keep their own text; anything else becomes a node error. */
function passOn(ctx: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

const union = (...lists: string[][]): string[] => [...new Set(lists.flat())];
const fieldNames = (sub?: AppSubscription): string[] => (sub?.fields ?? []).map((f) => f.name);

function webhookUrl(ctx: IHookFunctions): string {
	return ctx.getNodeWebhookUrl('default') as string;
}

function recordsOf(ctx: IHookFunctions): Record<string, SubscriptionRecord> {
	const data = ctx.getWorkflowStaticData('node');
	if (!data[RECORDS]) data[RECORDS] = {};
	return data[RECORDS] as unknown as Record<string, SubscriptionRecord>;
}

async function appId(ctx: IHookFunctions): Promise<string> {
	return String((await ctx.getCredentials<IDataObject>('metaAppApi')).appId ?? '');
}

async function appSubscriptions(ctx: IHookFunctions): Promise<AppSubscription[]> {
	const { body } = await graphRequest<{ data?: AppSubscription[] }>(ctx, APP, { method: 'GET', path: `${await appId(ctx)}/subscriptions` });
	return body.data ?? [];
}

async function postAppSubscription(ctx: IHookFunctions, needs: TriggerNeeds, callbackUrl: string, fields: string[]): Promise<void> {
	await graphRequest(ctx, APP, {
		method: 'POST',
		path: `${await appId(ctx)}/subscriptions`,
		body: { object: needs.object, callback_url: callbackUrl, fields: fields.join(','), verify_token: needs.verifyToken, include_values: true },
		idempotent: true,
	});
}

async function deleteAppFields(ctx: IHookFunctions, object: string, fields: string[] | null): Promise<void> {
	await graphRequest(ctx, APP, { method: 'DELETE', path: `${await appId(ctx)}/subscriptions`, qs: fields ? { object, fields: fields.join(',') } : { object } });
}

function needsAppCallback(needs: TriggerNeeds): boolean {
	if (!needs.overrideFields) return true;
	return needs.fields.some((f) => !needs.overrideFields!.includes(f));
}

function wantsOverride(needs: TriggerNeeds): boolean {
	return Boolean(needs.overrideFields && needs.fields.some((f) => needs.overrideFields!.includes(f)));
}

/** Refuses to take `current` from another active workflow, or from a server that is not a trigger of this n8n. */
async function ensureMayTake(ctx: IHookFunctions, needs: TriggerNeeds, url: string, current: string, what: string): Promise<void> {
	if (!current || current === url) return;
	const holder = await probeCallbackHolder(ctx, current, needs.appSecret);
	if (holder.kind === 'nobody') {
		ctx.logger.info(`Meta ${what} pointed at ${current}, which nothing serves any more: this trigger takes it over`, { node: ctx.getNode().name });
		return;
	}
	const workflow = ctx.getWorkflow();
	if (holder.kind === 'trigger' && holder.workflowId === String(workflow.id ?? '')) return;
	if (holder.kind === 'trigger') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The workflow "${holder.workflowName}" (ID ${holder.workflowId}, node "${holder.node}") of this n8n already receives ${what}; Meta keeps one such URL, so this trigger did not take it.`,
			{
				description:
					'Add the events you need to the trigger of that workflow and branch on the event kind there, or deactivate that workflow first, or use another Meta app for this one.',
			},
		);
	}
	throw new NodeOperationError(ctx.getNode(), `Meta sends ${what} to ${current}, which answers (HTTP ${holder.status}) but is not a trigger of this n8n, so this trigger did not take it.`, {
		description: "If nothing uses that URL any more, remove it in the Meta app's dashboard (Webhooks) and activate again; otherwise use another Meta app for this workflow.",
	});
}

function installRequest(install: Exclude<AccountInstall, { kind: 'whatsapp' }>) {
	return install.kind === 'page' ? { path: `${install.pageId}/subscribed_apps`, asPage: install.pageId } : { path: 'me/subscribed_apps', asPage: undefined };
}

/** The fields the Page or Instagram account subscribed this app to, or null when the app is not installed there. */
async function installedFields(ctx: IHookFunctions, install: Exclude<AccountInstall, { kind: 'whatsapp' }>): Promise<string[] | null> {
	const { body } = await graphRequest<{ data?: IDataObject[] }>(ctx, { credentialType: install.credentialType }, { method: 'GET', ...installRequest(install) });
	const id = await appId(ctx);
	const entry = (body.data ?? []).find((e) => String(e.id) === id);
	return entry ? ((entry.subscribed_fields as string[] | undefined) ?? []) : null;
}

async function setInstall(ctx: IHookFunctions, install: Exclude<AccountInstall, { kind: 'whatsapp' }>, fields: string[] | null): Promise<void> {
	await graphRequest(ctx, { credentialType: install.credentialType }, {
		method: fields ? 'POST' : 'DELETE',
		...installRequest(install),
		...(fields ? { body: { subscribed_fields: fields.join(',') } } : {}),
		idempotent: true,
	});
}

async function whatsappInstall(ctx: IHookFunctions, install: Extract<AccountInstall, { kind: 'whatsapp' }>): Promise<IDataObject | undefined> {
	const { body } = await graphRequest<{ data?: IDataObject[] }>(ctx, { credentialType: install.credentialType }, { method: 'GET', path: `${install.accountId}/subscribed_apps` });
	const id = await appId(ctx);
	return (body.data ?? []).find((entry) => String((entry.whatsapp_business_api_data as IDataObject | undefined)?.id ?? entry.id) === id);
}

async function setWhatsappInstall(ctx: IHookFunctions, install: Extract<AccountInstall, { kind: 'whatsapp' }>, override: string | null | 'uninstall', verifyToken: string): Promise<void> {
	await graphRequest(ctx, { credentialType: install.credentialType }, {
		method: override === 'uninstall' ? 'DELETE' : 'POST',
		path: `${install.accountId}/subscribed_apps`,
		...(typeof override === 'string' && override !== 'uninstall' ? { body: { override_callback_uri: override, verify_token: verifyToken } } : {}),
		idempotent: true,
	});
}

/**
 * Meta calls only HTTPS URLs. When it refuses to register a plain-http n8n URL (invalid parameter, or its verification
 * call failing), say why and what to do; other errors (an unknown field name) pass unchanged.
 */
async function registeringCallback(ctx: IHookFunctions, url: string, register: () => Promise<void>): Promise<void> {
	try {
		await register();
	} catch (error) {
		const meta = ((error as { context?: IDataObject }).context?.metaError ?? {}) as IDataObject;
		const said = String((error as { description?: string }).description ?? '');
		const metaSaid = said.split('Meta said:')[1] ?? said;
		const aboutUrl = [100, 2200].includes(Number(meta.code)) && !/field/i.test(metaSaid);
		if (!url.startsWith('http:') || !aboutUrl) throw passOn(ctx, error);
		throw new NodeOperationError(ctx.getNode(), `Meta cannot call this trigger's URL ${url}: it is plain http, and Meta calls only HTTPS callback URLs.`, {
			description: `Make n8n reachable at a public HTTPS address and set WEBHOOK_URL to it (for an n8n on your own computer, a tunnel such as ngrok or cloudflared), then activate again. ${said}`,
		});
	}
}

export async function subscriptionInPlace(ctx: IHookFunctions, needs: TriggerNeeds): Promise<boolean> {
	const url = webhookUrl(ctx);
	const sub = (await appSubscriptions(ctx)).find((s) => s.object === needs.object);
	if (!sub || !needs.fields.every((f) => fieldNames(sub).includes(f))) return false;
	if (needsAppCallback(needs) && sub.callback_url !== url) return false;
	const install = needs.install;
	if (!install) return true;
	if (install.kind === 'whatsapp') {
		const entry = await whatsappInstall(ctx, install);
		return Boolean(entry) && (!wantsOverride(needs) || entry?.override_callback_uri === url);
	}
	const installed = await installedFields(ctx, install);
	return Boolean(installed) && needs.fields.every((f) => installed!.includes(f));
}

/**
 * Checks first (who holds what this trigger would take), then the Page or account install, and last the steps that
 * point Meta at this URL (the app's callback, a WhatsApp account's override). Last, because while listening for a
 * test event n8n keeps this record for the later `delete` only once `create` has returned: a delivery Meta makes to
 * the Test URL before then is answered by `listeningNotReady` (triggerPartsV2.ts), so nothing ends the listening
 * without the record.
 */
export async function subscribeTrigger(ctx: IHookFunctions, needs: TriggerNeeds): Promise<boolean> {
	const url = webhookUrl(ctx);
	const records = recordsOf(ctx);
	const record: SubscriptionRecord = records[url] ?? { restoreOnStop: ctx.getMode() === 'manual', appBefore: null, appFieldsAdded: [], tookCallback: false };
	const firstTime = !records[url];
	records[url] = record;
	try {
		const existing = (await appSubscriptions(ctx)).find((s) => s.object === needs.object);
		const takeCallback = needsAppCallback(needs) || !existing;
		if (takeCallback && existing) await ensureMayTake(ctx, needs, url, existing.callback_url, `Meta app ${await appId(ctx)}'s ${needs.object} webhooks`);
		const install = needs.install;
		const whatsappEntry = install?.kind === 'whatsapp' ? await whatsappInstall(ctx, install) : undefined;
		const overrideNow = whatsappEntry ? String(whatsappEntry.override_callback_uri ?? '') : '';
		if (install?.kind === 'whatsapp' && wantsOverride(needs) && overrideNow) {
			await ensureMayTake(ctx, needs, url, overrideNow, `the webhooks of WhatsApp Business Account ${install.accountId} (callback override)`);
		}

		if (install && install.kind !== 'whatsapp') {
			const before = await installedFields(ctx, install);
			const missing = needs.fields.filter((f) => !(before ?? []).includes(f));
			if (!record.install) record.install = { created: before === null, added: [] };
			if (missing.length) {
				await setInstall(ctx, install, union(before ?? [], needs.fields));
				record.install.added = union(record.install.added, missing);
			}
		}

		const present = fieldNames(existing);
		if (firstTime && existing) record.appBefore = { callbackUrl: existing.callback_url, fields: present };
		const callback = takeCallback ? url : existing!.callback_url;
		const added = needs.fields.filter((f) => !present.includes(f));
		if (added.length || !existing || callback !== existing.callback_url) {
			await registeringCallback(ctx, callback, async () => await postAppSubscription(ctx, needs, callback, union(present, needs.fields)));
			record.appFieldsAdded = union(record.appFieldsAdded, added);
			record.tookCallback = record.tookCallback || callback !== existing?.callback_url;
		}

		if (install?.kind === 'whatsapp') {
			const override = wantsOverride(needs);
			if (!record.whatsappInstall) record.whatsappInstall = { wasInstalled: Boolean(whatsappEntry), overrideBefore: overrideNow || null };
			if (!whatsappEntry || (override && overrideNow !== url)) {
				await registeringCallback(ctx, url, async () => await setWhatsappInstall(ctx, install, override ? url : null, needs.verifyToken));
			}
		}
		return true;
	} catch (error) {
		// Undo what this activation did; what cannot be undone stays recorded for the next deactivation.
		await undoRecord(ctx, needs, url, record, true).catch(() => undefined);
		throw passOn(ctx, error);
	}
}

/** Whether this trigger's static data holds what it changed for `url` (n8n hands a test webhook a copy of it). */
export function isRecorded(staticData: IDataObject, url: string): boolean {
	const records = staticData[RECORDS] as Record<string, unknown> | undefined;
	return Boolean(records && records[url]);
}

export async function unsubscribeTrigger(ctx: IHookFunctions, needs: TriggerNeeds): Promise<boolean> {
	const url = webhookUrl(ctx);
	const record = recordsOf(ctx)[url];
	if (!record) {
		// A test webhook n8n tore down before it stored this record (see subscribeTrigger): say so in the log.
		ctx.logger.warn(`Meta subscription: nothing recorded for ${url}, so nothing is undone; the next activation repairs what is left`, { node: ctx.getNode().name });
		return true;
	}
	await undoRecord(ctx, needs, url, record);
	return true;
}

/** Undoes one record, step by step; each finished step leaves the record, so a retry does only what is left. */
async function undoRecord(ctx: IHookFunctions, needs: TriggerNeeds, url: string, record: SubscriptionRecord, rollingBack = false): Promise<void> {
	const install = needs.install;
	if (record.whatsappInstall && install?.kind === 'whatsapp') {
		const { wasInstalled, overrideBefore } = record.whatsappInstall;
		const entry = await whatsappInstall(ctx, install);
		if (!wasInstalled && entry) await setWhatsappInstall(ctx, install, 'uninstall', needs.verifyToken);
		else if (entry && entry.override_callback_uri === url) {
			const back = overrideBefore && record.restoreOnStop ? overrideBefore : null;
			await setWhatsappInstall(ctx, install, back, needs.verifyToken);
		}
		delete record.whatsappInstall;
	}

	const current = (await appSubscriptions(ctx)).find((s) => s.object === needs.object);
	// WhatsApp fields an account override delivers serve every WhatsApp trigger of the app: they stay, unless this
	// activation failed and takes back what it added moments ago (no other trigger could have come to rely on it).
	const shared = rollingBack ? [] : (needs.overrideFields ?? []);
	const removable = record.appFieldsAdded.filter((f) => fieldNames(current).includes(f) && !shared.includes(f));
	const holding = current?.callback_url === url;
	const restore = record.restoreOnStop && record.appBefore && holding ? record.appBefore : null;
	if (current && (removable.length || restore)) {
		const remaining = fieldNames(current).filter((f) => !removable.includes(f));
		if (restore) {
			if (removable.length) await deleteAppFields(ctx, needs.object, removable);
			await postAppSubscription(ctx, needs, restore.callbackUrl, restore.fields);
		} else {
			await deleteAppFields(ctx, needs.object, remaining.length ? removable : null);
		}
	}
	record.appFieldsAdded = [];

	if (record.install && install && install.kind !== 'whatsapp') {
		const stillListed = union(...(await appSubscriptions(ctx)).filter((s) => PAGE_INSTALL_OBJECTS.includes(s.object)).map(fieldNames));
		const drop = record.install.added.filter((f) => !stillListed.includes(f));
		const installed = await installedFields(ctx, install);
		if (installed) {
			const next = installed.filter((f) => !drop.includes(f));
			if (!next.length && record.install.created) await setInstall(ctx, install, null);
			else if (next.length !== installed.length) await setInstall(ctx, install, next.length ? next : null);
		}
		delete record.install;
	}
	delete recordsOf(ctx)[url];
}
