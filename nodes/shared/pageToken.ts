import type { IDataObject } from 'n8n-workflow';
import type { GraphContext } from './connection';
import { localMetaError, metaNodeApiError } from './errors/toNodeError';

/**
 * Page access tokens derived from the credential's user token (reference §1.3): fetched once per node run and Page,
 * and never stored, so a lost Page role shows up on the next run instead of living on in a cached token.
 */
const pageTokensByContext = new WeakMap<object, Map<string, string>>();

type FetchPageToken = (pageId: string) => Promise<IDataObject>;

export async function derivePageToken(ctx: GraphContext, pageId: string, fetch: FetchPageToken, secrets: readonly string[]): Promise<string> {
	let cache = pageTokensByContext.get(ctx);
	if (!cache) {
		cache = new Map();
		pageTokensByContext.set(ctx, cache);
	}
	const cached = cache.get(pageId);
	if (cached) return cached;
	const page = await fetch(pageId);
	const token = typeof page.access_token === 'string' ? page.access_token : '';
	if (!token) {
		throw metaNodeApiError(
			ctx.getNode(),
			localMetaError(
				'fix_configuration',
				`Meta gave no Page access token for Page ${pageId}: the connected user needs full control of the Page (an admin role with the Manage task) and the credential must include pages_show_list; reconnect after fixing the role.`,
				{ title: 'No Page token' },
			),
			{ knownSecrets: secrets },
		);
	}
	cache.set(pageId, token);
	return token;
}
