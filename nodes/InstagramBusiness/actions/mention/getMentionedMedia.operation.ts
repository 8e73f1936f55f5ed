import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, graphIdOf, instagramCall } from '../../helpers/context';
import { readUserField, requireFacebookLogin } from '../../helpers/mentions';
import { optionsCollection } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'mentionMediaId',
		type: 'string',
		default: '',
		required: true,
		description: 'The media_id of a mention, as the Instagram Business Trigger’s Mention event gives it',
		displayOptions: { show: { resource: ['mention'], operation: ['getMentionedMedia'] } },
	},
	optionsCollection('mention', ['getMentionedMedia']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	requireFacebookLogin(call, 'Get Mentioned Media');
	const mediaId = graphIdOf(call, 'mentionMediaId', 'Media ID');
	const media = await readUserField(
		call,
		accountIdOf(call),
		`mentioned_media.media_id(${mediaId}){id,caption,media_type,media_url,permalink,timestamp,username,comments_count,like_count}`,
		'mentioned_media',
	);
	return [{ json: { ...(media ?? { id: mediaId }) }, pairedItem: { item: itemIndex } }];
}
