/** The Graph API version every request uses unless the credential overrides it (newest per the reference, §9.4). */
export const DEFAULT_GRAPH_VERSION = 'v26.0';

/** Meta's hosts. A credential's base-URL override replaces the scheme+host, keeping the host name as the first path segment. */
export const META_HOSTS = {
	facebookGraph: 'graph.facebook.com',
	instagramGraph: 'graph.instagram.com',
	rupload: 'rupload.facebook.com',
	instagramApi: 'api.instagram.com',
	facebookWww: 'www.facebook.com',
	instagramWww: 'www.instagram.com',
} as const;

export type MetaHost = (typeof META_HOSTS)[keyof typeof META_HOSTS];

/** Graph batch requests accept at most 50 operations (reference §9.3). */
export const MAX_BATCH_OPERATIONS = 50;

/** A user token with less than this much life left is treated as short-lived (Meta's short-lived tokens last 1–2 h). */
export const SHORT_LIVED_TOKEN_MAX_SECONDS = 24 * 60 * 60;

/** Instagram Login tokens can only be refreshed once they are at least 24 hours old (reference §1.4). */
export const INSTAGRAM_REFRESH_MIN_AGE_SECONDS = 24 * 60 * 60;

/** Refresh an Instagram Login token when less than this much of its 60 days is left. */
export const INSTAGRAM_REFRESH_WINDOW_SECONDS = 10 * 24 * 60 * 60;
