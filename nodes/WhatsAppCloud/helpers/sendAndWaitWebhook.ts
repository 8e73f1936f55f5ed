import type { IDataObject, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * The node's own webhooks for Send and Wait: n8n serves them under the waiting execution's resume URL
 * (`/webhook-waiting/<execution>/<node id>`) and only calls them once the URL's signature checks out.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod: httpMethod as IWebhookDescription['httpMethod'],
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/** Link-preview fetchers open a link without a person behind it: they must not count as an answer. */
const PREVIEW_AGENTS = /whatsapp\/|facebookexternalhit|facebot|twitterbot|slackbot|telegrambot|discordbot|bot\b|crawler|spider/i;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}textarea{width:100%;min-height:8rem}button{margin-top:1rem;padding:.6rem 1.2rem}</style></head><body>${body}</body></html>`;
}

const RECORDED = page('Thank you', '<h1>Got it, thanks</h1><p>Your answer was recorded. You can close this page.</p>');

export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const respondedAt = new Date().toISOString();
	if (PREVIEW_AGENTS.test(String(req.headers['user-agent'] ?? ''))) {
		res.status(204).end();
		return { noWebhookResponse: true };
	}
	if (this.getNodeParameter('responseType', 'approval') === 'freeText') {
		if (req.method === 'GET') {
			res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
			res.type('html').send(page('Your answer', '<form method="post"><label for="response"><h1>Your answer</h1></label><textarea id="response" name="response" required></textarea><button type="submit">Send</button></form>'));
			return { noWebhookResponse: true };
		}
		const body = (this.getBodyData() ?? {}) as IDataObject;
		return { webhookResponse: RECORDED, workflowData: [[{ json: { data: { text: String(body.response ?? ''), respondedAt } } }]] };
	}
	const approved = (this.getQueryData() as IDataObject).approved === 'true';
	return { webhookResponse: RECORDED, workflowData: [[{ json: { data: { approved, respondedAt } } }]] };
}
