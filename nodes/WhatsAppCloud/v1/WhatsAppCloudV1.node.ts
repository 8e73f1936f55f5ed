import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { sendAndWaitWebhook } from '../helpers/sendAndWaitWebhook';
import { credentialTest, listSearch, loadOptions, resourceMapping } from '../methods';

/** What every version shares (n8n's VersionedNodeType base description): name, icon, subtitle, first set by version 1. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'WhatsApp Cloud',
	name: 'whatsAppCloud',
	icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
	group: ['output'],
	// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
	subtitle:
		'={{ ({"message:markAsRead":"Mark a message as read","message:sendContacts":"Send contacts","message:sendInteractive":"Send an interactive message","message:sendLocation":"Send a location","message:sendMedia":"Send media","message:sendAndWait":"Send a message and wait for a response","message:sendReaction":"Send a reaction","message:sendTemplate":"Send a template","message:sendText":"Send a text message","template:create":"Create a template","template:delete":"Delete a template","template:edit":"Edit a template","template:get":"Get a template","template:getStatus":"Get a template status","template:list":"Get many templates","media:download":"Download media","media:upload":"Upload media","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
	description: 'Send WhatsApp templates and messages (paced to the rate you set), create, edit and delete templates, upload and download media (WhatsApp Cloud API)',
	defaultVersion: 2,
	usableAsTool: true,
};

/** Version 1, as first published. */
export class WhatsAppCloudV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 1),
		// The node's own icon and subtitle (baseDescription), named here as n8n's community lint asks of a node class.
		icon: baseDescription.icon,
		subtitle: baseDescription.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest, listSearch, loadOptions, resourceMapping };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
