import { checkResult, type CheckResult } from './checks';
import { instagramInPlay, NOT_SHARED_AT_LOGIN, sharedAtLogin, type DoctorInput } from './context';
import { pageLabel, type ReachedPage } from './pages';

const IDS = ['instagram.linked', 'instagram.accountType', 'instagram.expectedPage'];

function normalised(account: string): string {
	return account.trim().replace(/^@/, '').toLowerCase();
}

function accountLabel(account: { id: string; username?: string }): string {
	return account.username ? `@${account.username} (${account.id})` : `Instagram account ${account.id}`;
}

function matches(account: { id: string; username?: string } | undefined, wanted: string): boolean {
	if (!account) return false;
	const key = normalised(wanted);
	return account.id === key || (account.username ?? '').toLowerCase() === key;
}

function linkedCheck(page: ReachedPage, anyLinked: boolean): CheckResult {
	if (page.instagram) return checkResult('instagram.linked', 'pass', `Linked to ${accountLabel(page.instagram)}`, pageLabel(page));
	if (page.connectedInstagramId) return checkResult('instagram.linked', 'pass', `Connected to Instagram account ${page.connectedInstagramId}`, pageLabel(page));
	// Not every Page needs Instagram: only when no Page has an account is the missing link a failure.
	return checkResult('instagram.linked', anyLinked ? 'warn' : 'fail', 'No Instagram account is linked to this Page', pageLabel(page));
}

function typeCheck(page: ReachedPage): CheckResult | undefined {
	if (page.instagram) return checkResult('instagram.accountType', 'pass', `${accountLabel(page.instagram)} is a professional (Business or Creator) account`, pageLabel(page));
	if (page.connectedInstagramId) {
		// Meta only hands out `instagram_business_account` for professional accounts.
		return checkResult('instagram.accountType', 'fail', `Instagram account ${page.connectedInstagramId} is connected but is not a professional account (it is a personal account)`, pageLabel(page));
	}
	return undefined;
}

function expectedPageCheck(input: DoctorInput, pages: ReachedPage[], pageId: string | undefined, account: string | undefined): CheckResult {
	if (!pageId && !account) return checkResult('instagram.expectedPage', 'skip', 'name a Page and/or an Instagram account under Expected Setup to check where it is linked');
	const expectedPage = pageId ? pages.find((p) => p.id === pageId.trim()) : undefined;
	if (pageId && !expectedPage) {
		const notShared = sharedAtLogin(input.report, ['pages_'], pageId) === 'not shared';
		return checkResult('instagram.expectedPage', 'fail', notShared ? `Page ${pageId} ${NOT_SHARED_AT_LOGIN}` : `Page ${pageId} is not among the Pages this token reaches`);
	}
	if (!account) {
		const page = expectedPage as ReachedPage;
		return page.instagram
			? checkResult('instagram.expectedPage', 'pass', `${pageLabel(page)} is linked to ${accountLabel(page.instagram)}`)
			: checkResult('instagram.expectedPage', 'fail', `${pageLabel(page)} has no Instagram professional account linked`);
	}
	const holder = pages.find((p) => matches(p.instagram, account));
	if (!holder) {
		const byId = /^\d+$/.test(account.trim()) ? sharedAtLogin(input.report, ['instagram_'], account) : 'unknown';
		return checkResult('instagram.expectedPage', 'fail', byId === 'not shared' ? `Instagram account ${account} ${NOT_SHARED_AT_LOGIN}` : `${account} is not linked to any Page this token reaches`);
	}
	if (expectedPage && holder.id !== expectedPage.id) {
		return checkResult('instagram.expectedPage', 'fail', `${accountLabel(holder.instagram!)} is linked to ${pageLabel(holder)}, not to ${pageLabel(expectedPage)}`);
	}
	return checkResult('instagram.expectedPage', 'pass', `${accountLabel(holder.instagram!)} is linked to ${pageLabel(holder)}`);
}

const LOGIN_TYPES: Record<string, string> = { BUSINESS: 'a Business account', MEDIA_CREATOR: 'a Creator account', CREATOR: 'a Creator account' };

function instagramLoginChecks(input: DoctorInput): CheckResult[] {
	const { report, expect } = input;
	const who = report.account ? `@${report.account}` : 'The account';
	const type = (report.accountType ?? '').toUpperCase();
	const results = [checkResult('instagram.linked', 'skip', 'an Instagram Login token needs no Facebook Page')];
	if (!type) results.push(checkResult('instagram.accountType', 'skip', 'Meta did not report the account type'));
	else if (LOGIN_TYPES[type]) results.push(checkResult('instagram.accountType', 'pass', `${who} is ${LOGIN_TYPES[type]}`));
	else results.push(checkResult('instagram.accountType', 'fail', `${who} is a ${type.toLowerCase()} account, not a Business or Creator account`));
	if (!expect.instagramAccount) results.push(checkResult('instagram.expectedPage', 'skip', 'an Instagram Login token needs no Facebook Page'));
	else {
		const same = matches({ id: report.userId ?? '', username: report.account }, expect.instagramAccount);
		results.push(checkResult('instagram.expectedPage', same ? 'pass' : 'fail', same ? `The token is for ${who}` : `The token is for ${who}, not for ${expect.instagramAccount}`));
	}
	return results;
}

/** instagram.linked and instagram.accountType per Page (or for the Instagram Login account), instagram.expectedPage. */
export function instagramChecks(input: DoctorInput, pages: ReachedPage[] | undefined): CheckResult[] {
	if (!input.report.valid) return IDS.map((id) => checkResult(id, 'skip', 'the token is not valid'));
	if (input.report.platform === 'instagram') return instagramLoginChecks(input);
	if (!instagramInPlay(input)) return IDS.map((id) => checkResult(id, 'skip', 'Instagram is not among the features checked'));
	if (!pages || !pages.length) {
		const notShared = sharedAtLogin(input.report, ['instagram_']) === 'not shared';
		return IDS.map((id) => (id === 'instagram.linked' && notShared ? checkResult(id, 'fail', `No Instagram account is shared with this token: an account ${NOT_SHARED_AT_LOGIN}`) : checkResult(id, 'skip', 'no Facebook Page could be read')));
	}
	const anyLinked = pages.some((p) => p.instagram || p.connectedInstagramId);
	const results: CheckResult[] = [];
	for (const page of pages) {
		results.push(linkedCheck(page, anyLinked));
		const type = typeCheck(page);
		if (type) results.push(type);
	}
	if (!results.some((r) => r.id === 'instagram.accountType')) results.push(checkResult('instagram.accountType', 'skip', 'no Instagram account is linked'));
	results.push(expectedPageCheck(input, pages, input.expect.pageId, input.expect.instagramAccount));
	return results;
}
