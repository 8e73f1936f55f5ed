import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

const NUMERIC_ID = /^\d{1,30}$/;

/**
 * A Page, Instagram account or WhatsApp account ID read from the node, checked before it goes into a Graph path:
 * Meta's object IDs are digits, and anything else (`123/subscribed_apps?x=`) would change the request's meaning.
 */
export function graphIdParameter(ctx: IHookFunctions, parameter: string, label: string): string {
	const raw = ctx.getNodeParameter(parameter, '', { extractValue: true });
	const value = String(raw ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty: choose one from the list or paste its ID, or turn off Subscribe Automatically.`);
	}
	if (!NUMERIC_ID.test(value)) {
		const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
		throw new NodeOperationError(ctx.getNode(), `${label} must be a numeric Meta ID, but got "${shown}": copy the ID only (digits), or choose it from the list.`);
	}
	return value;
}
