import type { IDataObject } from 'n8n-workflow';
import { checkResult, type CheckResult } from './checks';
import { featureInPlay, NOT_SHARED_AT_LOGIN, sharedAtLogin, type DoctorInput } from './context';

const IDS = ['whatsapp.accounts', 'whatsapp.appInstalled', 'whatsapp.registration', 'whatsapp.quality', 'whatsapp.messagingLimit'];
const WHATSAPP_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];
// The messaging limit: whatsapp_business_manager_messaging_limit; messaging_limit_tier is deprecated (reference §5.5).
export const PHONE_NUMBER_FIELDS =
	'id,display_phone_number,verified_name,status,code_verification_status,quality_rating,whatsapp_business_manager_messaging_limit,messaging_limit_tier';

/** Number statuses that mean it cannot send (reference §5; `CONNECTED` is a registered, working number). */
const BLOCKED_STATUSES = ['BANNED', 'RESTRICTED', 'FLAGGED', 'DELETED', 'DISCONNECTED', 'PENDING', 'UNVERIFIED', 'MIGRATED'];
const LIMIT_REACHED_STATUSES = ['RATE_LIMITED'];

/** WhatsApp Business Accounts to check: the ones the user named plus the ones the token was granted. */
export function accountIds(input: DoctorInput): string[] {
	const named = input.expect.whatsappAccountIds ?? [];
	const granted = (input.report.granularScopes ?? [])
		.filter((g) => WHATSAPP_SCOPES.includes(g.scope))
		.flatMap((g) => g.target_ids ?? []);
	return [...new Set([...named, ...granted].map((id) => String(id).trim()).filter(Boolean))];
}

function numberLabel(number: IDataObject): string {
	const shown = number.display_phone_number ?? number.verified_name;
	return shown ? `Number ${String(shown)} (${String(number.id)})` : `Number ${String(number.id)}`;
}

function registrationCheck(number: IDataObject): CheckResult {
	const status = String(number.status ?? '').toUpperCase();
	const verification = String(number.code_verification_status ?? '').toUpperCase();
	const subject = numberLabel(number);
	if (BLOCKED_STATUSES.includes(status)) return checkResult('whatsapp.registration', 'fail', `Status ${status}${verification ? `, verification ${verification}` : ''}: the number is not registered for sending`, subject);
	if (verification && !['VERIFIED', 'NOT_APPLICABLE'].includes(verification)) return checkResult('whatsapp.registration', 'fail', `Verification ${verification}: the number has not been verified`, subject);
	return checkResult('whatsapp.registration', 'pass', `Status ${status || 'unknown'}${verification ? `, verification ${verification}` : ''}`, subject);
}

function qualityCheck(number: IDataObject): CheckResult {
	const rating = String(number.quality_rating ?? '').toUpperCase();
	const subject = numberLabel(number);
	if (rating === 'RED') return checkResult('whatsapp.quality', 'fail', 'Quality rating RED (low): Meta may lower the messaging limit or restrict the number', subject);
	if (rating === 'YELLOW') return checkResult('whatsapp.quality', 'warn', 'Quality rating YELLOW (medium)', subject);
	return checkResult('whatsapp.quality', 'pass', rating && rating !== 'UNKNOWN' && rating !== 'NA' ? `Quality rating ${rating}` : 'Not rated yet', subject);
}

function limitCheck(number: IDataObject): CheckResult {
	const status = String(number.status ?? '').toUpperCase();
	const current = number.whatsapp_business_manager_messaging_limit ?? number.messaging_limit_tier;
	const tier = current ? String(current) : 'unknown tier';
	const subject = numberLabel(number);
	if (LIMIT_REACHED_STATUSES.includes(status)) return checkResult('whatsapp.messagingLimit', 'fail', `At its messaging limit (${tier}, status ${status}): new conversations are refused for now`, subject);
	return checkResult('whatsapp.messagingLimit', 'pass', `Messaging limit ${tier}`, subject);
}

/**
 * Meta delivers a WhatsApp Business Account's webhooks only to apps the account installed
 * (`POST /{waba-id}/subscribed_apps`); `GET` on the same edge lists them.
 */
