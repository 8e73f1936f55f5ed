import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import type { MetaCredentialType } from '../../shared';
import { searchPages as searchConnectedPages } from '../../shared/webhooks/leads';

/** The Pages the credential manages (`/me/accounts`). */
export async function searchPages(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const credentialType = this.getNodeParameter('authentication', 'metaAccessTokenApi') as MetaCredentialType;
	return await searchConnectedPages(this, { credentialType }, filter, paginationToken);
}
