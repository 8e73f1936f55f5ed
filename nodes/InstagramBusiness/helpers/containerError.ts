import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { META_ERROR_CATALOG, findMetaError, type MetaErrorEntry } from '../../shared/errors/catalog';
import { localMetaError, metaNodeApiError } from '../../shared/errors/toNodeError';
import type { ContainerStatus } from './api';
import type { InstagramCall } from './context';

/**
 * The subcode in a failed container's `status`. Meta writes "Error: Media upload has failed with error code 2207026";
 * any other 7-digit number in the text is taken as well, so a reworded status still finds its reason.
 */
export function containerErrorSubcode(status: string): number | undefined {
	const match = /error code (\d{7})\b/i.exec(status) ?? /\b(22\d{5})\b/.exec(status);
	return match ? Number(match[1]) : undefined;
}

/** The catalog's row for a subcode that came without its code: a code/subcode row (§2.8) or a bare-number row. */
export function catalogEntryForSubcode(subcode: number): MetaErrorEntry | undefined {
	return META_ERROR_CATALOG.find((entry) => entry.subcode === subcode) ?? findMetaError(subcode);
}

function plainStatus(status: string): string {
	return status.replace(/^Error:\s*/i, '').trim() || 'no reason given';
}

/**
 * The error for a container that ended ERROR or EXPIRED: the shared catalog's sentence for the subcode in Meta's
 * status, or Meta's own words when the subcode is unknown. Publishing again creates a new container either way.
 */
export function failedContainerError(call: InstagramCall, status: ContainerStatus): NodeApiError {
	const expired = status.statusCode === 'EXPIRED';
	const subcode = expired ? undefined : containerErrorSubcode(status.status);
	const entry = subcode === undefined ? undefined : catalogEntryForSubcode(subcode);
	const sentence = expired
		? `Instagram did not publish container ${status.id} within 24 hours of its creation, so it expired: run the publish again, which creates a new container.`
		: entry
			? `Instagram could not prepare container ${status.id} for publishing. ${entry.sentence}`
			: `Instagram could not prepare container ${status.id} for publishing; Meta says: "${plainStatus(status.status)}". Check the media against Instagram's specs, then publish again (a new container is created).`;
	const classified = localMetaError(entry?.category ?? 'fix_configuration', sentence, {
		title: expired ? 'Media container expired' : (entry?.title ?? 'Media processing failed'),
		subcode,
	});
	// Meta's words are already the sentence when the subcode is unknown.
	const extra = entry || expired ? `Meta's status: ${status.status}` : undefined;
	const error = metaNodeApiError(call.ctx.getNode(), classified, { itemIndex: call.itemIndex, extra });
	error.context.container = { id: status.id, statusCode: status.statusCode, status: status.status } as IDataObject;
	return error;
}
