import type { IDataObject } from 'n8n-workflow';
import type { OutgoingMessage } from './send';

/** What a 200 from Meta means: accepted for sending; delivery or failure (e.g. 131047) arrives later as status events. */
export const ACCEPTED_NOTE =
	'Accepted by WhatsApp, not delivered yet: whether it is sent, delivered, read or failed (e.g. 131047 outside the 24-hour window) arrives later as status events on the WhatsApp Cloud Trigger, matched by messageId.';

/**
 * The output item of a send Meta accepted (reference §5.1: accepted ≠ delivered). `status` is Meta's `message_status`
 * when it gives one (templates: accepted, held_for_quality_assessment, paused), otherwise `accepted`.
 */
export function acceptedMessageOutput(body: IDataObject, message: OutgoingMessage): IDataObject {
	const contact = ((body.contacts as IDataObject[] | undefined) ?? [])[0] ?? {};
	const sent = ((body.messages as IDataObject[] | undefined) ?? [])[0] ?? {};
	// Present when the person is known by a WhatsApp user ID (docs/whatsapp-user-ids.md).
	const userId = contact.user_id ?? (message.payload.recipient ? message.to : undefined);
	return {
		messageId: sent.id ?? null,
		status: sent.message_status ?? 'accepted',
		note: ACCEPTED_NOTE,
		to: message.to,
		waId: contact.wa_id ?? null,
		phoneNumberId: message.phoneNumberId,
		type: message.payload.type ?? null,
		...(userId ? { userId } : {}),
	};
}
