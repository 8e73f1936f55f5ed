import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty } from '../shared/descriptions/authentication';
import { setupOperationProperties } from '../shared/doctor/setupCheck';
import { wabaLocator } from './actions/common';
import * as media from './actions/media';
import * as message from './actions/message';
import { router } from './actions/router';
import * as template from './actions/template';
import { WHATSAPP_CREDENTIAL_TYPES } from './helpers/graph';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './helpers/sendAndWaitWebhook';
import { credentialTest, listSearch, loadOptions, resourceMapping } from './methods';

export class WhatsAppCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud',
		name: 'whatsAppCloud',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
		subtitle:
			'={{ ({"message:markAsRead":"Mark a message as read","message:sendContacts":"Send contacts","message:sendInteractive":"Send an interactive message","message:sendLocation":"Send a location","message:sendMedia":"Send media","message:sendAndWait":"Send a message and wait for a response","message:sendReaction":"Send a reaction","message:sendTemplate":"Send a template","message:sendText":"Send a text message","template:create":"Create a template","template:delete":"Delete a template","template:edit":"Edit a template","template:get":"Get a template","template:getStatus":"Get a template status","template:list":"Get many templates","media:download":"Download media","media:upload":"Upload media","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Send WhatsApp templates and messages (paced to the rate you set), create, edit and delete templates, upload and download media (WhatsApp Cloud API)',
		defaults: { name: 'WhatsApp Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Send and Wait for Response: the resume URL's webhooks (helpers/sendAndWaitWebhook.ts).
		webhooks: sendAndWaitWebhooks,
		credentials: [
			{ name: 'metaAccessTokenApi', required: true, displayOptions: { show: { authentication: ['metaAccessTokenApi'] } }, testedBy: 'metaCredentialTest' },
			{ name: 'metaOAuth2Api', required: true, displayOptions: { show: { authentication: ['metaOAuth2Api'] } }, testedBy: 'metaCredentialTest' },
		],
		properties: [
			authenticationProperty(WHATSAPP_CREDENTIAL_TYPES, 'metaAccessTokenApi'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Media', value: 'media' },
					{ name: 'Message', value: 'message' },
					// Setup → Check: see setupOperationProperties (nodes/shared/doctor/setupCheck.ts).
					{ name: 'Setup', value: 'setup' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...message.description.slice(0, 1),
			...template.description.slice(0, 1),
			...media.description.slice(0, 1),
			...setupOperationProperties,
			wabaLocator,
			...message.description.slice(1),
			...template.description.slice(1),
			...media.description.slice(1),
		],
	};

	methods = { credentialTest, listSearch, loadOptions, resourceMapping };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
