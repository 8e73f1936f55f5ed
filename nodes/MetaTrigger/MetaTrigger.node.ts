import {
	NodeOperationError,
	VersionedNodeType,
	type IHookFunctions,
	type INodeProperties,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { META_CREDENTIAL_TEST } from '../shared/auth/credentialTest';
import type { MetaCredentialType } from '../shared/connection';
import { canonicalFields } from '../shared/webhooks/fields';
import { webhookCredential } from '../shared/webhooks/appSecrets';
import { handleMetaWebhook } from '../shared/webhooks/handler';
import { leadDetailsEnricher, leadDetailsProperties, leadFormAccepts, leadListSearch } from '../shared/webhooks/leadTrigger';
import { autoSubscriptionMethods, commonOptions, META_WEBHOOKS, setupNotice, subscribeProperty } from '../shared/webhooks/triggerParts';
import { FIELDS_BY_OBJECT, fieldOptions } from '../shared/webhooks/fieldLists';
import { graphIdParameter } from '../shared/webhooks/graphIds';
import { pageLocator, searchPages } from '../shared/webhooks/pickers';
import type { TriggerNeeds } from '../shared/webhooks/sharedSubscriptions';
import { appCredentialOf, setupNoticesV2, subscriptionMethodsV2, triggerVersions, version2Of, webhookV2 } from '../shared/webhooks/triggerPartsV2';

/** Version 1, as saved workflows use it: subscribing is opt-in and testing leaves Meta alone. */
class MetaTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Trigger',
		name: 'metaTrigger',
		icon: { light: 'file:meta.svg', dark: 'file:meta.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["object"] === "other" ? $parameter["customObject"] : $parameter["object"] }}',
		description: 'Starts the workflow on any other Meta webhook (Page feed, lead ads, Messenger, permissions), verified and one item per event',
		defaults: { name: 'Meta Trigger' },
		inputs: [],
		outputs: `={{ ($parameter.options && $parameter.options.separateOutputs && String($parameter.fields || "").trim()) ? String($parameter.fields).split(",").map(f => f.trim()).filter(f => f).map(f => ({ type: "main", displayName: f })) : [{ type: "main" }] }}`,
		credentials: [
			{ name: 'metaAppApi', required: true },
			{
				name: 'metaAccessTokenApi',
				required: true,
				testedBy: 'metaCredentialTest',
				displayOptions: { show: { subscribe: [true], object: ['page'], accountAuthentication: ['metaAccessTokenApi'] } },
			},
			{
				name: 'metaOAuth2Api',
				required: true,
				testedBy: 'metaCredentialTest',
				displayOptions: { show: { subscribe: [true], object: ['page'], accountAuthentication: ['metaOAuth2Api'] } },
			},
		],
		webhooks: META_WEBHOOKS,
		properties: [
			setupNotice('matching', 'the fields listed below'),
			{
				displayName: 'Object',
				name: 'object',
				type: 'options',
				options: [
					{ name: 'Ad Account', value: 'ad_account' },
					{ name: 'Application', value: 'application' },
					{ name: 'Other', value: 'other' },
					{ name: 'Page (Feed, Mentions, Lead Ads, Messenger)', value: 'page' },
					{ name: 'Permissions', value: 'permissions' },
					{ name: 'User', value: 'user' },
				],
				default: 'page',
			},
			{
				displayName: 'Object Name',
				name: 'customObject',
				type: 'string',
				default: '',
				required: true,
				description: 'The webhook object as Meta names it',
				displayOptions: { show: { object: ['other'] } },
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'feed, leadgen, messages',
				description: 'Only events of these fields (comma-separated); empty means all. Messenger messages count as "messages".',
			},
			subscribeProperty,
			{
				displayName: 'Page ID',
				name: 'pageId',
				type: 'string',
				default: '',
				required: true,
				description: 'The Page whose events this workflow receives; it subscribes the app when the workflow is activated',
				displayOptions: { show: { subscribe: [true], object: ['page'] } },
			},
			{
				displayName: 'Page Connection',
				name: 'accountAuthentication',
				type: 'options',
				options: [
					{ name: 'Access Token (User or Page)', value: 'metaAccessTokenApi' },
					{ name: 'Facebook Login (OAuth2)', value: 'metaOAuth2Api' },
				],
				default: 'metaAccessTokenApi',
				description: 'A connection of a Page admin: the Page token is derived from it',
				// No displayOptions: n8n's editor shows this choice in the credential dialog and hides every parameter
				// named in its displayOptions (it hid Subscribe Automatically). The credentials' own displayOptions gate it.
			},
			...leadDetailsProperties,
			commonOptions,
		],
	};

	methods = { credentialTest: META_CREDENTIAL_TEST, listSearch: leadListSearch };

	webhookMethods = autoSubscriptionMethods(async (ctx) => {
		const credentials = await ctx.getCredentials<IDataObject>('metaAppApi');
		const selected = ctx.getNodeParameter('object', 'page') as string;
		const fields = String(ctx.getNodeParameter('fields', '') ?? '')
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean);
		if (fields.length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'List the fields to subscribe to (for example feed, leadgen), or turn off Subscribe Automatically.');
		}
		const pageId = selected === 'page' ? String(ctx.getNodeParameter('pageId', '')).trim() : '';
		const object = selected === 'other' ? String(ctx.getNodeParameter('customObject', '')).trim() : selected;
		return {
			object,
			// Saved workflows may hold version 1's labels (messaging_postback…): Meta knows only its own names.
			fields: canonicalFields(object, fields),
			verifyToken: String(credentials.verifyToken ?? ''),
			// A Page sends its events only once it subscribed the app (Page token derived from the account credential).
			accountInstall: pageId ? { pageId, credentialType: ctx.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType } : undefined,
		};
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const selected = this.getNodeParameter('object', 'page') as string;
		const object = selected === 'other' ? String(this.getNodeParameter('customObject', '')).trim() : selected;
		const typed = String(this.getNodeParameter('fields', '') ?? '')
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean);
		// Version 1's labels (messaging_postback…) and other spellings read as Meta's names; one output per typed field.
		const fields = typed.map((field) => canonicalFields(object, [field])[0]);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const separate = options.separateOutputs === true && fields.length > 0;
		return await handleMetaWebhook(this, {
			credential: webhookCredential(this),
			objects: [object],
			accept: (item) => (fields.length === 0 || fields.includes(String(item.field))) && leadFormAccepts(this, item),
			outputOf: separate ? (item) => fields.indexOf(String(item.field)) : undefined,
			outputCount: separate ? fields.length : 1,
			includeRaw: options.includeRaw === true,
			enrichItem: leadDetailsEnricher(this),
		});
	}
}

