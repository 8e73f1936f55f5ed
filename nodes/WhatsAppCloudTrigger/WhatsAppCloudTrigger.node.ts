import {
	VersionedNodeType,
	type IDataObject,
	type IHookFunctions,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { META_CREDENTIAL_TEST } from '../shared/auth/credentialTest';
import { webhookCredential } from '../shared/webhooks/appSecrets';
import { handleMetaWebhook } from '../shared/webhooks/handler';
import {
	commonOptions,
	autoSubscriptionMethods,
	fieldsFor,
	META_WEBHOOKS,
	outputsExpression,
	readSelection,
	setupNotice,
	subscribeProperty,
} from '../shared/webhooks/triggerParts';
import { WHATSAPP_OVERRIDE_FIELDS } from '../shared/webhooks/fieldLists';
import { graphIdParameter } from '../shared/webhooks/graphIds';
import { accountLocator, phoneNumbersPicker, pickerMethods } from './pickers';
import type { TriggerNeeds } from '../shared/webhooks/sharedSubscriptions';
import { appCredentialOf, setupNoticesV2, subscriptionMethodsV2, triggerVersions, version2Of, webhookV2 } from '../shared/webhooks/triggerPartsV2';

const EVENTS: INodePropertyOptions[] = [
	{ name: 'Incoming Message', value: 'message', description: 'A customer sent a message (any kind, filtered below)' },
	{ name: 'Message Status', value: 'status', description: 'Sent, delivered, read or failed, with the error when it failed' },
	{ name: 'Template Status Update', value: 'template_status' },
	{ name: 'Template Quality Update', value: 'template_quality' },
	{ name: 'Account Update', value: 'account_update' },
	{ name: 'Phone Number Quality Update', value: 'phone_number_quality_update' },
	{ name: 'Phone Number Name Update', value: 'phone_number_name_update' },
	{ name: 'Business Capability Update', value: 'business_capability_update' },
	{ name: 'Asynchronous Error', value: 'error' },
];

const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'order', 'system', 'request_welcome', 'unsupported'];
const STATUSES = ['sent', 'delivered', 'read', 'failed', 'played'];

function toOptions(values: string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), value }));
}

