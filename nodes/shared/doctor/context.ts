import type { IDataObject } from 'n8n-workflow';
import type { TokenReport } from '../auth/inspectToken';
import { PRODUCT_FEATURES } from '../auth/scopes';

/** What the user expects of their setup (all optional); checks that need an expectation skip without it. */
export interface SetupExpectations {
	pageId?: string;
	/** Instagram username (with or without @) or account ID. */
	instagramAccount?: string;
	whatsappAccountIds?: string[];
	webhookUrl?: string;
	/** `object:field` pairs the user's triggers rely on, e.g. `instagram:messages`. */
	webhookFields?: string[];
}

export type ReadOutcome = { ok: true; body: IDataObject; items: IDataObject[] } | { ok: false; problem: string; code?: number };

/** One Graph read for a check. A refusal that is a finding (permission, unknown object) comes back as a value. */
export type GraphRead = (path: string, qs: IDataObject, options?: { list?: boolean; asPage?: string }) => Promise<ReadOutcome>;

export interface DoctorInput {
	report: TokenReport;
	warnDays: number;
	/** Feature ids (PRODUCT_FEATURES) the user says they use; empty = judge by what the token covers. */
	features: string[];
	expect: SetupExpectations;
	/** Reads with the checked credential's token. */
	read: GraphRead;
	/** Reads with the Meta App credential's app token, when the user added one. */
	app?: { appId: string; read: GraphRead };
}

const INSTAGRAM_FEATURES = ['instagramPublish', 'instagramMessaging', 'instagramComments'];

function coveredFeatureIds(report: TokenReport): string[] {
	return PRODUCT_FEATURES.filter((f) => report.covered.includes(f.label)).map((f) => f.id);
}

/**
 * Whether an area applies: the user chose one of its features, or (when they chose none) the token's permissions
 * cover one of them. An area that does not apply is skipped, never failed.
 */
export function featureInPlay(input: DoctorInput, featureIds: readonly string[]): boolean {
	if (input.features.length) return featureIds.some((id) => input.features.includes(id));
	return featureIds.some((id) => coveredFeatureIds(input.report).includes(id));
}

export function instagramInPlay(input: DoctorInput): boolean {
	return Boolean(input.expect.instagramAccount) || featureInPlay(input, INSTAGRAM_FEATURES);
}

/** The words every check uses for an asset the person did not tick at login. */
export const NOT_SHARED_AT_LOGIN = 'was not shared at login: reconnect and tick it (or add it to the system user)';

/**
 * Whether an asset was shared with the token at login, from debug_token's `granular_scopes`: the ids listed for the
 * permissions that name assets of this kind. Unknown when Meta listed none of these permissions (or was not asked).
 */
export function sharedAtLogin(report: TokenReport, scopePrefixes: readonly string[], id?: string): 'shared' | 'not shared' | 'unknown' {
	const grants = (report.granularScopes ?? []).filter((g) => scopePrefixes.some((prefix) => g.scope.startsWith(prefix)));
	if (!grants.length) return 'unknown';
	const targets = grants.flatMap((g) => g.target_ids ?? []).map(String);
	if (id === undefined) return targets.length ? 'shared' : 'not shared';
	return targets.includes(String(id).trim()) ? 'shared' : 'not shared';
}

export function grantedScopes(input: DoctorInput): string[] | undefined {
	return input.report.scopes;
}
