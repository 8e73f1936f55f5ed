import type { TokenReport } from '../auth/inspectToken';
import { checkResult, type CheckResult } from './checks';

const DAY = 86400;
/** A Facebook Login connection is reported at least this many days before it expires: only reconnecting renews it. */
export const CONNECTION_WARN_DAYS = 10;

/** Permissions Meta documents as not subject to data-access expiry (reference §1.5). */
const NO_DATA_ACCESS_EXPIRY = new Set([
	'ads_read',
	'ads_management',
	'business_management',
	'pages_manage_ads',
	'pages_manage_cta',
	'pages_manage_engagement',
	'pages_manage_metadata',
	'pages_manage_posts',
	'pages_messaging',
	'pages_read_engagement',
	'pages_read_user_content',
	'pages_show_list',
	'read_insights',
	'read_audience_network_insights',
	'configure_page_transactions',
	'pages_manage_instant_articles',
]);

function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

function isoDate(at: number): string {
	return new Date(at * 1000).toISOString().slice(0, 10);
}

function daysUntil(at: number): number {
	return Math.floor((at - nowSeconds()) / DAY);
}

function plural(days: number): string {
	return `${days} day${days === 1 ? '' : 's'}`;
}

/** pass / warn (within `warnDays`) / fail (ended) for an expiry in unix seconds; 0 = never. */
function dated(id: string, at: number, warnDays: number, words: { never: string; ahead: string; ended: string }): CheckResult {
	if (at === 0) return checkResult(id, 'pass', words.never);
	const days = daysUntil(at);
	if (at <= nowSeconds()) return checkResult(id, 'fail', `${words.ended} ${isoDate(at)}`);
	return checkResult(id, days < warnDays ? 'warn' : 'pass', `${words.ahead} ${isoDate(at)} (in ${plural(days)})`);
}

function dataAccessCheck(report: TokenReport, warnDays: number): CheckResult {
	const at = report.dataAccessExpiresAt;
	if (at === undefined) return checkResult('token.dataAccess', 'skip', 'the data-access expiry could not be read');
	if (at === 0) return checkResult('token.dataAccess', 'skip', 'this token has no data-access expiry');
	const result = dated('token.dataAccess', at, warnDays, { never: '', ahead: 'Data access ends', ended: 'Data access ended on' });
	// Lapsed data access only stops permissions that are subject to it.
	const exempt = report.scopes !== undefined && report.scopes.length > 0 && report.scopes.every((scope) => NO_DATA_ACCESS_EXPIRY.has(scope));
	if (result.status === 'pass' || !exempt) return result;
	return checkResult('token.dataAccess', 'pass', `${result.found}; the granted permissions are not subject to it`);
}

function expiryCheck(report: TokenReport, warnDays: number): CheckResult {
	if (report.expiresAt === undefined) return checkResult('token.expiry', 'skip', 'the expiry could not be read (add the app ID and secret to the credential)');
	if (!report.reconnectToRenew) return dated('token.expiry', report.expiresAt, warnDays, { never: 'does not expire', ahead: 'expires', ended: 'expired on' });
	const result = dated('token.expiry', report.expiresAt, Math.max(warnDays, CONNECTION_WARN_DAYS), {
		never: 'does not expire',
		ahead: 'the Facebook Login connection expires',
		ended: 'the Facebook Login connection expired on',
	});
	if (report.expiresAt === 0) return result;
	const fix = report.expiresAt <= nowSeconds() ? 'reconnect the credential (Connect) to renew it' : 'reconnect the credential (Connect) before then to renew it';
	return { ...result, found: `${result.found}; ${fix}` };
}

/** token.valid, token.type, token.expiry, token.dataAccess: read from the token report alone. */
export function tokenChecks(report: TokenReport, warnDays: number): CheckResult[] {
	if (!report.valid) {
		const why = report.problem ?? 'Meta rejected it';
		return [
			checkResult('token.valid', 'fail', `Token is not valid: ${why}`),
			...['token.type', 'token.expiry', 'token.dataAccess'].map((id) => checkResult(id, 'skip', 'the token is not valid')),
		];
	}
	const kind = report.tokenType ?? report.platform;
	const results = [checkResult('token.valid', 'pass', `Valid ${kind} token${report.account ? ` for ${report.account}` : ''}`)];
	results.push(
		report.tokenType === 'APP'
			? checkResult('token.type', 'fail', 'This is an app token: it cannot act for a user, Page or business')
			: checkResult('token.type', report.tokenType ? 'pass' : 'skip', report.tokenType ? `${report.tokenType} token` : 'the type could not be read (add the app ID and secret to the credential)'),
	);
	results.push(expiryCheck(report, warnDays));
	results.push(dataAccessCheck(report, warnDays));
	return results;
}
