import { createHmac, randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { checkedWithCredential, type WebhookCredentialReader } from './appSecrets';
import { checkMetaSignature } from './signature';

/**
 * "Who holds this callback URL?" A trigger about to take an app's callback asks the URL Meta calls today. A trigger
 * of this package answers with its workflow, but only to a caller that signs the challenge with the app secret
 * (so only triggers of the same Meta app learn workflow names). n8n answers 404 for a URL no active workflow serves.
 * Asking the URL itself works from any n8n process (main, webhook or worker) and survives restarts: nothing is kept.
 */
export const HOLDER_PROBE_MODE = 'n8n_meta_holder';

export type CallbackHolder =
	| { kind: 'trigger'; workflowId: string; workflowName: string; node: string }
	| { kind: 'nobody'; status: number }
	| { kind: 'other'; status: number };

function sign(secret: string, challenge: string): string {
	return `sha256=${createHmac('sha256', secret).update(challenge).digest('hex')}`;
}

/** The webhook side: answers a signed holder probe with this trigger's workflow; anything else is refused. */
export async function answerHolderProbe(ctx: IWebhookFunctions, credential: WebhookCredentialReader): Promise<IWebhookResponseData> {
	const challenge = String((ctx.getQueryData() as IDataObject)['hub.challenge'] ?? '');
	const res = ctx.getResponseObject();
	const header = ctx.getHeaderData()['x-hub-signature-256'];
	const signed = challenge
		? (await checkedWithCredential(credential, (c) => checkMetaSignature(Buffer.from(challenge), header, c.secrets) === 'valid', (ok) => ok)).result
		: false;
	if (!signed) {
		res.status(403).type('text/plain').send('Verification refused: the holder probe is not signed with this app’s secret.');
		return { noWebhookResponse: true };
	}
	const workflow = ctx.getWorkflow();
	res.status(200).json({ holder: HOLDER_PROBE_MODE, workflowId: String(workflow.id ?? ''), workflowName: String(workflow.name ?? ''), node: ctx.getNode().name });
	return { noWebhookResponse: true };
}

/** The activating side: who answers at `url`, asked with a challenge signed with the app secret. */
export async function probeCallbackHolder(ctx: IHookFunctions, url: string, appSecret: string): Promise<CallbackHolder> {
	const challenge = randomBytes(16).toString('hex');
	const target = new URL(url);
	target.searchParams.set('hub.mode', HOLDER_PROBE_MODE);
	target.searchParams.set('hub.challenge', challenge);
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: target.toString(),
			headers: { 'X-Hub-Signature-256': sign(appSecret, challenge) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
			timeout: 10000,
		})) as { statusCode: number; body: unknown };
		const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
		if (response.statusCode === 200 && body.holder === HOLDER_PROBE_MODE) {
			return { kind: 'trigger', workflowId: String(body.workflowId ?? ''), workflowName: String(body.workflowName ?? ''), node: String(body.node ?? '') };
		}
		// n8n answers 404 for a webhook path no active (or listening) workflow registered.
		if (response.statusCode === 404) return { kind: 'nobody', status: 404 };
		return { kind: 'other', status: response.statusCode };
	} catch {
		// Unreachable (no such host, connection refused, timeout): Meta cannot deliver there either.
		return { kind: 'nobody', status: 0 };
	}
}
