import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import type { MetaCredentialType } from '../connection';
import { graphRequest } from '../request';

/**
 * Automatic webhook subscriptions (reference §8.3). Meta keeps one callback URL per object and app, so the app-level
 * subscription is shared by every workflow on the app: a trigger records which fields it added and removes only
 * those. WhatsApp triggers point their own WhatsApp Business Account at their URL with `override_callback_uri`, so
 * several workflows on one app each receive only their account's events. What a trigger added is kept in the
 * workflow's static data (stored by n8n), never in process memory.
 */
export interface SubscriptionPlan {
	object: string;
	fields: string[];
	verifyToken: string;
	/** WhatsApp: the account whose events this trigger receives, and the credential that may manage it. */
	whatsappAccount?: { id: string; credentialType: MetaCredentialType };
	/**
	 * Pages (and Instagram accounts reached through them) and Instagram Login accounts only send what they subscribed
	 * the app to: `/{page-id}/subscribed_apps` with the Page token, or `me/subscribed_apps` with the Instagram token.
	 */
	accountInstall?: { pageId?: string; credentialType: MetaCredentialType };
}

interface AppSubscription {
	object: string;
	callback_url: string;
	fields: Array<{ name: string }>;
}

interface SubscriptionRecord extends IDataObject {
	callbackUrl: string;
	addedFields: string[];
	overrideAdded: boolean;
	accountWasInstalled: boolean;
	/** The account's subscribed fields before this trigger (null: the app was not installed there). */
	installPreviousFields: string[] | null;
	installTouched: boolean;
}

const APP = { credentialType: 'metaAppApi' as const, retry: { maxRetries: 2 } };

async function appId(ctx: IHookFunctions): Promise<string> {
	return String((await ctx.getCredentials<IDataObject>('metaAppApi')).appId ?? '');
}

async function appSubscription(ctx: IHookFunctions, object: string): Promise<AppSubscription | undefined> {
	const { body } = await graphRequest<{ data?: AppSubscription[] }>(ctx, APP, { method: 'GET', path: `${await appId(ctx)}/subscriptions` });
	return (body.data ?? []).find((s) => s.object === object);
}

async function accountInstall(ctx: IHookFunctions, plan: SubscriptionPlan): Promise<IDataObject | undefined> {
	const account = plan.whatsappAccount;
	if (!account) return undefined;
	const { body } = await graphRequest<{ data?: IDataObject[] }>(ctx, { credentialType: account.credentialType }, { method: 'GET', path: `${account.id}/subscribed_apps` });
	const id = await appId(ctx);
	return (body.data ?? []).find((entry) => String((entry.whatsapp_business_api_data as IDataObject | undefined)?.id ?? entry.id) === id);
}

type InstallPlan = NonNullable<SubscriptionPlan['accountInstall']>;

function installRequest(install: InstallPlan) {
	return install.pageId
		? { path: `${install.pageId}/subscribed_apps`, asPage: install.pageId }
		: { path: 'me/subscribed_apps', asPage: undefined };
}

/** The fields the account subscribed this app to, or null when the app is not installed there. */
async function installedFields(ctx: IHookFunctions, install: InstallPlan): Promise<string[] | null> {
	const { body } = await graphRequest<{ data?: IDataObject[] }>(ctx, { credentialType: install.credentialType }, { method: 'GET', ...installRequest(install) });
	const id = await appId(ctx);
	const entry = (body.data ?? []).find((e) => String(e.id) === id);
	return entry ? ((entry.subscribed_fields as string[] | undefined) ?? []) : null;
}

async function setInstall(ctx: IHookFunctions, install: InstallPlan, fields: string[] | null): Promise<void> {
	await graphRequest(ctx, { credentialType: install.credentialType }, {
		method: fields ? 'POST' : 'DELETE',
		...installRequest(install),
		...(fields ? { body: { subscribed_fields: fields.join(',') } } : {}),
		idempotent: true,
	});
}

function record(ctx: IHookFunctions): Partial<SubscriptionRecord> {
	return ctx.getWorkflowStaticData('node') as Partial<SubscriptionRecord>;
}