async function appInstalledCheck(input: DoctorInput, wabaId: string, subject: string): Promise<CheckResult> {
	const appId = input.app?.appId ?? input.report.appId;
	if (!appId) return checkResult('whatsapp.appInstalled', 'skip', 'the app ID is not known (add the app ID and secret to the credential, or a Meta App credential)', subject);
	const installs = await input.read(`${wabaId}/subscribed_apps`, {}, { list: true });
	if (!installs.ok) return checkResult('whatsapp.appInstalled', 'fail', `Meta refused to list the account's apps: ${installs.problem}`, subject);
	const ours = installs.items.some((entry) => String((entry.whatsapp_business_api_data as IDataObject | undefined)?.id ?? entry.id) === appId);
	if (ours) return checkResult('whatsapp.appInstalled', 'pass', `App ${appId} is subscribed to the account`, subject);
	// Sending works without it; only webhooks (the WhatsApp trigger) need it, so it fails when those are checked.
	const webhooksChecked = Boolean(input.app) || (input.expect.webhookFields ?? []).some((pair) => pair.startsWith('whatsapp_business_account:'));
	return checkResult(
		'whatsapp.appInstalled',
		webhooksChecked ? 'fail' : 'warn',
		`App ${appId} is not subscribed to the account: Meta sends none of its webhooks (messages, statuses) to the app${webhooksChecked ? '' : ', which the WhatsApp trigger needs'}`,
		subject,
	);
}

/** whatsapp.accounts and whatsapp.appInstalled per account; registration, quality and messaging limit per phone number. */
export async function whatsappChecks(input: DoctorInput): Promise<CheckResult[]> {
	const { report } = input;
	if (!report.valid) return IDS.map((id) => checkResult(id, 'skip', 'the token is not valid'));
	if (report.platform === 'instagram') return IDS.map((id) => checkResult(id, 'skip', 'WhatsApp needs a Facebook Login or system-user token'));
	const named = Boolean(input.expect.whatsappAccountIds?.length);
	if (!named && !featureInPlay(input, ['whatsapp'])) return IDS.map((id) => checkResult(id, 'skip', 'WhatsApp is not among the features checked'));
	const ids = accountIds(input);
	if (!ids.length) {
		const explicit = input.features.includes('whatsapp');
		const notShared = sharedAtLogin(report, WHATSAPP_SCOPES) === 'not shared';
		return [
			notShared
				? checkResult('whatsapp.accounts', 'fail', `No WhatsApp Business Account is shared with this token: an account ${NOT_SHARED_AT_LOGIN}`)
				: checkResult('whatsapp.accounts', explicit ? 'fail' : 'skip', 'the token names no WhatsApp Business Account; enter its ID under Expected Setup'),
			...IDS.slice(1).map((id) => checkResult(id, 'skip', 'no WhatsApp Business Account to check')),
		];
	}
	const results: CheckResult[] = [];
	for (const id of ids) {
		const subject = `WhatsApp Business Account ${id}`;
		if (sharedAtLogin(report, WHATSAPP_SCOPES, id) === 'not shared') {
			results.push(checkResult('whatsapp.accounts', 'fail', `The account ${NOT_SHARED_AT_LOGIN}`, subject));
			continue;
		}
		const listed = await input.read(`${id}/phone_numbers`, { fields: PHONE_NUMBER_FIELDS }, { list: true });
		if (!listed.ok) {
			results.push(checkResult('whatsapp.accounts', 'fail', `Meta refused to read the account: ${listed.problem}`, subject));
			continue;
		}
		results.push(await appInstalledCheck(input, id, subject));
		if (!listed.items.length) {
			results.push(checkResult('whatsapp.accounts', 'fail', 'The account has no phone number', subject));
			continue;
		}
		results.push(checkResult('whatsapp.accounts', 'pass', `${listed.items.length} phone number(s)`, subject));
		for (const number of listed.items) results.push(registrationCheck(number), qualityCheck(number), limitCheck(number));
	}
	for (const id of IDS.slice(1)) if (!results.some((r) => r.id === id)) results.push(checkResult(id, 'skip', 'no phone number could be read'));
	return results;
}
