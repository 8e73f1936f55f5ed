import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { credentialTest, listSearch } from '../methods';

/** What every version shares (n8n's VersionedNodeType base description): name, icon, subtitle, first set by version 1. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Instagram Business',
	name: 'instagramBusiness',
	icon: { light: 'file:instagram.svg', dark: 'file:instagram.dark.svg' },
	group: ['output'],
	// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
	subtitle:
		'={{ ({"media:get":"Get a media item","media:getContainerStatus":"Get a container status","media:getMany":"Get many media items","media:getPublishingLimit":"Get the publishing limit","media:publish":"Publish a media item","media:publishContainer":"Publish a container","comment:create":"Create a comment","comment:delete":"Delete a comment","comment:get":"Get a comment","comment:getMany":"Get many comments","comment:hide":"Hide a comment","comment:reply":"Reply to a comment","comment:setCommentsEnabled":"Turn comments on or off","comment:unhide":"Unhide a comment","mention:getMentionedComment":"Get a mentioned comment","mention:getMentionedMedia":"Get a mentioned media item","mention:getTagged":"Get tagged media","mention:reply":"Reply to a mention","message:privateReply":"Send a private reply to a comment","message:react":"React to a message","message:removeReaction":"Remove a reaction","message:sendHeart":"Send a heart sticker","message:sendMedia":"Send a media message","message:sendText":"Send a text message","message:senderAction":"Show typing or seen","insights:getAccountInsights":"Get account insights","insights:getDemographics":"Get audience demographics","insights:getMediaInsights":"Get media insights","setup:check":"Check the setup"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
	description: 'Publish posts, reels, carousels and stories, moderate comments, read mentions, send DMs and read insights as an Instagram professional account',
	defaultVersion: 2,
	usableAsTool: true,
};

/** Version 1, as first published: every operation's Options offer Retry Wait (Seconds). */
export class InstagramBusinessV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 1),
		// The node's own icon and subtitle (baseDescription), named here as n8n's community lint asks of a node class.
		icon: baseDescription.icon,
		subtitle: baseDescription.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
