import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import type { InstagramCall } from './context';

/** Mentions and tags are read through the Facebook Login API only (reference §4.2). */
export function requireFacebookLogin(call: InstagramCall, what: string): void {
	if (call.platform === 'instagram') {
		throw new NodeOperationError(
			call.ctx.getNode(),
			`${what} needs Facebook Login: Meta offers mentions and tags only through the Instagram API with Facebook Login; with Instagram Login, mentions arrive in the comments webhook (Instagram Business Trigger)`,
			{ itemIndex: call.itemIndex },
		);
	}
}

/** One field of the IG user node, e.g. `mentioned_media.media_id(123){caption}`. */
export async function readUserField(call: InstagramCall, accountId: string, field: string, key: string): Promise<IDataObject | undefined> {
	const { body } = await graphRequest<IDataObject>(call.ctx, call.layer, { method: 'GET', path: accountId, qs: { fields: field }, itemIndex: call.itemIndex });
	return body[key] as IDataObject | undefined;
}
