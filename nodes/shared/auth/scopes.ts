/**
 * Which permissions each product feature needs, knowing both Meta's current and older scope names
 * (reference §1.9). A requirement is satisfied when any one of its alternatives is granted.
 */
export type MetaPlatform = 'facebook' | 'instagram';

export interface ProductFeature {
	id: string;
	label: string;
	/** Requirements for Facebook Login tokens (graph.facebook.com); undefined = feature not available there. */
	facebook?: string[][];
	/** Requirements for Instagram Login tokens (graph.instagram.com). */
	instagram?: string[][];
}

export const PRODUCT_FEATURES: readonly ProductFeature[] = [
	{
		id: 'instagramPublish',
		label: 'Instagram publishing',
		facebook: [['instagram_basic'], ['instagram_content_publish'], ['pages_show_list']],
		instagram: [
			['instagram_business_basic', 'business_basic'],
			['instagram_business_content_publish', 'business_content_publish'],
		],
	},
	{
		id: 'instagramMessaging',
		label: 'Instagram direct messages',
		facebook: [['instagram_basic'], ['instagram_manage_messages'], ['pages_show_list'], ['pages_manage_metadata']],
		instagram: [
			['instagram_business_basic', 'business_basic'],
			['instagram_business_manage_messages', 'business_manage_messages'],
		],
	},
	{
		id: 'instagramComments',
		label: 'Instagram comments',
		facebook: [['instagram_basic'], ['instagram_manage_comments'], ['pages_show_list']],
		instagram: [
			['instagram_business_basic', 'business_basic'],
			['instagram_business_manage_comments', 'business_manage_comments'],
		],
	},
	{
		id: 'whatsapp',
		label: 'WhatsApp messaging and templates',
		facebook: [['whatsapp_business_messaging'], ['whatsapp_business_management']],
	},
	{
		id: 'ads',
		label: 'Meta Ads insights',
		facebook: [['ads_read', 'ads_management']],
	},
	{
		id: 'adsManage',
		label: 'Meta Ads changes (pause, resume, budgets)',
		facebook: [['ads_management']],
	},
	{
		id: 'leads',
		label: 'Lead ads (lead details)',
		facebook: [['leads_retrieval'], ['pages_show_list'], ['pages_manage_metadata']],
	},
	{
		id: 'messenger',
		label: 'Messenger replies from a Page',
		facebook: [['pages_messaging'], ['pages_show_list'], ['pages_manage_metadata']],
	},
	{
		id: 'conversions',
		label: 'Conversions API events',
		facebook: [['ads_management']],
	},
	{
		id: 'pages',
		label: 'Facebook Pages and webhooks',
		facebook: [['pages_show_list'], ['pages_manage_metadata'], ['pages_read_engagement']],
	},
];

/** The scopes to request at login for a set of features (Facebook Login uses the first alternative of each). */
export function scopesForFeatures(featureIds: readonly string[], platform: MetaPlatform): string[] {
	const scopes = new Set<string>();
	for (const feature of PRODUCT_FEATURES) {
		if (!featureIds.includes(feature.id)) continue;
		for (const requirement of feature[platform] ?? []) scopes.add(requirement[0]);
	}
	return [...scopes];
}

export interface FeatureCoverage {
	feature: ProductFeature;
	covered: boolean;
	/** For each unmet requirement, the scope name to grant (current name first). */
	missing: string[];
}

export function coverageOf(granted: readonly string[], platform: MetaPlatform): FeatureCoverage[] {
	const have = new Set(granted.map((s) => s.trim()).filter(Boolean));
	return PRODUCT_FEATURES.filter((f) => f[platform]).map((feature) => {
		const missing = (feature[platform] ?? [])
			.filter((alternatives) => !alternatives.some((scope) => have.has(scope)))
			.map((alternatives) => alternatives[0]);
		return { feature, covered: missing.length === 0, missing };
	});
}
