import type { Failure, IDataObject } from 'n8n-workflow';
import { findMetaError, type MetaErrorCategory } from './catalog';

/** Meta's error envelope (reference §9.1), reduced to the fields we use. */
export interface MetaErrorInfo {
	code?: number;
	subcode?: number;
	type?: string;
	message: string;
	userTitle?: string;
	userMessage?: string;
	fbtraceId?: string;
	isTransient?: boolean;
	details?: string;
	httpStatus?: number;
}

export interface ClassifiedMetaError extends MetaErrorInfo {
	category: MetaErrorCategory;
	/** The same call may be repeated automatically later. */
	retryable: boolean;
	/** Meta refused the call before acting on it (a throttle), so even a publish or a send may be repeated. */
	refusedBeforeExecution: boolean;
	/** One plain sentence: what happened and what to do. */
	sentence: string;
	title: string;
	/** The code is in our catalog (otherwise the sentence is Meta's own message). */
	known: boolean;
}

function toNumber(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

function detailsOf(errorData: unknown): string | undefined {
	if (!errorData) return undefined;
	if (typeof errorData === 'string') {
		try {
			return detailsOf(JSON.parse(errorData));
		} catch {
			return errorData;
		}
	}
	if (typeof errorData === 'object' && typeof (errorData as IDataObject).details === 'string') {
		return (errorData as IDataObject).details as string;
	}
	return undefined;
}

/** Extracts Meta's error envelope from a response body; undefined when the body is not one. */
export function parseMetaErrorBody(body: unknown, httpStatus?: number): MetaErrorInfo | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object') return undefined;
	const debugInfo = (parsed as IDataObject).debug_info;
	if (debugInfo && typeof debugInfo === 'object' && !Array.isArray(debugInfo)) {
		// rupload.facebook.com answers failures as {debug_info:{retriable,type,message}} (reference §2.3).
		const d = debugInfo as IDataObject;
		return {
			type: typeof d.type === 'string' ? d.type : undefined,
			message: typeof d.message === 'string' ? d.message : 'The upload failed',
			isTransient: d.retriable === true,
			httpStatus,
		};
	}
	const error = (parsed as IDataObject).error;
	if (!error || typeof error !== 'object' || Array.isArray(error)) return undefined;
	const e = error as IDataObject;
	return {
		code: toNumber(e.code),
		subcode: toNumber(e.error_subcode),
		type: typeof e.type === 'string' ? e.type : undefined,
		message: typeof e.message === 'string' ? e.message : 'Meta returned an error without a message',
		userTitle: typeof e.error_user_title === 'string' ? e.error_user_title : undefined,
		userMessage: typeof e.error_user_msg === 'string' ? e.error_user_msg : undefined,
		fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
		isTransient: typeof e.is_transient === 'boolean' ? e.is_transient : undefined,
		details: detailsOf(e.error_data),
		httpStatus,
	};
}

/** Message without Meta's "(#123) " prefix, which we show as a field of its own. */
function plainMetaMessage(message: string): string {
	return message.replace(/^\(#-?\d+\)\s*/, '').trim();
}

function ensureSentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function classifyMetaError(info: MetaErrorInfo): ClassifiedMetaError {
	let entry = info.code === undefined ? undefined : findMetaError(info.code, info.subcode);
	// Some catalog rows are listed by what Meta sends as a subcode (e.g. 100 with 2388040): prefer that row.
	if (entry && entry.subcode === undefined && info.subcode !== undefined) {
		const bySubcode = findMetaError(info.subcode);
		if (bySubcode && bySubcode.codeTo === undefined) entry = bySubcode;
	}
	if (entry) {
		return {
			...info,
			category: entry.category,
			retryable: entry.retryable,
			refusedBeforeExecution: entry.category === 'quota' && entry.retryable,
			sentence: entry.sentence,
			title: entry.title,
			known: true,
		};
	}
	// Unknown code: Meta's own words, and `is_transient` decides whether waiting can help.
	const transient = info.isTransient === true || (info.httpStatus !== undefined && info.httpStatus >= 500);
	const metaWords = plainMetaMessage(info.userMessage ?? info.message);
	return {
		...info,
		category: transient ? 'retry_later' : 'fix_configuration',
		retryable: transient,
		refusedBeforeExecution: false,
		sentence: ensureSentence(
			transient
				? `${metaWords}: Meta marks this as temporary, so run the workflow again later`
				: `${metaWords}: check the node's settings and the Meta account setup`,
		),
		title: info.userTitle ?? 'Meta API error',
		known: false,
	};
}

/** What the user should do, by category: the short heading of every error the nodes raise. */
export const CATEGORY_HEADLINE: Record<MetaErrorCategory, string> = {
	retry_later: 'Meta had a temporary problem: retry later',
	reconnect: 'The Meta connection needs to be reconnected',
	fix_configuration: 'The request or the Meta setup needs fixing',
	quota: 'A Meta rate limit or quota was reached: wait for it to free up',
	policy: 'Meta blocked this action under its policies',
};

/** n8n's own failure causes, so n8n and its retry settings understand our errors too. */
export function failureOf(category: MetaErrorCategory, retryAfterMs?: number): Failure {
	switch (category) {
		case 'retry_later':
			return { cause: 'temporarily-unavailable', ...(retryAfterMs ? { retryAfterMs } : {}) };
		case 'quota':
			return { cause: 'rate-limited', ...(retryAfterMs ? { retryAfterMs } : {}) };
		case 'reconnect':
			return { cause: 'credential-invalid' };
		default:
			return { cause: 'configuration-invalid' };
	}
}
