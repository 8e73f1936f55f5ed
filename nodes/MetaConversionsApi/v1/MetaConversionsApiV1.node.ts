import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { authenticationProperty, metaCredentials } from '../../shared/descriptions/authentication';
import type { MetaCredentialType } from '../../shared';
import * as send from '../actions/event/send.operation';
import { router } from '../actions/router';
import { credentialTest, listSearch } from '../methods';

/** The Conversions API runs on graph.facebook.com: a system user token or Facebook Login with ads_management. */
const CAPI_CREDENTIAL_TYPES: readonly MetaCredentialType[] = ['metaAccessTokenApi', 'metaOAuth2Api'];

/** The node's icon, light and dark (the registered node in ../MetaConversionsApi.node.ts resolves the files beside it). */
const icon: INodeTypeDescription['icon'] = { light: 'file:metaConversionsApi.svg', dark: 'file:metaConversionsApi.dark.svg' };

/** Version 1, as first published. */
export class MetaConversionsApiV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Conversions API',
		name: 'metaConversionsApi',
		icon,
		group: ['output'],
		version: 1,
		subtitle: '={{ ({"event:send":"Send a server event"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Send server events (Lead, Purchase, custom) to a Meta dataset (pixel), with customer details hashed as Meta requires',
		defaults: { name: 'Meta Conversions API' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: metaCredentials(CAPI_CREDENTIAL_TYPES, 'metaCredentialTest'),
		properties: [
			authenticationProperty(CAPI_CREDENTIAL_TYPES, 'metaAccessTokenApi'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Event', value: 'event' }],
				default: 'event',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['event'] } },
				options: [{ name: 'Send', value: 'send', action: 'Send a server event', description: 'Send one event per item (batched, up to 1,000 per request)' }],
				default: 'send',
			},
			...send.description,
		],
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
