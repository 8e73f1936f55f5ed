import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import { redactText } from './redact';

/**
 * Typed reads of node parameters. An expression can hand a text field an object, an array or null, which
 * `String()` would send to Meta as "[object Object]", "x,y" or "null"; these readers refuse such values before any
 * call, with an error naming the field (its display name) and showing what it got.
 */
type ParameterSource = Pick<IExecuteFunctions, 'getNodeParameter' | 'getNode'>;

const PREVIEW_LENGTH = 60;

/** A short, secret-free rendering of what an expression produced. */
export function previewOf(value: unknown): string {
	let text: string;
	try {
		text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	const short = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
	return redactText(short);
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'true/false';
	if (typeof value === 'object') return 'an object';
	return typeof value;
}

function refuse(node: INode, label: string, itemIndex: number, problem: string, value: unknown, hint: string): never {
	throw new NodeOperationError(node, `${label} ${problem}: got ${previewOf(value)}`, {
		itemIndex,
		description: hint,
	});
}

/** The value of a resource locator (`{__rl, mode, value}`) or the plain value. */
function unwrapLocator(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value) && (value as { __rl?: unknown }).__rl === true) {
		return (value as { value?: unknown }).value;
	}
	return value;
}

function raw(ctx: ParameterSource, name: string, itemIndex: number, fallback: unknown): unknown {
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	// Only a resource locator needs n8n's extraction (its mode may pull the ID out of a URL); asking for it on a
	// field the current operation does not show fails, so plain values are taken as they are.
	const isLocator = !!value && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;
	return unwrapLocator(isLocator ? ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true }) : value);
}

export interface TextRules {
	/** Empty or whitespace-only text is refused (default true). */
	required?: boolean;
	/** Digits from a number are accepted (IDs, phone numbers); otherwise a number is refused as text. */
	acceptIntegers?: boolean;
}

/**
 * Checks one value as text: a string (whitespace-only counts as empty), never an object, list, null or true/false.
 * Returns the string unchanged ('' for an empty optional value).
 */
export function textValue(node: INode, value: unknown, label: string, itemIndex: number, rules: TextRules = {}): string {
	const required = rules.required ?? true;
	const unwrapped = unwrapLocator(value);
	if (unwrapped === undefined || unwrapped === '') {
		if (required) refuse(node, label, itemIndex, 'is required but is empty', unwrapped ?? '', `Enter a value for ${label}, or map one that is set on every item.`);
		return '';
	}
	if (typeof unwrapped === 'number' && rules.acceptIntegers) {
		if (Number.isSafeInteger(unwrapped) && unwrapped >= 0) return String(unwrapped);
		refuse(node, label, itemIndex, 'must be an ID written as text', unwrapped, `Large numbers lose digits in expressions: map the ID as text, e.g. {{ String($json.id) }} when it is a string in the source.`);
	}
	if (typeof unwrapped !== 'string') {
		refuse(
			node,
			label,
			itemIndex,
			`must be text, not ${kindOf(unwrapped)}`,
			unwrapped,
			`The expression for ${label} produced ${kindOf(unwrapped)}. Map a single text value (e.g. {{ $json.field }} of a text field), or join a list yourself with .join(', ').`,
		);
	}
	if (required && unwrapped.trim() === '') {
		refuse(node, label, itemIndex, 'is required but is empty', unwrapped, `Enter a value for ${label}, or map one that is set on every item.`);
	}
	return unwrapped;
}

/** Required text, as typed (not trimmed: a caption keeps its line breaks). */
export function readText(ctx: ParameterSource, name: string, itemIndex: number, label: string): string {
	return textValue(ctx.getNode(), raw(ctx, name, itemIndex, ''), label, itemIndex);
}

/** Optional text: '' when empty; objects, lists, null and numbers are still refused. */
export function readOptionalText(ctx: ParameterSource, name: string, itemIndex: number, label: string, fallback = ''): string {
	return textValue(ctx.getNode(), raw(ctx, name, itemIndex, fallback), label, itemIndex, { required: false });
}

/** A required ID (trimmed). Digits from a number are accepted while they are exact. */
export function readId(ctx: ParameterSource, name: string, itemIndex: number, label: string): string {
	return textValue(ctx.getNode(), raw(ctx, name, itemIndex, ''), label, itemIndex, { acceptIntegers: true }).trim();
}

/** An optional ID: '' when empty. */
export function readOptionalId(ctx: ParameterSource, name: string, itemIndex: number, label: string): string {
	return textValue(ctx.getNode(), raw(ctx, name, itemIndex, ''), label, itemIndex, { acceptIntegers: true, required: false }).trim();
}

/**
 * Checks a picker that only some operations read (an optional ID field), without n8n's value extraction, which
 * fails for a field the current operation does not show.
 */
export function checkOptionalPicker(ctx: ParameterSource, name: string, itemIndex: number, label: string): void {
	textValue(ctx.getNode(), ctx.getNodeParameter(name, itemIndex, ''), label, itemIndex, { acceptIntegers: true, required: false });
}

/** A URL as text (trimmed), '' when empty: the caller's URL check, which knows the kind of URL, reports it missing. */
export function readUrl(ctx: ParameterSource, name: string, itemIndex: number, label: string): string {
	return readOptionalText(ctx, name, itemIndex, label).trim();
}

export interface NumberRules {
	min?: number;
	max?: number;
	integer?: boolean;
}

/** Checks one value as a finite number; numeric text is accepted. */
export function numberValue(node: INode, value: unknown, label: string, itemIndex: number, rules: NumberRules = {}): number {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const n = typeof value === 'number' ? value : text ? Number(text) : NaN;
	if (!Number.isFinite(n)) {
		refuse(node, label, itemIndex, 'must be a number', value, `Enter a number for ${label}, or map a numeric value.`);
	}
	if (rules.integer && !Number.isInteger(n)) {
		refuse(node, label, itemIndex, 'must be a whole number', value, `Enter a whole number for ${label}.`);
	}
	if ((rules.min !== undefined && n < rules.min) || (rules.max !== undefined && n > rules.max)) {
		const range = [rules.min !== undefined ? `at least ${rules.min}` : '', rules.max !== undefined ? `at most ${rules.max}` : ''].filter(Boolean).join(' and ');
		refuse(node, label, itemIndex, `must be ${range}`, value, `Enter a number for ${label} that is ${range}.`);
	}
	return n;
}

export function readNumber(ctx: ParameterSource, name: string, itemIndex: number, label: string, rules: NumberRules = {}, fallback?: number): number {
	return numberValue(ctx.getNode(), raw(ctx, name, itemIndex, fallback), label, itemIndex, rules);
}
