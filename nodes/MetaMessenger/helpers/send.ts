import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { graphRequest, type MetaCredentialType } from '../../shared';
import { explainSendRefusal, taggingOf } from '../../shared/messaging';
import { readId, readOptionalText } from '../../shared/parameters';

/** Messenger Send API limits (Meta's Send API reference and button-template page). */
export const TEXT_MAX_CHARACTERS = 2000;

/** Window refusal on Messenger: 10/2018278 (reference §3.6, [community]). */
const WINDOW_SUBCODES = [2018278];
const WINDOW_HELP =
	'Outside that window you may still send with the Human Agent option on (a person answering, up to 7 days after their last message); otherwise wait until they message the Page again.';

export interface MessengerSend {
	pageId: string;
	recipientId: string;
}

/** The Page to send from and the person (their Page-scoped ID), checked before any call. */
export function sendTarget(ctx: IExecuteFunctions, itemIndex: number): MessengerSend {
	const pageId = readId(ctx, 'page', itemIndex, 'Page');
	if (!/^\d{5,}$/.test(pageId)) throw new NodeOperationError(ctx.getNode(), `Page "${pageId}" is not a Page ID: pick the Page from the list, or enter its numeric ID`, { itemIndex });
	const recipientId = readId(ctx, 'recipientId', itemIndex, 'Recipient ID');
	if (!/^\d{5,}$/.test(recipientId)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Recipient ID "${recipientId}" is not a Page-scoped user ID (PSID): use the sender ID of the person's message to the Page (Meta Trigger, Page → messages)`,
			{ itemIndex },
		);
	}
	return { pageId, recipientId };
}

export function textOf(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, max: number): string {
	const text = readOptionalText(ctx, name, itemIndex, label);
	if (!text.trim()) throw new NodeOperationError(ctx.getNode(), `${label} is empty: enter the message to send`, { itemIndex });
	const length = [...text].length;
	if (length > max) throw new NodeOperationError(ctx.getNode(), `${label} is ${length} characters long: Messenger allows at most ${max}; shorten it or split it into several messages`, { itemIndex });
	return text;
}

/**
 * One Send API call from the Page, with the Page's token derived through the shared auth layer (appsecret_proof,
 * token in the header). Never repeated when the outcome is unknown: the person would get the message twice.
 */
export async function sendFromPage(ctx: IExecuteFunctions, itemIndex: number, target: MessengerSend, message: IDataObject): Promise<IDataObject> {
	const body: IDataObject = { recipient: { id: target.recipientId }, ...taggingOf(ctx, itemIndex), message };
	try {
		const { body: answer } = await graphRequest<IDataObject>(ctx, { credentialType: ctx.getNodeParameter('authentication', itemIndex) as MetaCredentialType }, {
			method: 'POST',
			path: `${target.pageId}/messages`,
			body,
			bodyFormat: 'json',
			idempotent: false,
			asPage: target.pageId,
			itemIndex,
		});
		return { recipientId: answer.recipient_id ?? target.recipientId, messageId: answer.message_id ?? null, pageId: target.pageId };
	} catch (error) {
		throw explainSendRefusal(ctx, itemIndex, body, error, { windowSubcodes: WINDOW_SUBCODES, ownSubcodes: [], windowHelp: WINDOW_HELP });
	}
}
