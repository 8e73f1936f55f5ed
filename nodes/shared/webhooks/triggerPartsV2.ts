import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { answer } from './handler';
import { EXACTLY_ONCE_SENTENCE } from './triggerParts';
import { isRecorded, subscribeTrigger, subscriptionInPlace, unsubscribeTrigger, type TriggerNeeds } from './sharedSubscriptions';

/** Version 2: subscribing is what most builders expect, so it is on. */
export const subscribePropertyV2: INodeProperties = {
	displayName: 'Subscribe Automatically',
	name: 'subscribe',
	type: 'boolean',
	default: true,
	description:
		"Whether publishing the workflow registers this node's Production URL with Meta (and Listen for Test Event its Test URL, until listening stops); deactivating removes only what no other trigger still uses",
};

const HTTPS_SENTENCE =
	'Meta calls only HTTPS URLs: an n8n on your own computer needs a public HTTPS address (set WEBHOOK_URL; a tunnel such as ngrok or cloudflared works).';

/** What happens for the choices made, and what to do first; one notice per choice, so each says only what applies. */
export function setupNoticesV2(objectLabel: string, fields: string): INodeProperties[] {
	return [
		{
			displayName: `Publish this workflow to start receiving: Meta is then pointed at this node's Production URL for the ${objectLabel} fields of the events chosen below (${fields}). Listen for Test Event points Meta at the Test URL while listening and puts the Production URL back when it stops, so publish first to keep production running. ${HTTPS_SENTENCE}`,
			name: 'setupNoticeSubscribe',
			type: 'notice',
			default: '',
			displayOptions: { show: { subscribe: [true] } },
		},
		{
			displayName: `Nothing is registered with Meta for you: in your Meta app, open Webhooks, choose the ${objectLabel} object, paste this node's Production URL (or, to listen for a test event, its Test URL) and the verify token of the Meta App credential, then subscribe the fields: ${fields}. ${HTTPS_SENTENCE}`,
			name: 'setupNoticeManual',
			type: 'notice',
			default: '',
			displayOptions: { show: { subscribe: [false] } },
		},
		{
			displayName: `Deliveries that fail the signature check are refused with 401 and start nothing. ${EXACTLY_ONCE_SENTENCE}`,
			name: 'deliveryNotice',
			type: 'notice',
			default: '',
		},
	];
}

/**
 * Webhook methods of the version-2 triggers. n8n runs them on publishing ('trigger' mode, Production URL), on
 * Listen for Test Event ('manual' mode, Test URL) and, when listening or the workflow stops, `delete` for the same
 * URL; every step is recorded per URL, so the test subscription is undone and the production one put back.
 */
export function subscriptionMethodsV2(needsOf: (ctx: IHookFunctions) => Promise<TriggerNeeds>) {
	const active = (ctx: IHookFunctions) => ctx.getNodeParameter('subscribe', true) === true;
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!active(this)) return true;
				// Listening always runs create, so what it changes is recorded and put back when listening stops.
				if (this.getMode() === 'manual') return false;
				return await subscriptionInPlace(this, await needsOf(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return active(this) ? await subscribeTrigger(this, await needsOf(this)) : true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return active(this) ? await unsubscribeTrigger(this, await needsOf(this)) : true;
			},
		},
	};
}

/**
 * A delivery to the Test URL before n8n stored what `create` changed. n8n 2.41 (TestWebhooks.needsWebhook) keeps the
 * node's static data for a test webhook only after `create` returns, and ends the listening after the first test
 * execution with whatever it kept: an execution started now would make `delete` find no record, and Meta would stay
 * on the Test URL. So it starts nothing and answers 503, which Meta redelivers; by then the record is there.
 */
export function listeningNotReady(ctx: IWebhookFunctions): IWebhookResponseData | undefined {
	if (ctx.getMode() !== 'manual' || ctx.getWebhookName() !== 'default' || ctx.getNodeParameter('subscribe', true) !== true) return undefined;
	// The URL being served (the Test URL here); getNodeWebhookUrl would name the production one.
	const url = ctx.getWebhookResourceUrl('default');
	if (!url || isRecorded(ctx.getWorkflowStaticData('node'), url)) return undefined;
	ctx.logger.info(`Meta delivery to ${url} before n8n finished setting up the listening: answered 503 so Meta sends it again`, { node: ctx.getNode().name });
	return answer(ctx, 503, { error: 'This test URL is still being set up; Meta delivers the event again.' });
}

/** Version 2's webhook: version 1's, behind the listening guard above. */
export async function webhookV2(ctx: IWebhookFunctions, v1: (this: IWebhookFunctions) => Promise<IWebhookResponseData>): Promise<IWebhookResponseData> {
	return listeningNotReady(ctx) ?? (await v1.call(ctx));
}

/** The Meta App credential's secrets and verify token, as the subscription needs them. */
export async function appCredentialOf(ctx: IHookFunctions, instagramLogin = false): Promise<Pick<TriggerNeeds, 'verifyToken' | 'appSecret'>> {
	const credentials = await ctx.getCredentials<IDataObject>('metaAppApi');
	const appSecret = String(credentials.appSecret ?? '');
	return {
		verifyToken: String(credentials.verifyToken ?? ''),
		appSecret: instagramLogin ? String(credentials.instagramAppSecret ?? '') || appSecret : appSecret,
	};
}

/**
 * Version 2's description from version 1's: same events and filters, with the parts that changed swapped in, so a
 * change to the events (made once, in version 1's file) reaches both versions.
 */
export function version2Of(v1: INodeTypeDescription, swap: Record<string, (v1Property: INodeProperties) => INodeProperties[]>): INodeTypeDescription {
	const properties = v1.properties.flatMap((property): INodeProperties[] => {
		if (swap[property.name]) return swap[property.name](property);
		if (property.name === 'subscribe') return [subscribePropertyV2];
		// Listening for a test event always subscribes the Test URL in version 2, and puts production back after.
		if (property.name === 'options') return [{ ...property, options: (property.options ?? []).filter((o) => o.name !== 'subscribeWhenTesting') }];
		return [property];
	});
	return { ...v1, version: 2, properties };
}

/** The arguments of VersionedNodeType for a trigger's two versions; new workflows get version 2. */
export function triggerVersions(v1: INodeType, v2: INodeType): [Record<number, INodeType>, INodeTypeBaseDescription] {
	const { displayName, name, icon, group, description } = v1.description;
	return [{ 1: v1, 2: v2 }, { displayName, name, icon, group, description, defaultVersion: 2 }];
}
