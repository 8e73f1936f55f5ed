import type { TokenReport } from '../auth/inspectToken';
import { adsChecks } from './ads';
import { appChecks } from './app';
import type { CheckResult } from './checks';
import type { DoctorInput } from './context';
import { instagramChecks } from './instagram';
import { pageChecks } from './pages';
import { scopeChecks } from './scopes';
import { tokenChecks } from './token';
import { whatsappChecks } from './whatsapp';

/** The checks a token report answers on its own: what credential tests can run (they cannot call node helpers). */
export function credentialChecks(report: TokenReport, warnDays = 14, wantedFeatures: readonly string[] = []): CheckResult[] {
	return [...tokenChecks(report, warnDays), ...scopeChecks(report, wantedFeatures)];
}

/** Every check, in the order of the table: token, permissions, Pages, Instagram, WhatsApp, ads, app and webhooks. */
export async function runSetupChecks(input: DoctorInput): Promise<CheckResult[]> {
	const results = credentialChecks(input.report, input.warnDays, input.features);
	const pages = await pageChecks(input);
	results.push(...pages.results, ...instagramChecks(input, pages.pages));
	results.push(...(await whatsappChecks(input)));
	results.push(...(await adsChecks(input)));
	results.push(...(await appChecks(input, pages.pages)));
	return results;
}

/**
 * One line for a credential test or a summary: validity and expiry, what the permissions cover, then every other
 * warning or failure.
 */
export function summaryLine(results: readonly CheckResult[]): string {
	const byId = (id: string) => results.find((r) => r.id === id);
	const valid = byId('token.valid');
	const expiry = byId('token.expiry');
	const features = byId('scopes.features');
	let head = valid?.found ?? 'Token not checked';
	if (expiry && expiry.status !== 'skip') head += `, ${expiry.found}`;
	const parts = [`${head}.`];
	if (features && features.status !== 'skip') parts.push(features.found);
	for (const result of results) {
		if (result === valid || result === expiry || result === features) continue;
		if (result.status === 'warn' || result.status === 'fail') parts.push(`${result.subject ? `${result.subject}: ` : ''}${result.found}.`);
	}
	return parts.join(' ');
}
