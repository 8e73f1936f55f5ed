import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { graphRequest } from '../../shared/request';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
import { recentMedia } from './api';
import type { InstagramCall } from './context';

export interface PublishingQuota {
	quotaUsage: number;
	quotaTotal: number;
	quotaDurationSeconds: number;
	remaining: number;
	/** When the oldest post in the window leaves it (ISO), if the account has used the quota up and it can be told. */
	freesUpAt: string | null;
}

/** `GET /{ig-user-id}/content_publishing_limit` (reference §2.6), plus when a used-up quota frees up. */
export async function readPublishingQuota(call: InstagramCall, accountId: string): Promise<PublishingQuota> {
	const { body } = await graphRequest<{ data?: IDataObject[] }>(call.ctx, call.layer, {
		method: 'GET',
		path: `${accountId}/content_publishing_limit`,
		qs: { fields: 'quota_usage,config' },
		itemIndex: call.itemIndex,
	});
	const row = (body?.data?.[0] ?? {}) as IDataObject;
	const config = (row.config ?? {}) as IDataObject;
	const quotaUsage = Number(row.quota_usage ?? 0);
	const quotaTotal = Number(config.quota_total ?? 50);
	const quotaDurationSeconds = Number(config.quota_duration ?? 86400);
	const remaining = Math.max(0, quotaTotal - quotaUsage);
	const freesUpAt = remaining === 0 ? await oldestPostLeavesWindow(call, accountId, quotaDurationSeconds, quotaUsage) : null;
	return { quotaUsage, quotaTotal, quotaDurationSeconds, remaining, freesUpAt };
}

/**
 * Meta does not say when the quota frees up; the posts do: the oldest of the last `used` posts (feed, reels and
 * stories) leaves the rolling window `duration` after it was published.
 */
async function oldestPostLeavesWindow(call: InstagramCall, accountId: string, durationSeconds: number, used: number): Promise<string | null> {
	if (used <= 0) return null;
	const limit = Math.min(100, used);
	const [feed, stories] = await Promise.all([
		recentMedia(call, accountId, 'media', 'id,timestamp', limit),
		recentMedia(call, accountId, 'stories', 'id,timestamp', limit),
	]);
	const windowStart = Date.now() - durationSeconds * 1000;
	const times = [...feed, ...stories]
		.map((m) => Date.parse(String(m.timestamp ?? '').replace(/\+0000$/, 'Z')))
		.filter((t) => Number.isFinite(t) && t > windowStart)
		.sort((a, b) => b - a)
		.slice(0, used);
	if (times.length < used) return null;
	return new Date(times[times.length - 1] + durationSeconds * 1000).toISOString();
}

/** The daily publishing limit as a quota error that says when posting is possible again. */
export async function quotaReachedError(call: InstagramCall, accountId: string, original?: NodeApiError): Promise<NodeApiError> {
	let quota: PublishingQuota | undefined;
	try {
		quota = await readPublishingQuota(call, accountId);
	} catch {
		quota = undefined; // The limit itself is the news; when it frees up is a bonus.
	}
	const when = quota?.freesUpAt ? `The next post is possible from ${quota.freesUpAt} (the oldest of the last ${quota.quotaUsage} posts leaves the 24-hour window then).` : '';
	const retryAfterMs = quota?.freesUpAt ? Math.max(0, Date.parse(quota.freesUpAt) - Date.now()) : undefined;
	const usage = quota ? ` (${quota.quotaUsage} of ${quota.quotaTotal} used)` : '';
	const error = metaNodeApiError(
		call.ctx.getNode(),
		localMetaError(
			'quota',
			`This Instagram account has used its publishing quota for the last 24 hours${usage}: nothing was published; run it again once the quota frees up.`,
			{ code: 9, subcode: 2207042, title: 'Daily publishing limit reached', fbtraceId: (original?.context?.metaError as IDataObject | undefined)?.fbtraceId as string | undefined },
		),
		{ itemIndex: call.itemIndex, extra: when || undefined, retryAfterMs },
	);
	if (quota) error.context.quota = { ...quota };
	return error;
}
