import type { INodePropertyOptions } from 'n8n-workflow';
import { PRODUCT_FEATURES, scopesForFeatures, type MetaPlatform } from './scopes';

/** The product picker shown on the OAuth2 credentials. */
export const PRODUCT_SCOPE_OPTIONS: INodePropertyOptions[] = PRODUCT_FEATURES.map((feature) => ({
	name: feature.label,
	value: feature.id,
}));

/**
 * The hidden `scope` of an OAuth2 credential as an n8n expression over the chosen products, so the permissions
 * requested at login always match the product list in `scopes.ts`.
 */
export function scopeExpression(platform: MetaPlatform): string {
	const parts = PRODUCT_FEATURES.filter((f) => f[platform]).map(
		(f) => `(($self.products || []).includes(${JSON.stringify(f.id)}) ? ${JSON.stringify(scopesForFeatures([f.id], platform).join(','))} : "")`,
	);
	const guard = platform === 'facebook' ? '$self.loginMode === "configId" ? "" : ' : '';
	return `={{ ${guard}[${parts.join(', ')}].filter(s => s).join(",").split(",").filter((s, i, all) => s && all.indexOf(s) === i).join(",") }}`;
}
