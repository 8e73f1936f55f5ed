import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { executeSetupCheck } from '../../../shared/doctor/setupCheck';
import { accountLabel, reachableAccounts } from '../../helpers/accounts';
import { instagramCall } from '../../helpers/context';
import { passOn } from '../../helpers/errors';

const LINK_FIX =
	'Switch the Instagram account to Business or Creator, link it to a Facebook Page you manage (Instagram settings → Accounts Center, or the Page’s Linked accounts), then reconnect granting pages_show_list and instagram_basic.';

/** The shared token check, plus the one thing Instagram setups most often lack: an account the credential reaches. */
async function accountsCheck(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const call = await instagramCall(this, itemIndex);
	try {
		const accounts = await reachableAccounts(this, call.layer);
		if (accounts.length) return { id: 'instagram.accounts', status: 'pass', found: `Instagram account(s): ${accounts.map(accountLabel).join(', ')}`, fix: '' };
		return { id: 'instagram.accounts', status: 'fail', found: 'No Instagram professional account is linked to the Pages this credential can use', fix: LINK_FIX };
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw passOn(call, error);
		return { id: 'instagram.accounts', status: 'fail', found: `Meta refused to list the Instagram accounts: ${error.description ?? error.message}`, fix: LINK_FIX };
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const [report] = await executeSetupCheck.call(this, itemIndex);
	const checks = [...((report.json.checks as IDataObject[]) ?? [])];
	if (checks.find((c) => c.id === 'token.valid')?.status === 'pass') checks.push(await accountsCheck.call(this, itemIndex));
	const status = checks.some((c) => c.status === 'fail') ? 'fail' : checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
	return [{ json: { ...report.json, status, checks }, pairedItem: { item: itemIndex } }];
}
