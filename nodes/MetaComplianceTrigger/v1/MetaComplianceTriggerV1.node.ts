import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { DEFAULT_MAX_AGE_MINUTES, MAX_MAX_AGE_MINUTES, handleComplianceCallback, statusUrlFor, type CallbackKind } from '../helpers/callbacks';

/** Two callback URLs on one node: each has its own path, so the two URLs to paste into Meta's dashboard differ. */
const KIND_OF_WEBHOOK: Record<string, CallbackKind> = { default: 'data_deletion_request', setup: 'deauthorized' };

/** The node's icon, light and dark (the registered node in ../MetaComplianceTrigger.node.ts resolves the files beside it). */
const icon: INodeTypeDescription['icon'] = { light: 'file:metaCompliance.svg', dark: 'file:metaCompliance.dark.svg' };

/** Version 1, as first published. */
export class MetaComplianceTriggerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta App Compliance Trigger',
		name: 'metaComplianceTrigger',
		icon,
		group: ['trigger'],
		version: 1,
		subtitle: 'Data deletion requests and deauthorizations',
		description:
			"Starts the workflow when a person asks your Meta app to delete their data or removes the app, verified with the app secret; answers Meta's data deletion request with a status link and confirmation code",
		defaults: { name: 'Meta App Compliance Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Data Deletion Request', 'Deauthorized'],
		credentials: [{ name: 'metaAppApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'data-deletion' },
			{ name: 'setup', httpMethod: 'POST', responseMode: 'onReceived', path: 'deauthorize' },
		],
		properties: [
			{
				displayName:
					"Paste this node's two Production URLs into your Meta app. The URL ending in <b>/data-deletion</b> goes to App settings → Basic → <b>Data deletion request URL</b>. The URL ending in <b>/deauthorize</b> goes to Facebook Login (or Facebook Login for Business) → Settings → <b>Deauthorize callback URL</b>. Apps using Instagram Login also have both fields under Instagram → API setup with Instagram login → Set up Instagram business login → Business login settings. Requests not signed with the app secret (or the Instagram app secret) are refused and start nothing.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Status Page URL',
				name: 'statusUrl',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'https://n8n.example.com/webhook/deletion-status?code={code}',
				description:
					'Where a person can check their deletion request; Meta shows them this link. {code} is replaced with the confirmation code, or "code=" is added to the query when there is no {code}.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Signed Payload',
						name: 'includePayload',
						type: 'boolean',
						default: false,
						description: 'Whether to add the verified payload exactly as Meta signed it, under "payload"',
					},
					{
						displayName: 'Max Age (Minutes)',
						name: 'maxAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_MAX_AGE_MINUTES },
						default: DEFAULT_MAX_AGE_MINUTES,
						description:
							'Requests issued longer ago than this are refused as replays. Meta calls at once, so a real request is seconds old.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Nothing is registered with Meta (the URLs are pasted by hand); create() only checks the settings.
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const template = String(this.getNodeParameter('statusUrl', '') ?? '');
				if (!statusUrlFor(template, 'check')) {
					throw new NodeOperationError(this.getNode(), 'Status Page URL must be an absolute http(s) URL', {
						description: 'Enter the address of your deletion status page, for example https://n8n.example.com/webhook/deletion-status?code={code}.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials<IDataObject>('metaAppApi');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		return handleComplianceCallback(this, {
			kind: KIND_OF_WEBHOOK[this.getWebhookName()] ?? 'data_deletion_request',
			secrets: [
				{ label: 'facebook', secret: String(credentials.appSecret ?? '') },
				{ label: 'instagram', secret: String(credentials.instagramAppSecret ?? '') },
			],
			maxAgeMinutes: Number(options.maxAgeMinutes ?? DEFAULT_MAX_AGE_MINUTES),
			statusUrlTemplate: String(this.getNodeParameter('statusUrl', '') ?? ''),
			includePayload: options.includePayload === true,
		});
	}
}
