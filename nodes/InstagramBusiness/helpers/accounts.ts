import type { IDataObject } from 'n8n-workflow';
import { resolveConnection, type GraphContext } from '../../shared/connection';
import { graphPaginate } from '../../shared/pagination';
import { graphRequest, type GraphLayerOptions } from '../../shared/request';

export interface ReachableAccount {
	id: string;
	username?: string;
	name?: string;
	/** The Facebook Page the account is linked to (Facebook Login). */
	pageName?: string;
}

/**
 * Instagram accounts the credential can act as: with Instagram Login the account itself; with Facebook Login the
 * accounts linked to the user's Pages (or to the Page of a Page token).
 */
export async function reachableAccounts(ctx: GraphContext, layer: GraphLayerOptions): Promise<ReachableAccount[]> {
	const connection = await resolveConnection(ctx, layer.credentialType);
	if (connection.platform === 'instagram') {
		const { body } = await graphRequest<IDataObject>(ctx, layer, { method: 'GET', path: 'me', qs: { fields: 'user_id,username,name' } });
		return [{ id: String(body.user_id ?? body.id), username: body.username as string | undefined, name: body.name as string | undefined }];
	}
	const fields = 'id,name,instagram_business_account{id,username,name}';
	let pages: IDataObject[];
	try {
		pages = await graphPaginate(ctx, layer, { method: 'GET', path: 'me/accounts', qs: { fields } }, { returnAll: true });
	} catch {
		// A Page token has no /me/accounts: the Page itself is the only one.
		const { body } = await graphRequest<IDataObject>(ctx, layer, { method: 'GET', path: 'me', qs: { fields } });
		pages = [body];
	}
	return pages
		.filter((page) => page.instagram_business_account)
		.map((page) => {
			const account = page.instagram_business_account as IDataObject;
			return { id: String(account.id), username: account.username as string | undefined, name: account.name as string | undefined, pageName: String(page.name ?? page.id) };
		});
}

export function accountLabel(account: ReachableAccount): string {
	return `@${account.username ?? account.id}${account.name ? ` (${account.name})` : ''}${account.pageName ? ` via ${account.pageName}` : ''}`;
}
