import type { IDataObject } from 'n8n-workflow';
import { checkResult, type CheckResult } from './checks';
import { featureInPlay, instagramInPlay, NOT_SHARED_AT_LOGIN, sharedAtLogin, type DoctorInput } from './context';

const PAGE_SCOPES = ['pages_'];

/** A Page the token reaches, as the Instagram checks need it (never its token). */
export interface ReachedPage {
	id: string;
	name: string;
	tasks: string[];
	hasPageToken: boolean;
	/** The linked Instagram professional account (`instagram_business_account`). */
	instagram?: { id: string; username?: string };
	/** An Instagram account connected in the Page's settings (also personal ones). */
	connectedInstagramId?: string;
}

const PAGE_FIELDS = 'id,name,instagram_business_account{id,username},connected_instagram_account';

function reachedPage(row: IDataObject, isPageToken: boolean): ReachedPage {
	const business = row.instagram_business_account as IDataObject | undefined;
	const connected = row.connected_instagram_account as IDataObject | undefined;
	return {
		id: String(row.id),
		name: String(row.name ?? row.id),
		tasks: Array.isArray(row.tasks) ? (row.tasks as string[]) : [],
		hasPageToken: isPageToken || (typeof row.access_token === 'string' && row.access_token.length > 0),
		instagram: business?.id ? { id: String(business.id), username: business.username ? String(business.username) : undefined } : undefined,
		connectedInstagramId: connected?.id ? String(connected.id) : undefined,
	};
}

export function pageLabel(page: ReachedPage): string {
	return `Page ${page.name} (${page.id})`;
}

/** A missing Page token fails for the Page the workflows use (or any Page when none is named); for others it warns. */
function pageTokenCheck(page: ReachedPage, expectedPageId: string | undefined): CheckResult {
	const tasks = page.tasks.length ? page.tasks.join(', ') : 'none listed';
	if (page.hasPageToken) return checkResult('pages.pageToken', 'pass', `Page token available (tasks: ${tasks})`, pageLabel(page));
	const why = page.tasks.includes('MANAGE')
		? 'although the user has the MANAGE task; the Page may be restricted'
		: 'the user lacks the MANAGE task (an Editor or lower role, not an Admin with full control)';
	const status = !expectedPageId || expectedPageId === page.id ? 'fail' : 'warn';
	return checkResult('pages.pageToken', status, `No Page token: ${why}; tasks: ${tasks}`, pageLabel(page));
}

function skipBoth(why: string): CheckResult[] {
	return ['pages.reachable', 'pages.pageToken'].map((id) => checkResult(id, 'skip', why));
}

/** pages.reachable and, per Page, pages.pageToken. Returns the Pages for the Instagram checks. */
export async function pageChecks(input: DoctorInput): Promise<{ results: CheckResult[]; pages?: ReachedPage[] }> {
	const { report } = input;
	if (!report.valid) return { results: skipBoth('the token is not valid') };
	if (report.platform === 'instagram') return { results: skipBoth('an Instagram Login token needs no Facebook Page') };
	if (report.tokenType === 'PAGE') {
		const me = await input.read('me', { fields: PAGE_FIELDS });
		if (!me.ok) return { results: [checkResult('pages.reachable', 'fail', `Meta refused to read the Page: ${me.problem}`), checkResult('pages.pageToken', 'skip', 'the Page could not be read')] };
		const page = reachedPage(me.body, true);
		return {
			results: [
				checkResult('pages.reachable', 'pass', `This is the Page token of ${pageLabel(page)}`),
				checkResult('pages.pageToken', 'pass', 'The token is itself a Page token', pageLabel(page)),
			],
			pages: [page],
		};
	}
	if (report.scopes && !report.scopes.includes('pages_show_list')) return { results: skipBoth('the token has no pages_show_list permission, so its Pages cannot be listed') };
	const listed = await input.read('me/accounts', { fields: `${PAGE_FIELDS},tasks,access_token` }, { list: true });
	if (!listed.ok) return { results: [checkResult('pages.reachable', 'fail', `Meta refused to list the Pages: ${listed.problem}`), checkResult('pages.pageToken', 'skip', 'the Pages could not be listed')] };
	const pages = listed.items.map((row) => reachedPage(row, false));
	if (!pages.length) {
		// Only a finding when Pages matter: a WhatsApp-only token may well reach none.
		const needed = Boolean(input.expect.pageId) || instagramInPlay(input) || featureInPlay(input, ['pages']);
		const why = sharedAtLogin(report, PAGE_SCOPES) === 'not shared' ? `No Facebook Page is shared with this token: a Page ${NOT_SHARED_AT_LOGIN}` : 'No Facebook Page is shared with this token';
		return { results: [checkResult('pages.reachable', needed ? 'fail' : 'skip', why), checkResult('pages.pageToken', 'skip', 'no Page to check')], pages };
	}
	const expected = input.expect.pageId;
	const missingExpected = expected && !pages.some((p) => p.id === expected) && sharedAtLogin(report, PAGE_SCOPES, expected) === 'not shared';
	return {
		results: [
			missingExpected
				? checkResult('pages.reachable', 'fail', `Page ${expected} ${NOT_SHARED_AT_LOGIN}; the token reaches ${pages.map((p) => `${p.name} (${p.id})`).join(', ')}`)
				: checkResult('pages.reachable', 'pass', `${pages.length} Page(s): ${pages.map((p) => `${p.name} (${p.id}; tasks: ${p.tasks.join(', ') || 'none listed'})`).join('; ')}`),
			...pages.map((page) => pageTokenCheck(page, input.expect.pageId)),
		],
		pages,
	};
}
