import { NodeOperationError, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';
import { readId } from '../../shared/parameters';

/** `act_123`, `123` or an Ads Manager URL with `act=123` → `act_123`; undefined when it is none of these. */
export function normaliseAdAccountId(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	const fromUrl = /[?&]act=(\d+)/.exec(text);
	const digits = fromUrl ? fromUrl[1] : /^(?:act_)?(\d+)$/.exec(text)?.[1];
	return digits ? `act_${digits}` : undefined;
}

/** The ad account picked in the node, refused before any call when it is not an ad account ID. */
export function adAccountParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = readId(ctx, 'adAccount', itemIndex, 'Ad Account');
	const id = normaliseAdAccountId(raw);
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `"${String(raw)}" is not an ad account ID`, {
			itemIndex,
			description: 'Pick the ad account from the list, or enter its ID as act_ followed by digits (for example act_1234567890).',
		});
	}
	return id;
}

/** A campaign, ad set or ad ID (digits), refused before any call otherwise. */
export function objectIdParameter(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = readId(ctx, name, itemIndex, label.replace(/\b\w/g, (c) => c.toUpperCase()));
	if (!/^\d+$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a ${label} ID`, {
			itemIndex,
			description: `Pick the ${label} from the list, or enter its numeric ID (as shown in Ads Manager).`,
		});
	}
	return raw;
}

/** The ad account chosen in the node while the editor loads a list. */
export function currentAdAccount(ctx: ILoadOptionsFunctions): string | undefined {
	return normaliseAdAccountId(ctx.getCurrentNodeParameter('adAccount', { extractValue: true }));
}
