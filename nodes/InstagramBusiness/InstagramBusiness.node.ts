import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { META_CREDENTIAL_TYPES } from '../shared/connection';
import { authenticationProperty } from '../shared/descriptions/authentication';
import { setupOperationProperties } from '../shared/doctor/setupCheck';
import * as comment from './actions/comment';
import * as insights from './actions/insights';
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
		// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
		subtitle:
			'={{ ({"media:get":"Get a media item","media:getContainerStatus":"Get a container status","media:getMany":"Get many media items","media:getPublishingLimit":"Get the publishing limit","media:publish":"Publish a media item","media:publishContainer":"Publish a container","comment:create":"Create a comment","comment:delete":"Delete a comment","comment:get":"Get a comment","comment:getMany":"Get many comments","comment:hide":"Hide a comment","comment:reply":"Reply to a comment","comment:setCommentsEnabled":"Turn comments on or off","comment:unhide":"Unhide a comment","mention:getMentionedComment":"Get a mentioned comment","mention:getMentionedMedia":"Get a mentioned media item","mention:getTagged":"Get tagged media","mention:reply":"Reply to a mention","message:privateReply":"Send a private reply to a comment","message:react":"React to a message","message:removeReaction":"Remove a reaction","message:sendHeart":"Send a heart sticker","message:sendMedia":"Send a media message","message:sendText":"Send a text message","message:senderAction":"Show typing or seen","insights:getAccountInsights":"Get account insights","insights:getDemographics":"Get audience demographics","insights:getMediaInsights":"Get media insights","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Publish posts, reels, carousels and stories, moderate comments, read mentions, send DMs and read insights as an Instagram professional account',
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
					{ name: 'Insight', value: 'insights' },
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
			...insights.description,
			...setupOperationProperties,
		],
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
