import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { resolveConnection, type MetaCredentialType } from '../../shared/connection';
import type { MetaPlatform } from '../../shared/auth/scopes';
import type { RetryPolicy } from '../../shared/backoff';
import { NODE_RETRY_SETTINGS_FROM_VERSION } from '../../shared/nodeSettings';
import type { GraphLayerOptions } from '../../shared/request';
import { checkOptionalPicker, readId, readNumber } from '../../shared/parameters';

/** What every operation needs: how to call Meta, which login path, which IG account. */
export interface InstagramCall {
	ctx: IExecuteFunctions;
	layer: GraphLayerOptions;
	platform: MetaPlatform;
	itemIndex: number;
}

/**
 * Retries for calls safe to repeat whose answer a publishing decision rests on (container creation, status and media
 * reads, the upload offset): more than the default, so a run of temporary failures does not end a publish early.
 */
const PERSISTENT_RETRIES = 6;

/** The same call with the shared layer retrying safe-to-repeat requests longer (see PERSISTENT_RETRIES). */
export function persistent(call: InstagramCall): InstagramCall {
	return { ...call, layer: { ...call.layer, retry: { ...call.layer.retry, maxRetries: PERSISTENT_RETRIES } } };
}

/** Pickers some operations only use in the editor; what an expression put there is still checked. */
const PICKERS: Array<[string, string]> = [
	['account', 'Instagram Account'],
	['pickerMedia', 'Media (for Picking)'],
];

export async function instagramCall(ctx: IExecuteFunctions, itemIndex: number): Promise<InstagramCall> {
	for (const [name, label] of PICKERS) checkOptionalPicker(ctx, name, itemIndex, label);
	const credentialType = ctx.getNodeParameter('authentication', itemIndex) as MetaCredentialType;
	const connection = await resolveConnection(ctx, credentialType);
	return {
		ctx,
		layer: { credentialType, retry: version1RetryWait(ctx, itemIndex) },
		platform: connection.platform,
		itemIndex,
	};
}

/**
 * Version 1's Retry Wait (Seconds) option: the first wait before a temporarily failed call is repeated. Version 2
 * has no such option; the shared layer follows n8n's Retry On Fail → Wait Between Tries instead (nodeSettings.ts).
 */
function version1RetryWait(ctx: IExecuteFunctions, itemIndex: number): Partial<RetryPolicy> | undefined {
	if (ctx.getNode().typeVersion >= NODE_RETRY_SETTINGS_FROM_VERSION) return undefined;
	const retryWaitSeconds = readNumber(ctx, 'options.retryWaitSeconds', itemIndex, 'Retry Wait (Seconds)', { min: 0 }, 1);
	return { baseDelayMs: Math.max(10, Math.round(retryWaitSeconds * 1000)) };
}

/** The IG professional account id from the account picker (`me` is accepted with Instagram Login). */
export function accountIdOf(call: InstagramCall): string {
	const value = readId(call.ctx, 'account', call.itemIndex, 'Instagram Account');
	if (value === 'me' && call.platform === 'instagram') return 'me';
	if (!/^\d{5,}$/.test(value)) {
		throw new NodeOperationError(
			call.ctx.getNode(),
			`Instagram Account "${value}" is not an account id: pick the account from the list, or enter its numeric id (the instagram_business_account id of its Page)`,
			{ itemIndex: call.itemIndex },
		);
	}
	return value;
}

/** A numeric Graph id typed or mapped by the user (container, media, comment). */
export function graphIdOf(call: InstagramCall, parameter: string, label: string): string {
	const value = readId(call.ctx, parameter, call.itemIndex, label);
	if (!/^\d{5,}$/.test(value)) {
		throw new NodeOperationError(call.ctx.getNode(), `${label} "${value}" is not a valid id: use the numeric id Meta returned`, { itemIndex: call.itemIndex });
	}
	return value;
}
