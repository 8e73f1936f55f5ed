import type { IDataObject } from 'n8n-workflow';

/**
 * The last deliveries a trigger refused, kept in the trigger node's workflow static data: n8n writes it to the
 * workflow's database row after the request (refused requests included, nothing is started), so whatever reads the
 * workflow (the main process, the public API's `GET /workflows/{id}` → `staticData`) sees it in queue mode too.
 * Never holds the body, a signature or a token: only when, the HTTP status, why and what to do.
 */
export const REFUSALS_KEY = 'metaRefusedDeliveries';
export const REFUSALS_KEPT = 10;

export type RefusalCause = 'signature' | 'verify_token' | 'expired' | 'not_meta';

export interface RefusedDelivery {
	at: string;
	status: number;
	cause: RefusalCause;
	reason: string;
	fix: string;
}

export const REFUSAL_FIX: Record<RefusalCause, string> = {
	signature:
		"Put the app secret of the Meta app that sends these webhooks into the Meta App credential (Meta dashboard: App settings > Basic > App secret; for Instagram Login apps the Instagram app secret).",
	verify_token: "Use the same verify token in Meta's webhook settings and in the Meta App credential.",
	expired:
		'Nothing to fix in n8n if you did not send it: Meta never redelivers this late, so this is a stored copy being replayed. If it is a test, send a fresh event.',
	not_meta: 'Point only Meta at this URL; this request was not a Meta webhook delivery.',
};

function isRefusal(value: unknown): value is RefusedDelivery {
	return !!value && typeof value === 'object' && typeof (value as RefusedDelivery).reason === 'string';
}

export function refusalsOf(staticData: IDataObject | undefined): RefusedDelivery[] {
	const list = staticData?.[REFUSALS_KEY];
	return Array.isArray(list) ? list.filter(isRefusal) : [];
}

/** Adds one refusal, newest last, keeping the last REFUSALS_KEPT. */
export function recordRefusal(staticData: IDataObject, refusal: Omit<RefusedDelivery, 'fix'>): RefusedDelivery {
	const entry: RefusedDelivery = { ...refusal, fix: REFUSAL_FIX[refusal.cause] };
	staticData[REFUSALS_KEY] = [...refusalsOf(staticData), entry].slice(-REFUSALS_KEPT) as unknown as IDataObject[];
	return entry;
}

/** One line per refusal, for a notice or a Setup Doctor finding. */
export function describeRefusals(refusals: RefusedDelivery[]): string[] {
	return refusals.map((r) => `${r.at}: refused with ${r.status} (${r.reason}) — ${r.fix}`);
}
