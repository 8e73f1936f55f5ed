import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import type { MetaCredentialType } from '../../shared/connection';
import { accountLabel, reachableAccounts } from '../helpers/accounts';
import { graphRequest, type GraphLayerOptions } from '../../shared/request';

function layerOf(ctx: ILoadOptionsFunctions): GraphLayerOptions {
	return { credentialType: ctx.getNodeParameter('authentication', 'metaOAuth2Api') as MetaCredentialType, retry: { maxRetries: 1 } };
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => String(t ?? '').toLowerCase().includes(needle));
}

/**
 * Instagram accounts the credential can act as: with Instagram Login the account itself; with Facebook Login the
 * accounts linked to the user's Pages (or to the Page of a Page token).
 */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const accounts = await reachableAccounts(this, layerOf(this));
	const results = accounts
		.filter((a) => matches(filter, a.username, a.name, a.id, a.pageName))
		.map((a) => ({ name: accountLabel(a), value: a.id, url: a.username ? `https://www.instagram.com/${a.username}/` : undefined }));
	return { results };
}

/** Recent media of the chosen account, newest first, with a cursor for the next page. */
export async function searchMedia(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const account = String(this.getCurrentNodeParameter('account', { extractValue: true }) ?? '').trim();
	if (!account) return { results: [] };
	const { body } = await graphRequest<{ data?: IDataObject[]; paging?: { next?: string; cursors?: { after?: string } } }>(this, layerOf(this), {
		method: 'GET',
		path: `${account}/media`,
		qs: { fields: 'id,caption,media_type,timestamp,permalink', limit: 50, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const results = (body.data ?? [])
		.filter((m) => matches(filter, m.caption, m.id))
		.map((m) => ({
			name: `${String(m.timestamp ?? '').slice(0, 10)} ${String(m.media_type ?? '')}: ${String(m.caption ?? '(no caption)').slice(0, 60)}`,
			value: String(m.id),
			url: typeof m.permalink === 'string' ? m.permalink : undefined,
		}));
	return { results, paginationToken: body.paging?.next ? body.paging?.cursors?.after : undefined };
}

/** The account's current stories, then its posts and reels: stories have insights for 24 hours only. */
export async function searchMediaAndStories(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const media = await searchMedia.call(this, filter, paginationToken);
	const account = String(this.getCurrentNodeParameter('account', { extractValue: true }) ?? '').trim();
	if (paginationToken || !account) return media;
	const { body } = await graphRequest<{ data?: IDataObject[] }>(this, layerOf(this), {
		method: 'GET',
		path: `${account}/stories`,
		qs: { fields: 'id,media_type,timestamp,permalink', limit: 50 },
	});
	const stories = (body.data ?? [])
		.filter((m) => matches(filter, 'story', m.id))
		.map((m) => ({ name: `${String(m.timestamp ?? '').slice(0, 16).replace('T', ' ')} STORY (${String(m.media_type ?? '').toLowerCase()})`, value: String(m.id), url: typeof m.permalink === 'string' ? m.permalink : undefined }));
	return { results: [...stories, ...media.results], paginationToken: media.paginationToken };
}

/** Comments on the media chosen in the "Media (for Picking)" field, newest first. */
export async function searchComments(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const media = String(this.getCurrentNodeParameter('pickerMedia', { extractValue: true }) ?? '').trim();
	if (!media) return { results: [] };
	const { body } = await graphRequest<{ data?: IDataObject[]; paging?: { next?: string; cursors?: { after?: string } } }>(this, layerOf(this), {
		method: 'GET',
		path: `${media}/comments`,
		qs: { fields: 'id,text,username,timestamp', limit: 50, ...(paginationToken ? { after: paginationToken } : {}) },
	});
	const results = (body.data ?? [])
		.filter((c) => matches(filter, c.text, c.username, c.id))
		.map((c) => ({ name: `@${String(c.username ?? '?')}: ${String(c.text ?? '').slice(0, 70)}`, value: String(c.id) }));
	return { results, paginationToken: body.paging?.next ? body.paging?.cursors?.after : undefined };
}
