import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';
import type { MetaCredentialType } from '../connection';
import { graphPaginate } from '../pagination';
import { graphRequest } from '../request';

export const digitsOnly = (what: string) => [{ type: 'regex' as const, properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `${what} is digits only` } }];

/** Version 2's Page picker, in place of version 1's text field (same name, so saved values and display rules carry over). */
export function pageLocator(v1: INodeProperties): INodeProperties {
	return {
		displayName: 'Page',
		name: v1.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: v1.description,
		displayOptions: v1.displayOptions,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPages', searchable: true } },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://www.facebook.com/profile.php?id=1200000000000001',
				extractValue: { type: 'regex', regex: 'facebook\\.com\\/(?:profile\\.php\\?id=)?(\\d+)' },
				validation: [
					{
						type: 'regex',
						properties: { regex: '.*facebook\\.com\\/(?:profile\\.php\\?id=)?\\d+.*', errorMessage: 'Paste a Page address that holds its numeric ID (facebook.com/profile.php?id=…)' },
					},
				],
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1200000000000001', validation: digitsOnly('A Page ID') },
		],
	};
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => String(t ?? '').toLowerCase().includes(needle));
}

/** Pages the trigger's account connection manages, each with its linked Instagram account when it has one. */
export async function searchPages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const layer = { credentialType: this.getNodeParameter('accountAuthentication', 'metaAccessTokenApi') as MetaCredentialType, retry: { maxRetries: 1 } };
	const fields = 'id,name,instagram_business_account{id,username}';
	let pages: IDataObject[];
	try {
		pages = await graphPaginate(this, layer, { method: 'GET', path: 'me/accounts', qs: { fields } }, { returnAll: true });
	} catch {
		// A Page token has no /me/accounts: the Page itself is the only one.
		pages = [(await graphRequest<IDataObject>(this, layer, { method: 'GET', path: 'me', qs: { fields } })).body];
	}
	const results = pages
		.map((page) => ({ page, instagram: page.instagram_business_account as IDataObject | undefined }))
		.filter(({ page, instagram }) => matches(filter, page.name, page.id, instagram?.username))
		.map(({ page, instagram }) => ({
			name: instagram?.username ? `${String(page.name)} (Instagram @${String(instagram.username)})` : String(page.name ?? page.id),
			value: String(page.id),
			url: `https://www.facebook.com/${String(page.id)}`,
		}));
	return { results };
}
