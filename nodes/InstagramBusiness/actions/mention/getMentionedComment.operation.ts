import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, graphIdOf, instagramCall } from '../../helpers/context';
import { readUserField, requireFacebookLogin } from '../../helpers/mentions';
import { commentIdProperty, optionsCollection } from '../common';

export const description: INodeProperties[] = [
	commentIdProperty('mention', ['getMentionedComment'], 'The comment_id of a comment mention, as the Instagram Business Trigger’s Mention event gives it'),
	optionsCollection('mention', ['getMentionedComment']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	requireFacebookLogin(call, 'Get Mentioned Comment');
	const commentId = graphIdOf(call, 'commentId', 'Comment ID');
	const comment = await readUserField(
		call,
		accountIdOf(call),
		`mentioned_comment.comment_id(${commentId}){id,text,timestamp,username,like_count,media{id,permalink}}`,
		'mentioned_comment',
	);
	return [{ json: { ...(comment ?? { id: commentId }) }, pairedItem: { item: itemIndex } }];
}
