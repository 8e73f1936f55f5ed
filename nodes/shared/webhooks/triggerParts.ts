import type { IDataObject, IHookFunctions, INodeProperties, INodePropertyOptions, IWebhookDescription, IWebhookFunctions } from 'n8n-workflow';
import type { MetaEvent } from './events';

/** GET for Meta's verification handshake, POST for deliveries: same path, as Meta calls one callback URL. */
export const META_WEBHOOKS: IWebhookDescription[] = [
	{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'meta' },
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'meta' },
];

export function setupNotice(objectLabel: string, fields: string): INodeProperties {
	return {
		displayName: `In your Meta app, open Webhooks, choose the ${objectLabel} object, paste this node's Production URL as the Callback URL and the verify token from the Meta App credential, then subscribe the fields: ${fields}. Deliveries that fail the signature check are refused with 401 and start nothing.`,
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
	outputOf?: (event: MetaEvent) => number;
	outputCount: number;
}

/** Reads the event list and options, and maps each event kind to its output. */
export function readSelection(ctx: IWebhookFunctions, eventsParameter: string, kindOf: (event: MetaEvent) => string): TriggerSelection {
	const selected = ctx.getNodeParameter(eventsParameter, []) as string[];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const separate = options.separateOutputs === true && selected.length > 0;
	return {
		selected,
		includeRaw: options.includeRaw === true,
		outputCount: separate ? selected.length : 1,
		outputOf: separate ? (event) => selected.indexOf(kindOf(event)) : undefined,
	};
}

/**
 * Subscriptions are managed in Meta's dashboard for now (the node shows what to paste there), so activation has
 * nothing to register or remove.
 */
export const manualSubscriptionMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
