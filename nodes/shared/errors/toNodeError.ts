import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { redactText } from '../redact';
import { CATEGORY_HEADLINE, failureOf, type ClassifiedMetaError } from './metaError';
import type { MetaErrorCategory } from './catalog';

export interface MetaNodeErrorOptions {
	itemIndex?: number;
	/** Secret strings that must not appear in the error (tokens, app secret). */
	knownSecrets?: readonly string[];
	/** Extra sentence, e.g. how long an account stays blocked. */
	extra?: string;
	retryAfterMs?: number;
}

function formatIdentifiers(error: ClassifiedMetaError): string {
	const parts: string[] = [];
	if (error.code !== undefined) {
		parts.push(`Meta error ${error.code}${error.subcode !== undefined ? `/${error.subcode}` : ''}`);
	}
	if (error.fbtraceId) parts.push(`fbtrace_id ${error.fbtraceId}`);
	return parts.join(', ');
}

/** Every text field of Meta's error redacted: a token or the app secret can sit in any of them. */
function redactedFields(error: ClassifiedMetaError, secrets: readonly string[]): ClassifiedMetaError {
	const clean = (text: string | undefined) => (text === undefined ? undefined : redactText(text, secrets));
	return {
		...error,
		message: redactText(error.message, secrets),
		userTitle: clean(error.userTitle),
		userMessage: clean(error.userMessage),
		type: clean(error.type),
		fbtraceId: clean(error.fbtraceId),
		details: clean(error.details),
		sentence: redactText(error.sentence, secrets),
		title: redactText(error.title, secrets),
	};
}

/** Turns a classified Meta error into the NodeApiError every node throws: plain words first, Meta's details after. */
export function metaNodeApiError(node: INode, raw: ClassifiedMetaError, options: MetaNodeErrorOptions = {}): NodeApiError {
	const secrets = options.knownSecrets ?? [];
	const error = redactedFields(raw, secrets);
	const metaSays = (error.userMessage ?? error.message).replace(/^\(#-?\d+\)\s*/, '');
	const description = [
		error.sentence,
		options.extra ? redactText(options.extra, secrets) : '',
		error.known ? `Meta said: ${metaSays}${error.details ? ` (${error.details})` : ''}` : '',
		formatIdentifiers(error),
	]
		.filter(Boolean)
		.join(' ');

	const response: JsonObject = {
		message: CATEGORY_HEADLINE[error.category],
		code: error.code ?? null,
		error_subcode: error.subcode ?? null,
		fbtrace_id: error.fbtraceId ?? null,
		type: error.type ?? null,
		category: error.category,
		retryable: error.retryable,
		meta_message: metaSays,
	};
	const apiError = new NodeApiError(node, response, {
		message: CATEGORY_HEADLINE[error.category],
		description,
		httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
		itemIndex: options.itemIndex,
		failure: failureOf(error.category, options.retryAfterMs),
	});
	apiError.context.metaError = {
		code: error.code ?? null,
		subcode: error.subcode ?? null,
		fbtraceId: error.fbtraceId ?? null,
		category: error.category,
		retryable: error.retryable,
		title: error.title,
		fix: redactText(error.sentence, secrets),
	};
	return apiError;
}

/** An error of ours (not Meta's) with the same shape, e.g. a request that never got an answer. */
export function localMetaError(
	category: MetaErrorCategory | string,
	sentence: string,
	extras: Partial<ClassifiedMetaError> = {},
): ClassifiedMetaError {
	const known: MetaErrorCategory[] = ['retry_later', 'reconnect', 'fix_configuration', 'quota', 'policy'];
	const safeCategory = (known as string[]).includes(category) ? (category as MetaErrorCategory) : 'fix_configuration';
	return {
		message: sentence,
		category: safeCategory,
		retryable: safeCategory === 'retry_later' || safeCategory === 'quota',
		refusedBeforeExecution: false,
		sentence,
		title: extras.title ?? 'Meta request failed',
		known: false,
		...extras,
	};
}
