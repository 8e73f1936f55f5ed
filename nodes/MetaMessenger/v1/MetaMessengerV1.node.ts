import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty, metaCredentials } from '../../shared/descriptions/authentication';
import type { MetaCredentialType } from '../../shared';
import * as message from '../actions/message';
import { router } from '../actions/router';
import { credentialTest, listSearch } from '../methods';

/** Messenger runs on graph.facebook.com with a Page token derived from a user or system user token. */
const MESSENGER_CREDENTIAL_TYPES: readonly MetaCredentialType[] = ['metaOAuth2Api', 'metaAccessTokenApi'];

/** The node's icon, light and dark (the registered node in ../MetaMessenger.node.ts resolves the files beside it). */
const icon: INodeTypeDescription['icon'] = { light: 'file:metaMessenger.svg', dark: 'file:metaMessenger.dark.svg' };

/** Version 1, as first published. */
export class MetaMessengerV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Messenger',
		name: 'metaMessenger',
		icon,
		group: ['output'],
		version: 1,
		subtitle: '={{ ({"message:sendText":"Send a text message","message:sendMedia":"Send an image video audio or file","message:sendButtons":"Send a message with buttons"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Reply from a Facebook Page in Messenger: text, quick replies, media and buttons, within Meta’s messaging window',
		defaults: { name: 'Meta Messenger' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: metaCredentials(MESSENGER_CREDENTIAL_TYPES, 'metaCredentialTest'),
		properties: [
			authenticationProperty(MESSENGER_CREDENTIAL_TYPES, 'metaOAuth2Api'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...message.description,
		],
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
