import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as comment from './comment';
import * as insights from './insights';
import * as media from './media';
import * as mention from './mention';
import * as setupCheck from './setup/check.operation';
import * as message from './message';

const operations: OperationTable = {
	media: {
		publish: media.publish.execute,
		publishContainer: media.publishContainer.execute,
		getContainerStatus: media.getContainerStatus.execute,
		get: media.get.execute,
		getMany: media.getMany.execute,
		getPublishingLimit: media.getPublishingLimit.execute,
	},
	comment: {
		getMany: comment.getMany.execute,
		get: comment.get.execute,
		create: comment.create.execute,
		reply: comment.reply.execute,
		hide: comment.hide.execute,
		unhide: comment.unhide.execute,
		delete: comment.del.execute,
		setCommentsEnabled: comment.setCommentsEnabled.execute,
	},
	mention: {
		getTagged: mention.getTagged.execute,
		getMentionedMedia: mention.getMentionedMedia.execute,
		getMentionedComment: mention.getMentionedComment.execute,
		reply: mention.reply.execute,
	},
	message: {
		sendText: message.sendText.execute,
		sendMedia: message.sendMedia.execute,
		sendHeart: message.sendHeart.execute,
		react: message.react.execute,
		removeReaction: message.removeReaction.execute,
		senderAction: message.senderAction.execute,
		privateReply: message.privateReply.execute,
	},
	insights: {
		getAccountInsights: insights.getAccountInsights.execute,
		getDemographics: insights.getDemographics.execute,
		getMediaInsights: insights.getMediaInsights.execute,
	},
	setup: { check: setupCheck.execute },
};

/** Operations that create something on Meta: run at most once per item and execution (media.publish keeps its own record). */
const writes = new Set(['media.publishContainer', 'comment.create', 'comment.reply', 'mention.reply', 'message.sendText', 'message.sendMedia', 'message.sendHeart', 'message.privateReply']);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations, { writes });
}