/** Version 2 lists each object's fields; the value is the same comma-joinable list version 1's webhook reads. */
function fieldPickers(v1Fields: INodeProperties): INodeProperties[] {
	const listed = Object.keys(FIELDS_BY_OBJECT);
	return [
		...listed.map(
			(object): INodeProperties => ({
				displayName: 'Fields',
				name: 'fields',
				type: 'multiOptions',
				options: fieldOptions(object),
				default: [],
				description: 'Only events of these fields; none selected means all (and nothing to subscribe)',
				displayOptions: { show: { object: [object] } },
			}),
		),
		{ ...v1Fields, displayOptions: { hide: { object: listed } } },
	];
}

function fieldList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return list.map((f) => f.trim()).filter(Boolean);
}

async function needsOf(ctx: IHookFunctions): Promise<TriggerNeeds> {
	const selected = ctx.getNodeParameter('object', 'page') as string;
	const fields = fieldList(ctx.getNodeParameter('fields', []));
	if (fields.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Fields is empty: choose the fields to subscribe to (for example feed, leadgen), or turn off Subscribe Automatically.');
	}
	const credentialType = ctx.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType;
	const object = selected === 'other' ? String(ctx.getNodeParameter('customObject', '')).trim() : selected;
	return {
		object,
		// Free text (objects without a list) may hold other spellings: Meta knows only its own names.
		fields: canonicalFields(object, fields),
		...(await appCredentialOf(ctx)),
		// A Page sends its events only once it installed the app: a blank Page ID is an error in version 2.
		install: selected === 'page' ? { kind: 'page', pageId: graphIdParameter(ctx, 'pageId', 'Page ID'), credentialType } : undefined,
	};
}

/** Version 2: subscribes by default, also while listening for a test event, with each object's fields as a list. */
class MetaTriggerV2 extends MetaTriggerV1 {
	description = version2Of(new MetaTriggerV1().description, {
		setupNotice: () => setupNoticesV2('matching', 'the fields chosen below'),
		fields: fieldPickers,
		pageId: (v1) => [pageLocator(v1)],
	});

	// The lead-form picker (version 1's options, kept) and the Page picker.
	methods = { credentialTest: META_CREDENTIAL_TEST, listSearch: { ...leadListSearch, searchPages } };

	webhookMethods = subscriptionMethodsV2(needsOf);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhookV2(this, super.webhook);
	}
}

export class MetaTrigger extends VersionedNodeType {
	constructor() {
		super(...triggerVersions(new MetaTriggerV1(), new MetaTriggerV2()));
	}
}
