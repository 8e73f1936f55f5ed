import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { persistent, type InstagramCall } from './context';
import { passOn } from './errors';

const UPLOAD_ATTEMPTS = 5;

async function uploadedOffset(call: InstagramCall, containerId: string): Promise<number> {
	const { body } = await graphRequest<IDataObject>(call.ctx, persistent(call).layer, { method: 'GET', host: 'rupload', path: containerId, itemIndex: call.itemIndex });
	return Number(body?.offset ?? 0);
}

/**
 * Sends a video to rupload.facebook.com (reference §2.3). When a send fails, the bytes Meta already has are asked
 * for and the upload resumes from that offset, so a broken connection never restarts a 300 MB upload from zero.
 */
export async function uploadVideo(call: InstagramCall, containerId: string, bytes: Buffer): Promise<{ uploadAttempts: number }> {
	let offset = 0;
	let lastError: unknown;
	for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
		try {
			await graphRequest(call.ctx, call.layer, {
				method: 'POST',
				host: 'rupload',
				path: containerId,
				binary: bytes.subarray(offset),
				headers: { offset: String(offset), file_size: String(bytes.length), 'content-type': 'application/octet-stream' },
				// Resending from a known offset cannot duplicate anything: Meta refuses bytes at the wrong offset.
				idempotent: true,
				itemIndex: call.itemIndex,
				timeoutMs: 10 * 60_000,
			});
			return { uploadAttempts: attempt };
		} catch (error) {
			lastError = error;
			const meta = ((error as NodeApiError)?.context?.metaError ?? {}) as IDataObject;
			// A lost answer may hide a finished upload (a repeat is then refused): Meta's offset tells.
			offset = await uploadedOffset(call, containerId);
			if (offset >= bytes.length) return { uploadAttempts: attempt };
			const offsetProblem = /offset|already complete/i.test(String((error as NodeApiError).description ?? ''));
			if (meta.category !== 'retry_later' && !offsetProblem) throw passOn(call, error);
		}
	}
	throw lastError;
}
