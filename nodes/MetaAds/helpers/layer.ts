import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { GraphLayerOptions, MetaCredentialType } from '../../shared';

/** Credentials the Meta Ads node acts with (Marketing API runs on graph.facebook.com only). */
export const ADS_CREDENTIAL_TYPES: readonly MetaCredentialType[] = ['metaOAuth2Api', 'metaAccessTokenApi'];

/** The shared layer's options for this node: its credential and the longest rate-limit wait the user accepts. */
export function adsLayer(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject = {}): GraphLayerOptions {
	const credentialType = ctx.getNodeParameter('authentication', itemIndex) as MetaCredentialType;
	const maxWaitMinutes = Number(options.maxRateLimitWaitMinutes ?? 10);
	// Ads throttles without an advised wait sit in rolling one-hour windows: back off from a minute (reference §7.6).
	return { credentialType, retry: { maxWaitMs: Math.max(0, maxWaitMinutes) * 60_000, quotaBaseDelayMs: 60_000 } };
}

export function adsLayerForLists(ctx: ILoadOptionsFunctions): GraphLayerOptions {
	return { credentialType: ctx.getNodeParameter('authentication', 'metaAccessTokenApi') as MetaCredentialType };
}
