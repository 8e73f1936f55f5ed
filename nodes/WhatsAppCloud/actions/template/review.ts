import type { INode, NodeApiError } from 'n8n-workflow';
import { localMetaError, metaNodeApiError } from '../../../shared/errors/toNodeError';

/** What follows a create or an edit: Meta's review. */
export const REVIEW_NOTE =
	"Meta reviews the template before it can be sent (usually minutes, up to 24 hours). The WhatsApp Cloud Trigger's template status events say when it is approved or rejected; Template → Get Status reads it any time. Once approved, Send Template lists it without a restart.";

/** Meta rejected the template as soon as it was submitted (its review said no at once). */
export function rejectedError(node: INode, itemIndex: number, name: string, language: string, action: 'create' | 'edit'): NodeApiError {
	const sentence =
		`Meta rejected the template "${name}" (${language}) as soon as it was ${action === 'create' ? 'submitted' : 'edited'}. ` +
		'Read the reason with Template → Get Status (rejectedReason), then fix the content and use Template → Edit (or delete it and create it again).';
	return metaNodeApiError(node, localMetaError('fix_configuration', sentence, { title: 'Template rejected' }), { itemIndex });
}
