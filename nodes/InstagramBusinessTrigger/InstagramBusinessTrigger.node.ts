import {
	VersionedNodeType,
	type IDataObject,
	type IHookFunctions,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { META_CREDENTIAL_TEST } from '../shared/auth/credentialTest';
import type { MetaCredentialType } from '../shared/connection';
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
import { graphIdParameter } from '../shared/webhooks/graphIds';
import { pageLocator, searchPages } from '../shared/webhooks/pickers';
import type { TriggerNeeds } from '../shared/webhooks/sharedSubscriptions';
import { appCredentialOf, setupNoticesV2, subscriptionMethodsV2, triggerVersions, version2Of, webhookV2 } from '../shared/webhooks/triggerPartsV2';

const EVENTS: INodePropertyOptions[] = [
	{ name: 'New Direct Message', value: 'message', description: 'A person sent the account a DM' },
	{ name: 'Message Sent by the Account (Echo)', value: 'message_echo' },
	{ name: 'Message Deleted', value: 'message_deleted' },
	{ name: 'Message Edited', value: 'message_edit' },
	{ name: 'Postback (Button or Ice Breaker Tapped)', value: 'postback' },
	{ name: 'Reaction to a Message', value: 'reaction' },
	{ name: 'Message Seen', value: 'seen' },
	{ name: 'Referral', value: 'referral' },
	{ name: 'New Comment', value: 'comment' },
	{ name: 'New Live Comment', value: 'live_comment' },
	{ name: 'Mention', value: 'mention' },
	{ name: 'Story Insights', value: 'story_insights' },
];

/** Version 1, as saved workflows use it: subscribing is opt-in and testing leaves Meta alone. */
class InstagramBusinessTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instagram Business Trigger',
		name: 'instagramBusinessTrigger',
		icon: { light: 'file:instagram.svg', dark: 'file:instagram.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow on Instagram DMs, comments, mentions and more, verified and one item per event',
		defaults: { name: 'Instagram Business Trigger' },
		inputs: [],
		outputs: outputsExpression('events', EVENTS),
		credentials: [
			{ name: 'metaAppApi', required: true },
			{
				name: 'metaAccessTokenApi',
				required: true,
				testedBy: 'metaCredentialTest',
				displayOptions: { show: { subscribe: [true], accountAuthentication: ['metaAccessTokenApi'] } },
			},
			{ name: 'metaOAuth2Api', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { subscribe: [true], accountAuthentication: ['metaOAuth2Api'] } } },
		],
		webhooks: META_WEBHOOKS,
		properties: [
			setupNotice('Instagram', 'messages, messaging_postbacks, messaging_reactions, messaging_seen, message_edit, comments, live_comments, mentions, story_insights (as needed)'),
			{
				displayName: 'App Login Type',
				name: 'loginType',
				type: 'options',
				options: [
					{ name: 'Facebook Login (Instagram Account Linked to a Page)', value: 'facebook' },
					{ name: 'Instagram Login', value: 'instagram' },
				],
				default: 'facebook',
				description: 'Instagram Login apps sign webhooks with the Instagram app secret',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				default: ['message', 'comment', 'mention'],
				required: true,
			},
			subscribeProperty,
			{
				displayName: 'Account Connection',
				name: 'accountAuthentication',
				type: 'options',
				options: [
					{ name: 'Access Token (User, Page or Instagram Login)', value: 'metaAccessTokenApi' },
					{ name: 'Facebook Login (OAuth2)', value: 'metaOAuth2Api' },
				],
				default: 'metaAccessTokenApi',
				description: 'The connection that subscribes the account to the app: a Page admin for Facebook Login apps, the Instagram account itself for Instagram Login apps',
				// No displayOptions: n8n's editor shows this choice in the credential dialog and hides every parameter
				// named in its displayOptions (it hid Subscribe Automatically). The credentials' own displayOptions gate it.
			},
			{
				displayName: 'Page ID',
				name: 'pageId',
				type: 'string',
				default: '',
				required: true,
				description: 'The Facebook Page linked to the Instagram account; Meta sends its Instagram events only once the Page subscribes the app',
				displayOptions: { show: { subscribe: [true], loginType: ['facebook'] } },
			},
			commonOptions,
		],
	};

	methods = { credentialTest: META_CREDENTIAL_TEST };

	webhookMethods = autoSubscriptionMethods(async (ctx) => {
		const credentials = await ctx.getCredentials<IDataObject>('metaAppApi');
		const loginType = ctx.getNodeParameter('loginType', 'facebook') as string;
		const credentialType = ctx.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType;
		return {
			object: 'instagram',
			fields: fieldsFor(ctx.getNodeParameter('events', []) as string[]),
			verifyToken: String(credentials.verifyToken ?? ''),
			accountInstall:
				loginType === 'facebook'
					? { pageId: String(ctx.getNodeParameter('pageId', '')).trim(), credentialType }
					: { credentialType },
		};
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const loginType = this.getNodeParameter('loginType', 'facebook') as string;
		const selection = readSelection(this, 'events');
		return await handleMetaWebhook(this, {
			credential: webhookCredential(this, (app) => (loginType === 'instagram' ? [app.instagramAppSecret || app.appSecret] : [app.appSecret])),
			objects: ['instagram'],
			accept: (item) => selection.selected.includes(String(item.kind)),
			outputOf: selection.outputOf,
			outputCount: selection.outputCount,
			includeRaw: selection.includeRaw,
		});
	}
}

const FIELD_LIST = 'messages, messaging_postbacks, message_reactions, messaging_seen, message_edit, comments, live_comments, mentions, story_insights (as chosen)';

async function needsOf(ctx: IHookFunctions): Promise<TriggerNeeds> {
	const loginType = ctx.getNodeParameter('loginType', 'facebook') as string;
	const credentialType = ctx.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType;
	return {
		object: 'instagram',
		fields: fieldsFor(ctx.getNodeParameter('events', []) as string[]),
		...(await appCredentialOf(ctx, loginType === 'instagram')),
		// A blank Page ID is an error in version 2: without the Page's install Meta sends none of its Instagram events.
		install: loginType === 'facebook' ? { kind: 'page', pageId: graphIdParameter(ctx, 'pageId', 'Page ID'), credentialType } : { kind: 'instagramLogin', credentialType },
	};
}

/** Version 2: subscribes by default, also while listening for a test event, and shares one Meta app with other workflows. */
class InstagramBusinessTriggerV2 extends InstagramBusinessTriggerV1 {
	description = version2Of(new InstagramBusinessTriggerV1().description, {
		setupNotice: () => setupNoticesV2('Instagram', FIELD_LIST),
		pageId: (v1) => [pageLocator(v1)],
	});

	methods = { credentialTest: META_CREDENTIAL_TEST, listSearch: { searchPages } };

	webhookMethods = subscriptionMethodsV2(needsOf);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhookV2(this, super.webhook);
	}
}

export class InstagramBusinessTrigger extends VersionedNodeType {
	constructor() {
		super(...triggerVersions(new InstagramBusinessTriggerV1(), new InstagramBusinessTriggerV2()));
	}
}
