import type { IDataObject } from 'n8n-workflow';
import { checkResult, type CheckResult } from './checks';
import { featureInPlay, NOT_SHARED_AT_LOGIN, sharedAtLogin, type DoctorInput } from './context';

const IDS = ['ads.accounts', 'ads.accountStatus'];

/** `account_status` values of an ad account (Marketing API). */
const ACCOUNT_STATUS: Record<number, { name: string; status: 'pass' | 'warn' | 'fail' }> = {
	1: { name: 'ACTIVE', status: 'pass' },
	2: { name: 'DISABLED', status: 'fail' },
	3: { name: 'UNSETTLED', status: 'fail' },
	7: { name: 'PENDING_RISK_REVIEW', status: 'warn' },
	8: { name: 'PENDING_SETTLEMENT', status: 'warn' },
	9: { name: 'IN_GRACE_PERIOD', status: 'warn' },
	100: { name: 'PENDING_CLOSURE', status: 'fail' },
	101: { name: 'CLOSED', status: 'fail' },
	201: { name: 'ANY_ACTIVE', status: 'pass' },
	202: { name: 'ANY_CLOSED', status: 'fail' },
};

/** `disable_reason` values (0 = none). */
const DISABLE_REASON: Record<number, string> = {
	1: 'ads integrity policy',
	2: 'ads IP review',
	3: 'risk payment',
	4: 'gray account shut down',
	5: 'ads AFC review',
	6: 'business integrity review',
	7: 'permanently closed',
	8: 'unused reseller account',
	9: 'unused account',
	10: 'umbrella ad account',
	11: 'business manager integrity policy',
	12: 'misrepresented ad account',
	13: 'AOAB deshare legal entity',
	14: 'compromised ad account',
	15: 'business user compromised',
};

function accountLabel(account: IDataObject): string {
	return account.name ? `Ad account ${String(account.name)} (${String(account.id)})` : `Ad account ${String(account.id)}`;
}

function statusCheck(account: IDataObject): CheckResult {
	const code = Number(account.account_status);
	const known = ACCOUNT_STATUS[code] ?? { name: `status ${String(account.account_status)}`, status: 'warn' as const };
	const reason = DISABLE_REASON[Number(account.disable_reason)];
	return checkResult('ads.accountStatus', known.status, `${known.name}${reason ? ` (reason: ${reason})` : ''}`, accountLabel(account));
}

/** ads.accounts and, per ad account, ads.accountStatus. */
export async function adsChecks(input: DoctorInput): Promise<CheckResult[]> {
	const { report } = input;
	if (!report.valid) return IDS.map((id) => checkResult(id, 'skip', 'the token is not valid'));
	if (report.platform === 'instagram') return IDS.map((id) => checkResult(id, 'skip', 'Meta Ads needs a Facebook Login or system-user token'));
	if (!featureInPlay(input, ['ads'])) return IDS.map((id) => checkResult(id, 'skip', 'Meta Ads is not among the features checked'));
	if (report.tokenType === 'PAGE') return IDS.map((id) => checkResult(id, 'skip', 'a Page token cannot list ad accounts'));
	const listed = await input.read('me/adaccounts', { fields: 'id,name,account_status,disable_reason' }, { list: true });
	if (!listed.ok) return [checkResult('ads.accounts', 'fail', `Meta refused to list the ad accounts: ${listed.problem}`), checkResult('ads.accountStatus', 'skip', 'the ad accounts could not be listed')];
	if (!listed.items.length) {
		const why = sharedAtLogin(report, ['ads_']) === 'unknown' ? 'No ad account is shared with this token' : `No ad account is shared with this token: an ad account ${NOT_SHARED_AT_LOGIN}`;
		return [checkResult('ads.accounts', 'fail', why), checkResult('ads.accountStatus', 'skip', 'no ad account to check')];
	}
	return [
		checkResult('ads.accounts', 'pass', `${listed.items.length} ad account(s): ${listed.items.map((a) => String(a.name ?? a.id)).join(', ')}`),
		...listed.items.map(statusCheck),
	];
}
