import type { IDataObject } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { persistent, type InstagramCall } from './context';

export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerStatus {
	id: string;
	statusCode: ContainerStatusCode;
	status: string;
}

/**
 * Creates a media container. Marked safe to repeat on purpose: a container is not a post, and one created twice
 * after a lost answer simply expires unused after 24 hours.
 */
export async function createContainer(call: InstagramCall, accountId: string, fields: IDataObject): Promise<{ id: string; uri?: string }> {
	const { body } = await graphRequest<IDataObject>(call.ctx, persistent(call).layer, {
		method: 'POST',
		path: `${accountId}/media`,
		body: fields,
		idempotent: true,
		itemIndex: call.itemIndex,
	});
	return { id: String(body.id), uri: typeof body.uri === 'string' ? body.uri : undefined };
}

export async function readContainerStatus(call: InstagramCall, containerId: string): Promise<ContainerStatus> {
	const { body } = await graphRequest<IDataObject>(call.ctx, call.layer, {
		method: 'GET',
		path: containerId,
		qs: { fields: 'id,status_code,status' },
		itemIndex: call.itemIndex,
	});
	return { id: containerId, statusCode: String(body.status_code) as ContainerStatusCode, status: String(body.status ?? '') };
}

export const MEDIA_FIELDS =
	'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username,like_count,comments_count,is_comment_enabled,alt_text';

export async function readMedia(call: InstagramCall, mediaId: string, fields = MEDIA_FIELDS): Promise<IDataObject> {
	const { body } = await graphRequest<IDataObject>(call.ctx, persistent(call).layer, { method: 'GET', path: mediaId, qs: { fields }, itemIndex: call.itemIndex });
	return body;
}

/** Newest media of the account (feed and reels, or stories), first page only. */
export async function recentMedia(call: InstagramCall, accountId: string, edge: 'media' | 'stories', fields: string, limit: number): Promise<IDataObject[]> {
	const { body } = await graphRequest<{ data?: IDataObject[] }>(call.ctx, call.layer, {
		method: 'GET',
		path: `${accountId}/${edge}`,
		qs: { fields, limit },
		itemIndex: call.itemIndex,
	});
	return Array.isArray(body?.data) ? body.data : [];
}
