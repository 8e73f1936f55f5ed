import type { IDataObject, IHookFunctions, INodeProperties, INodePropertyOptions, IWebhookDescription, IWebhookFunctions } from 'n8n-workflow';
import { subscribe, subscriptionExists, unsubscribe, type SubscriptionPlan } from './subscriptions';

/** GET for Meta's verification handshake, POST for deliveries: same path, as Meta calls one callback URL. */
export const META_WEBHOOKS: IWebhookDescription[] = [
	{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'meta' },
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'meta' },
];

/**
 * When and why to add a claim step after the trigger (docs/triggers-events.md, "What is guaranteed"): for the notice
 * of every trigger version.
 */
export const EXACTLY_ONCE_SENTENCE =
	"Meta sends some events twice; this trigger starts each event once within one n8n process and, through the workflow's saved data, across processes unless two copies arrive at the same moment. For exactly once in queue mode with several webhook processors, put a Postgres node right after this trigger: Execute Query <code>WITH claimed AS (INSERT INTO meta_seen_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id) SELECT event_id FROM claimed</code> with Query Parameters <code>{{ [$json.eventId] }}</code> (table: <code>event_id text PRIMARY KEY</code>); only new events come out of it.";

export function setupNotice(objectLabel: string, fields: string): INodeProperties {
	return {
		displayName: `In your Meta app, open Webhooks, choose the ${objectLabel} object, paste this node's Production URL as the Callback URL and the verify token from the Meta App credential, then subscribe the fields: ${fields}. Deliveries that fail the signature check are refused with 401 and start nothing. ${EXACTLY_ONCE_SENTENCE}`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	};
}

export const commonOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Include Raw Event',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the event exactly as Meta sent it, under "raw"',
		},
		{
			displayName: 'Subscribe When Testing',
			name: 'subscribeWhenTesting',
			type: 'boolean',
			default: false,
			description:
				"Whether listening for a test event in the editor may point Meta at the test URL. Off keeps the production subscription of this workflow untouched, so Meta keeps calling the Production URL.",
		},
		{
			displayName: 'Separate Output per Event',
			name: 'separateOutputs',
			type: 'boolean',
			default: false,
			description: 'Whether to give each selected event its own output, so each kind can be wired to its own branch',
		},
	],
};

/** One output, or one per selected event when "Separate Output per Event" is on. */
export function outputsExpression(eventsParameter: string, options: INodePropertyOptions[]): `={{${string}}}` {
	const labels = JSON.stringify(Object.fromEntries(options.map((o) => [o.value, o.name])));
	return `={{ ($parameter.options && $parameter.options.separateOutputs && ($parameter.${eventsParameter} || []).length) ? $parameter.${eventsParameter}.map(e => ({ type: "main", displayName: (${labels})[e] || e })) : [{ type: "main" }] }}`;
}

export interface TriggerSelection {
	selected: string[];
	includeRaw: boolean;
	outputOf?: (item: IDataObject) => number;
	outputCount: number;
}

/** Reads the event list and options, and maps each event's kind to its output. */
export function readSelection(ctx: IWebhookFunctions, eventsParameter: string): TriggerSelection {
	const selected = ctx.getNodeParameter(eventsParameter, []) as string[];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const separate = options.separateOutputs === true && selected.length > 0;
	return {
		selected,
		includeRaw: options.includeRaw === true,
		outputCount: separate ? selected.length : 1,
		outputOf: separate ? (item) => selected.indexOf(String(item.kind)) : undefined,
	};
}


/** The toggle every trigger shows; with it off, the node only shows what to paste into Meta's dashboard. */
export const subscribeProperty: INodeProperties = {
	displayName: 'Subscribe Automatically',
	name: 'subscribe',
	type: 'boolean',
	default: false,
	description:
		"Whether activating the workflow registers this node's URL with Meta (app webhook subscription) and deactivating removes only the fields it added",
};

/** Webhook methods that manage the subscription when "Subscribe Automatically" is on, and do nothing otherwise. */
export function autoSubscriptionMethods(planOf: (ctx: IHookFunctions) => Promise<SubscriptionPlan | undefined>) {
	async function activePlan(ctx: IHookFunctions): Promise<SubscriptionPlan | undefined> {
		if (ctx.getNodeParameter('subscribe', false) !== true) return undefined;
		const options = ctx.getNodeParameter('options', {}) as IDataObject;
		if (ctx.getMode() === 'manual' && options.subscribeWhenTesting !== true) {
			ctx.logger.info('Meta subscription left untouched while testing: Meta keeps calling the Production URL', { node: ctx.getNode().name });
			return undefined;
		}
		return await planOf(ctx);
	}
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const plan = await activePlan(this);
				return plan ? await subscriptionExists(this, plan) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const plan = await activePlan(this);
				return plan ? await subscribe(this, plan) : true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const plan = await activePlan(this);
				return plan ? await unsubscribe(this, plan) : true;
			},
		},
	};
}

/** Meta's subscription field for each event kind the triggers offer. */
export const FIELD_OF_KIND: Record<string, string> = {
	message: 'messages',
	message_echo: 'messages',
	message_deleted: 'messages',
	message_edit: 'message_edit',
	postback: 'messaging_postbacks',
	reaction: 'message_reactions',
	seen: 'messaging_seen',
	referral: 'messaging_referral',
	comment: 'comments',
	live_comment: 'live_comments',
	mention: 'mentions',
	story_insights: 'story_insights',
	status: 'messages',
	error: 'messages',
	template_status: 'message_template_status_update',
	template_quality: 'message_template_quality_update',
};

export function fieldsFor(kinds: string[]): string[] {
	return [...new Set(kinds.map((kind) => FIELD_OF_KIND[kind] ?? kind))];
}
