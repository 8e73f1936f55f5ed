import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { resolveConnection, type MetaCredentialType } from '../../shared/connection';
import type { MetaPlatform } from '../../shared/auth/scopes';
import type { GraphLayerOptions } from '../../shared/request';

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

export async function instagramCall(ctx: IExecuteFunctions, itemIndex: number): Promise<InstagramCall> {
	const credentialType = ctx.getNodeParameter('authentication', itemIndex) as MetaCredentialType;
	const connection = await resolveConnection(ctx, credentialType);
	const retryWaitSeconds = ctx.getNodeParameter('options.retryWaitSeconds', itemIndex, 1) as number;
	return {
		ctx,
		layer: { credentialType, retry: { baseDelayMs: Math.max(10, Math.round(retryWaitSeconds * 1000)) } },
		platform: connection.platform,
		itemIndex,
	};
}

/** The IG professional account id from the account picker (`me` is accepted with Instagram Login). */
export function accountIdOf(call: InstagramCall): string {
	const value = String(call.ctx.getNodeParameter('account', call.itemIndex, '', { extractValue: true }) ?? '').trim();
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
	const raw = call.ctx.getNodeParameter(parameter, call.itemIndex, '', { extractValue: true });
	const value = String(raw ?? '').trim();
	if (!/^\d{5,}$/.test(value)) {
		throw new NodeOperationError(call.ctx.getNode(), `${label} "${value}" is not a valid id: use the numeric id Meta returned`, { itemIndex: call.itemIndex });
	}
	return value;
}
