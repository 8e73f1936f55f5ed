import type { TokenReport } from '../auth/inspectToken';
import { PRODUCT_FEATURES } from '../auth/scopes';
import { checkResult, type CheckResult } from './checks';

/** Old Instagram Login permission name → its current `instagram_business_*` name (reference §1.9). */
export const RETIRED_SCOPE_NAMES: Readonly<Record<string, string>> = Object.freeze(
	Object.fromEntries(
		PRODUCT_FEATURES.flatMap((f) => f.instagram ?? [])
			.filter((alternatives) => alternatives.length > 1)
			.flatMap((alternatives) => alternatives.slice(1).map((old) => [old, alternatives[0]])),
	),
);

function labelsOf(featureIds: readonly string[]): string[] {
	return PRODUCT_FEATURES.filter((f) => featureIds.includes(f.id)).map((f) => f.label);
}

function featuresCheck(report: TokenReport, wanted: readonly string[]): CheckResult {
	if (report.scopes === undefined) return checkResult('scopes.features', 'skip', 'the permissions could not be read (add the app ID and secret to the credential)');
	const parts: string[] = [];
	if (report.covered.length) parts.push(`Can use: ${report.covered.join(', ')}.`);
	if (report.missing.length) parts.push(`Cannot use: ${report.missing.map((m) => `${m.feature} (grant ${m.grant.join(', ')})`).join('; ')}.`);
	const wantedLabels = labelsOf(wanted);
	const missingWanted = report.missing.filter((m) => wantedLabels.includes(m.feature));
	if (missingWanted.length) return checkResult('scopes.features', 'fail', parts.join(' '));
	if (!report.covered.length) return checkResult('scopes.features', 'fail', `Good for none of this package's features. ${parts.join(' ')}`);
	return checkResult('scopes.features', 'pass', parts.join(' '));
}

function currentNamesCheck(report: TokenReport): CheckResult {
	if (report.platform !== 'instagram') return checkResult('scopes.currentNames', 'skip', 'only Instagram Login permissions were renamed');
	if (report.scopes === undefined) return checkResult('scopes.currentNames', 'skip', 'the permissions could not be read');
	const granted = new Set(report.scopes);
	const oldOnly = report.scopes.filter((scope) => RETIRED_SCOPE_NAMES[scope] && !granted.has(RETIRED_SCOPE_NAMES[scope]));
	if (!oldOnly.length) return checkResult('scopes.currentNames', 'pass', 'Permissions are granted under their current names');
	return checkResult(
		'scopes.currentNames',
		'fail',
		`Granted only under retired names: ${oldOnly.map((old) => `${old} (now ${RETIRED_SCOPE_NAMES[old]})`).join(', ')}`,
	);
}

/** scopes.features and scopes.currentNames: read from the token report alone. */
export function scopeChecks(report: TokenReport, wantedFeatures: readonly string[]): CheckResult[] {
	if (!report.valid) return ['scopes.features', 'scopes.currentNames'].map((id) => checkResult(id, 'skip', 'the token is not valid'));
	return [featuresCheck(report, wantedFeatures), currentNamesCheck(report)];
}
