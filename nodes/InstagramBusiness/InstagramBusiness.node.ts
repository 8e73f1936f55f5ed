import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { META_CREDENTIAL_TYPES } from '../shared/connection';
import { authenticationProperty } from '../shared/descriptions/authentication';
import { setupOperationProperties } from '../shared/doctor/setupCheck';
import * as comment from './actions/comment';
import * as media from './actions/media';
import * as mention from './actions/mention';
import * as message from './actions/message';
import { router } from './actions/router';
import { credentialTest, listSearch } from './methods';

export class InstagramBusiness implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instagram Business',
		name: 'instagramBusiness',
		icon: { light: 'file:instagram.svg', dark: 'file:instagram.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Publish posts, reels, carousels and stories, moderate comments, read mentions and send DMs as an Instagram professional account',
		defaults: { name: 'Instagram Business' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'metaOAuth2Api', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaOAuth2Api'] } } },
			{ name: 'metaAccessTokenApi', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaAccessTokenApi'] } } },
		],
		properties: [
			authenticationProperty(META_CREDENTIAL_TYPES, 'metaOAuth2Api'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// Setup → Check: see setupOperationProperties (nodes/shared/doctor/setupCheck.ts).
				options: [
					{ name: 'Comment', value: 'comment' },
					{ name: 'Media', value: 'media' },
					{ name: 'Mention', value: 'mention' },
					{ name: 'Message', value: 'message' },
					{ name: 'Setup', value: 'setup' },
				],
				default: 'media',
			},
			...media.description,
			...comment.description,
			...mention.description,
			...message.description,
			...setupOperationProperties,
		],
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