/** Version 1, as saved workflows use it: subscribing is opt-in and testing leaves Meta alone. */
class WhatsAppCloudTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow on WhatsApp messages and statuses, verified and one item per message or status',
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: outputsExpression('events', EVENTS),
		credentials: [
			{ name: 'metaAppApi', required: true },
			{ name: 'metaAccessTokenApi', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { subscribe: [true] } } },
		],
		webhooks: META_WEBHOOKS,
		properties: [
			setupNotice('WhatsApp Business Account', 'messages (plus message_template_status_update and the account fields you select)'),
			{ displayName: 'Events', name: 'events', type: 'multiOptions', options: EVENTS, default: ['message'], required: true },
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: toOptions(MESSAGE_TYPES),
				default: [],
				description: 'Only these kinds of incoming message; none selected means all',
				displayOptions: { show: { events: ['message'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: toOptions(STATUSES),
				default: [],
				description: 'Only these statuses; none selected means all',
				displayOptions: { show: { events: ['status'] } },
			},
			{
				displayName: 'Phone Number IDs',
				name: 'phoneNumberIds',
				type: 'string',
				default: '',
				placeholder: '106540352242922, 106540352242923',
				description: 'Only events for these sending phone numbers (comma-separated IDs); empty means all',
			},
			subscribeProperty,
			{
				displayName: 'WhatsApp Business Account ID',
				name: 'whatsappAccountId',
				type: 'string',
				default: '',
				required: true,
				description:
					"The account whose events this workflow receives. Its webhooks are pointed at this node's URL (callback override), so other workflows on the same Meta app can watch other accounts.",
				displayOptions: { show: { subscribe: [true] } },
			},
			commonOptions,
		],
	};

	methods = { credentialTest: META_CREDENTIAL_TEST };

	webhookMethods = autoSubscriptionMethods(async (ctx) => {
		const credentials = await ctx.getCredentials<IDataObject>('metaAppApi');
		const accountId = String(ctx.getNodeParameter('whatsappAccountId', '') ?? '').trim();
		return {
			object: 'whatsapp_business_account',
			fields: fieldsFor(ctx.getNodeParameter('events', []) as string[]),
			verifyToken: String(credentials.verifyToken ?? ''),
			whatsappAccount: accountId ? { id: accountId, credentialType: 'metaAccessTokenApi' } : undefined,
		};
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const selection = readSelection(this, 'events');
		const messageTypes = this.getNodeParameter('messageTypes', []) as string[];
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const phoneNumberIds = String(this.getNodeParameter('phoneNumberIds', '') ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		const accept = (item: IDataObject): boolean => {
			const kind = String(item.kind);
			if (!selection.selected.includes(kind)) return false;
			if (kind === 'message' && messageTypes.length && !messageTypes.includes(String(item.messageType))) return false;
			if (kind === 'status' && statuses.length && !statuses.includes(String(item.status))) return false;
			const phone = item.phoneNumberId;
			if (phoneNumberIds.length && typeof phone === 'string' && !phoneNumberIds.includes(phone)) return false;
			return true;
		};
		return await handleMetaWebhook(this, {
			credential: webhookCredential(this),
			objects: ['whatsapp_business_account'],
			accept,
			outputOf: selection.outputOf,
			outputCount: selection.outputCount,
			includeRaw: selection.includeRaw,
		});
	}
}

/** Events whose fields Meta never sends to an account's callback override (see WHATSAPP_OVERRIDE_FIELDS). */
const APP_CALLBACK_EVENTS = EVENTS.map((e) => String(e.value)).filter((kind) => !WHATSAPP_OVERRIDE_FIELDS.includes(fieldsFor([kind])[0]));

const APP_CALLBACK_NOTICE: INodeProperties = {
	displayName:
		"Template status and quality, account and phone-number updates always go to the Meta app's own callback URL (Meta's per-account callback override carries only messages and statuses): this workflow takes the app's callback for them, so only one workflow per Meta app can receive them.",
	name: 'appCallbackNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { events: APP_CALLBACK_EVENTS } },
};

async function needsOf(ctx: IHookFunctions): Promise<TriggerNeeds> {
	return {
		object: 'whatsapp_business_account',
		fields: fieldsFor(ctx.getNodeParameter('events', []) as string[]),
		...(await appCredentialOf(ctx)),
		// Meta delivers an account's webhooks only once it installed the app; a blank ID is an error, never the app-level URL.
		install: { kind: 'whatsapp', accountId: graphIdParameter(ctx, 'wabaId', 'WhatsApp Business Account'), credentialType: 'metaAccessTokenApi' },
		overrideFields: WHATSAPP_OVERRIDE_FIELDS,
	};
}

/** Version 2: subscribes by default, also while listening for a test event, and routes each field where Meta sends it. */
class WhatsAppCloudTriggerV2 extends WhatsAppCloudTriggerV1 {
	description = version2Of(new WhatsAppCloudTriggerV1().description, {
		setupNotice: () => [...setupNoticesV2('WhatsApp Business Account', 'messages, plus the template and account fields of the events chosen'), APP_CALLBACK_NOTICE],
		whatsappAccountId: (v1) => [accountLocator(v1)],
		phoneNumberIds: (v1) => [phoneNumbersPicker(v1)],
	});

	methods = { credentialTest: META_CREDENTIAL_TEST, ...pickerMethods };

	webhookMethods = subscriptionMethodsV2(needsOf);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhookV2(this, super.webhook);
	}
}

export class WhatsAppCloudTrigger extends VersionedNodeType {
	constructor() {
		super(...triggerVersions(new WhatsAppCloudTriggerV1(), new WhatsAppCloudTriggerV2()));
	}
}
