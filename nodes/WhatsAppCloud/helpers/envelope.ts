import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { readOptionalId, textValue } from '../../shared/parameters';
import { locatorValue } from './graph';
import { recipientOf } from './recipient';
import type { OutgoingMessage } from './send';

export function requiredPhoneNumberId(ctx: IExecuteFunctions, itemIndex: number): string {
	// The account only narrows the number picker here, but what an expression put there is still checked.
	locatorValue(ctx, 'wabaId', itemIndex);
	const id = locatorValue(ctx, 'phoneNumberId', itemIndex);
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `"Sender Phone Number" ${id ? `"${id}" is not a phone number ID` : 'is empty'}`, {
			itemIndex,
			description: 'Pick the sending number from the list, or paste its phone number ID (digits, shown in WhatsApp Manager under API Setup).',
		});
	}
	return id;
}

export function requireWamid(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const id = String(value ?? '').trim();
	if (!id.startsWith('wamid.')) {
		throw new NodeOperationError(ctx.getNode(), `"${field}" should be a WhatsApp message ID starting with "wamid.", got "${id}"`, {
			itemIndex,
			description: 'Map the message ID from the WhatsApp trigger (messages[0].id) or from an earlier send.',
		});
	}
	return id;
}

/** The common envelope of a send (reference §5.1): recipient, type, reply context, callback data. */
export function outgoing(ctx: IExecuteFunctions, itemIndex: number, type: string, content: IDataObject | IDataObject[]): OutgoingMessage {
	const phoneNumberId = requiredPhoneNumberId(ctx, itemIndex);
	const recipient = recipientOf(ctx.getNode(), readOptionalId(ctx, 'to', itemIndex, 'To'), itemIndex);
	const options = ctx.getNodeParameter('sendOptions', itemIndex, {}) as IDataObject;
	// A user ID goes in `recipient`, never in `to` (Meta reads a user ID in `to` as a number: docs/whatsapp-user-ids.md).
	const to = recipient.kind === 'phone' ? recipient.to : recipient.userId;
	const address: IDataObject = recipient.kind === 'phone' ? { to } : { recipient: to };
	const payload: IDataObject = { messaging_product: 'whatsapp', recipient_type: 'individual', ...address, type, [type]: content };
	const replyTo = textValue(ctx.getNode(), options.replyToMessageId, 'Reply To Message ID', itemIndex, { required: false });
	if (replyTo) payload.context = { message_id: requireWamid(ctx, replyTo, 'Reply To Message ID', itemIndex) };
	const callbackData = textValue(ctx.getNode(), options.bizOpaqueCallbackData, 'Callback Data', itemIndex, { required: false });
	if (callbackData) payload.biz_opaque_callback_data = callbackData;
	return { phoneNumberId, to, payload };
}

/** A text limit, checked before sending (Meta's limits, reference §5.1). */
export function checkLength(ctx: IExecuteFunctions, value: string, field: string, max: number, itemIndex: number, required = true): string {
	if (required && !value.trim()) throw new NodeOperationError(ctx.getNode(), `"${field}" is empty`, { itemIndex });
	if (value.length > max) {
		throw new NodeOperationError(ctx.getNode(), `"${field}" is ${value.length} characters long; WhatsApp allows ${max}`, { itemIndex, description: `Shorten "${field}".` });
	}
	return value;
}
