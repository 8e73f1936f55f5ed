import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { graphPaginate } from '../../shared/pagination';
import { graphRequest } from '../../shared/request';
import type { InstagramCall } from './context';
import { passOn } from './errors';
import { readId, readOptionalText } from '../../shared/parameters';
import { explainSendRefusal, taggingOf as sharedTaggingOf } from '../../shared/messaging';

/** Instagram Direct limits (reference §3.2). */
export const TEXT_MAX_BYTES = 1000;
export { QUICK_REPLIES_MAX, QUICK_REPLY_TITLE_MAX } from '../../shared/messaging';

const WINDOW_HELP =
	'Outside that window you may still send with the Human Agent option on (a person answering, up to 7 days after their last message), or answer a new comment of theirs with a Private Reply; otherwise wait until they message the account again.';

interface SendRoute {
	path: string;
	asPage?: string;
}

const routesByRun = new WeakMap<object, Map<string, SendRoute>>();

/**
 * Where sends for an IG account go (reference §3.1): with Instagram Login `/{ig-id}/messages`; with Facebook Login
 * `/{page-id}/messages` with the Page's token, derived from the user token (or the credential's own Page token).
 */
async function sendRoute(call: InstagramCall, accountId: string): Promise<SendRoute> {
	if (call.platform === 'instagram') return { path: `${accountId}/messages` };
	let cache = routesByRun.get(call.ctx);
	if (!cache) routesByRun.set(call.ctx, (cache = new Map()));
	const known = cache.get(accountId);
	if (known) return known;
	const fields = 'id,name,instagram_business_account{id}';
	let route: SendRoute | undefined;
	try {
		const pages = await graphPaginate(call.ctx, call.layer, { method: 'GET', path: 'me/accounts', qs: { fields }, itemIndex: call.itemIndex }, { returnAll: true });
		const page = pages.find((p) => (p.instagram_business_account as IDataObject | undefined)?.id === accountId);
		if (page) route = { path: `${String(page.id)}/messages`, asPage: String(page.id) };
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw passOn(call, error);
		// A Page token has no /me/accounts: the credential's Page itself may be the one.
		const { body } = await graphRequest<IDataObject>(call.ctx, call.layer, { method: 'GET', path: 'me', qs: { fields }, itemIndex: call.itemIndex });
		if ((body.instagram_business_account as IDataObject | undefined)?.id === accountId) route = { path: 'me/messages' };
	}
	if (!route) {
		throw new NodeOperationError(
			call.ctx.getNode(),
			`No Facebook Page of this credential is linked to Instagram account ${accountId}: link the account to a Page the user manages (Instagram settings → Accounts Center, or Page settings → Linked accounts), then try again`,
			{ itemIndex: call.itemIndex },
		);
	}
	cache.set(accountId, route);
	return route;
}

/**
 * One Send API call. Messages are never repeated when the outcome is unknown (a person would get them twice);
 * sender actions (typing, seen, reactions) set a state and may be.
 */
export async function sendToInstagram(call: InstagramCall, accountId: string, body: IDataObject, idempotent: boolean): Promise<IDataObject> {
	const route = await sendRoute(call, accountId);
	try {
		const { body: answer } = await graphRequest<IDataObject>(call.ctx, call.layer, {
			method: 'POST',
			path: route.path,
			body,
			bodyFormat: 'json',
			idempotent,
			asPage: route.asPage,
			itemIndex: call.itemIndex,
		});
		return answer;
	} catch (error) {
		throw passOn(call, explainSendRefusal(call.ctx, call.itemIndex, body, error, { windowSubcodes: [2534022], ownSubcodes: [2534025], windowHelp: WINDOW_HELP }));
	}
}

export function recipientOf(call: InstagramCall): string {
	const value = readId(call.ctx, 'recipientId', call.itemIndex, 'Recipient ID');
	if (!/^\d{5,}$/.test(value)) {
		throw new NodeOperationError(
			call.ctx.getNode(),
			`Recipient ID "${value}" is not an Instagram-scoped user ID: use the sender ID of an incoming message (Instagram Business Trigger), or send a Private Reply to a comment to start a conversation`,
			{ itemIndex: call.itemIndex },
		);
	}
	return value;
}

export function textOf(call: InstagramCall): string {
	const text = readOptionalText(call.ctx, 'text', call.itemIndex, 'Text');
	if (!text.trim()) throw new NodeOperationError(call.ctx.getNode(), 'Text is empty: enter the message to send', { itemIndex: call.itemIndex });
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > TEXT_MAX_BYTES) {
		throw new NodeOperationError(
			call.ctx.getNode(),
			`Text is ${bytes} bytes long: Instagram allows at most ${TEXT_MAX_BYTES} bytes (UTF-8; emoji and accented letters take 2–4 bytes each); shorten it or split it into several messages`,
			{ itemIndex: call.itemIndex },
		);
	}
	return text;
}

/** The HUMAN_AGENT tag: a person answering up to 7 days after the user's last message (reference §3.3). */
export function taggingOf(call: InstagramCall): IDataObject {
	return sharedTaggingOf(call.ctx, call.itemIndex);
}
