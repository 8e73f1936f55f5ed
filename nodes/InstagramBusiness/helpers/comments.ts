import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import type { InstagramCall } from './context';
import { readOptionalText } from '../../shared/parameters';

export const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},like_count,hidden,parent_id,media{id,media_product_type}';
export const REPLY_FIELDS = 'id,text,timestamp,username,from{id,username},like_count,hidden,parent_id';

/** A Graph write of the comment moderation API; `idempotent` for writes that set a state (hide, on/off). */
export async function commentWrite(call: InstagramCall, method: 'POST' | 'DELETE', path: string, body: IDataObject, idempotent: boolean): Promise<IDataObject> {
	const { body: answer } = await graphRequest<IDataObject>(call.ctx, call.layer, { method, path, body, idempotent, itemIndex: call.itemIndex });
	return answer;
}

/** The text to post, refused before any call when empty or longer than a caption (2,200 characters). */
export function messageOf(call: InstagramCall, label = 'Message'): string {
	const text = readOptionalText(call.ctx, 'message', call.itemIndex, label).trim();
	if (!text) throw new NodeOperationError(call.ctx.getNode(), `${label} is empty: enter the text to post`, { itemIndex: call.itemIndex });
	if ([...text].length > 2200) throw new NodeOperationError(call.ctx.getNode(), `${label} is ${[...text].length} characters long: at most 2200`, { itemIndex: call.itemIndex });
	return text;
}

/** Graph's `replies: {data: [...]}` flattened to a list. */
export function flattenReplies(comment: IDataObject): IDataObject {
	const replies = (comment.replies as IDataObject | undefined)?.data;
	return replies === undefined ? comment : { ...comment, replies };
}