export async function subscriptionExists(ctx: IHookFunctions, plan: SubscriptionPlan): Promise<boolean> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	const sub = await appSubscription(ctx, plan.object);
	const names = new Set((sub?.fields ?? []).map((f) => f.name));
	if (!sub || !plan.fields.every((f) => names.has(f))) return false;
	if (plan.whatsappAccount) return (await accountInstall(ctx, plan))?.override_callback_uri === url;
	if (plan.accountInstall) {
		const installed = await installedFields(ctx, plan.accountInstall);
		if (!installed || !plan.fields.every((f) => installed.includes(f))) return false;
	}
	return sub.callback_url === url;
}

export async function subscribe(ctx: IHookFunctions, plan: SubscriptionPlan): Promise<boolean> {
	const url = ctx.getNodeWebhookUrl('default') as string;
	const existing = await appSubscription(ctx, plan.object);
	const present = new Set((existing?.fields ?? []).map((f) => f.name));
	const addedFields = plan.fields.filter((f) => !present.has(f));
	// With a per-account override the app-level URL stays whoever's it is; otherwise Meta's one URL becomes ours.
	const appCallback = plan.whatsappAccount && existing ? existing.callback_url : url;
	if (addedFields.length || !existing || appCallback !== existing.callback_url) {
		await graphRequest(ctx, APP, {
			method: 'POST',
			path: `${await appId(ctx)}/subscriptions`,
			body: { object: plan.object, callback_url: appCallback, fields: plan.fields.join(','), verify_token: plan.verifyToken, include_values: true },
			idempotent: true,
		});
	}
	let overrideAdded = false;
	let accountWasInstalled = false;
	if (plan.whatsappAccount) {
		accountWasInstalled = (await accountInstall(ctx, plan)) !== undefined;
		await graphRequest(ctx, { credentialType: plan.whatsappAccount.credentialType }, {
			method: 'POST',
			path: `${plan.whatsappAccount.id}/subscribed_apps`,
			body: { override_callback_uri: url, verify_token: plan.verifyToken },
			idempotent: true,
		});
		overrideAdded = true;
	}
	let installPreviousFields: string[] | null = null;
	if (plan.accountInstall) {
		installPreviousFields = await installedFields(ctx, plan.accountInstall);
		await setInstall(ctx, plan.accountInstall, [...new Set([...(installPreviousFields ?? []), ...plan.fields])]);
	}
	Object.assign(record(ctx), {
		callbackUrl: url,
		addedFields,
		overrideAdded,
		accountWasInstalled,
		installPreviousFields,
		installTouched: Boolean(plan.accountInstall),
	});
	return true;
}

export async function unsubscribe(ctx: IHookFunctions, plan: SubscriptionPlan): Promise<boolean> {
	const saved = record(ctx);
	if (saved.overrideAdded && plan.whatsappAccount) {
		// Back to the app-level URL, or out of the account if this trigger installed the app there.
		await graphRequest(ctx, { credentialType: plan.whatsappAccount.credentialType }, {
			method: saved.accountWasInstalled ? 'POST' : 'DELETE',
			path: `${plan.whatsappAccount.id}/subscribed_apps`,
			idempotent: true,
		});
	}
	if (saved.installTouched && plan.accountInstall) {
		// Back to what the account had subscribed before (or out, if this trigger installed the app there).
		const previous = saved.installPreviousFields ?? null;
		await setInstall(ctx, plan.accountInstall, previous && previous.length ? previous : null);
	}
	// With per-account overrides the app-level fields serve every account's trigger on the app: they stay.
	if (saved.addedFields?.length && !plan.whatsappAccount) {
		await graphRequest(ctx, APP, {
			method: 'DELETE',
			path: `${await appId(ctx)}/subscriptions`,
			qs: { object: plan.object, fields: saved.addedFields.join(',') },
		});
	}
	for (const key of ['callbackUrl', 'addedFields', 'overrideAdded', 'accountWasInstalled', 'installPreviousFields', 'installTouched']) delete saved[key];
	return true;
}
