import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { createContainer } from './api';
import type { InstagramCall } from './context';
import { isTemporaryFailure, passOn } from './errors';

/** Upload sessions (a container each) tried before giving up. */
const UPLOAD_SESSIONS = 5;

export interface UploadedContainer {
	id: string;
	/** 1 when the first upload went through; more when a failed upload was started over in a new container. */
	uploadSessions: number;
}

/** Sends all bytes of a video to a container's rupload URL in one request (reference §2.3). */
async function uploadAll(call: InstagramCall, containerId: string, bytes: Buffer): Promise<void> {
	await graphRequest(call.ctx, call.layer, {
		method: 'POST',
		host: 'rupload',
		path: containerId,
		binary: bytes,
		headers: { offset: '0', file_size: String(bytes.length), 'content-type': 'application/octet-stream' },
		// Not repeated in the same session: how far a broken upload got is not something Meta is known to tell.
		idempotent: false,
		itemIndex: call.itemIndex,
		timeoutMs: 10 * 60_000,
	});
}

/**
 * Creates a resumable container and uploads the video to it. When an upload fails temporarily or its answer is lost,
 * it starts over cleanly in a new container: how to ask Meta for the bytes it already has is [UNCONFIRMED], so no
 * offset is trusted. The container left behind is never published and expires after 24 hours.
 */
export async function createUploadedContainer(call: InstagramCall, accountId: string, fields: IDataObject, bytes: Buffer): Promise<UploadedContainer> {
	let lastError: unknown;
	for (let session = 1; session <= UPLOAD_SESSIONS; session++) {
		const container = await createContainer(call, accountId, fields);
		try {
			await uploadAll(call, container.id, bytes);
			return { id: container.id, uploadSessions: session };
		} catch (error) {
			if (!isTemporaryFailure(error)) throw passOn(call, error);
			lastError = error;
		}
	}
	const error = passOn(call, lastError) as NodeApiError;
	error.description = `${error.description ?? ''} The video upload failed ${UPLOAD_SESSIONS} times, each in a new container; nothing was published: run the workflow again later.`.trim();
	throw error;
}
