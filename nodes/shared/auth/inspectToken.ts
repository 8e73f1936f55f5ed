import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { normaliseGraphVersion } from '../hosts';
import { detectPlatform, effectiveAccessToken } from './accessTokenSession';
import { facebookOAuthSession } from './oauthSession';
import { coverageOf, type MetaPlatform } from './scopes';
import { attemptTokenCall, debugFacebookToken, fetchMe, nowSeconds } from './tokenCalls';

/** What a credential's token can and cannot do, for credential tests (and later the Setup Doctor). */
export interface TokenReport {
	valid: boolean;
	platform: MetaPlatform;
	tokenType?: string;
	/** Unix seconds; 0 = never; undefined = unknown. */
	expiresAt?: number;
	dataAccessExpiresAt?: number;
	scopes?: string[];
	covered: string[];
	missing: Array<{ feature: string; grant: string[] }>;
	account?: string;
	/** Instagram Login: the account's type (BUSINESS, MEDIA_CREATOR, …) and professional-account id. */
	accountType?: string;
	userId?: string;
	/** The app the token belongs to (debug_token `app_id`). */
	appId?: string;
	/** debug_token `granular_scopes`: which Pages, WhatsApp accounts, ad accounts each permission was granted for. */
	granularScopes?: Array<{ scope: string; target_ids?: string[] }>;
	problem?: string;
	/** A Facebook Login (OAuth2) connection: it cannot be renewed by the package, only by connecting again. */
	reconnectToRenew?: boolean;
	message: string;
}

interface TokenSource {
	platform: MetaPlatform;
	token: string;
	appId?: string;
	appSecret?: string;
}

async function sourceOf(helper: IHttpRequestHelper, credentialType: string, credentials: ICredentialDataDecryptedObject): Promise<TokenSource> {
	if (credentialType === 'metaAccessTokenApi') {
		const token = effectiveAccessToken(credentials);
		return {
			platform: detectPlatform(String(credentials.accessToken ?? ''), credentials.apiHost),
			token,
			appId: String(credentials.appId ?? '') || undefined,
			appSecret: String(credentials.appSecret ?? '') || undefined,
		};
	}
	// Facebook Login (OAuth2): the token requests are signed with (already known after a request: no call).
	const session = await facebookOAuthSession(helper, credentials);
	return {
		platform: 'facebook',
		token: session.accessToken,
		appId: String(credentials.clientId ?? '') || undefined,
		appSecret: String(credentials.clientSecret ?? '') || undefined,
	};
}

/** What renews a Facebook Login connection: Meta gives no refresh token, so only connecting again does. */
export const RECONNECT_TO_RENEW = 'This Facebook Login connection cannot renew itself: reconnect the credential (Connect) before that date.';

function formatExpiry(expiresAt: number | undefined): string {
	if (expiresAt === undefined) return 'expiry unknown';
	if (expiresAt === 0) return 'does not expire';
	const days = Math.floor((expiresAt - nowSeconds()) / 86400);
	const date = new Date(expiresAt * 1000).toISOString().slice(0, 10);
	return days >= 0 ? `expires ${date} (in ${days} day${days === 1 ? '' : 's'})` : `expired on ${date}`;
}

function summarise(report: Omit<TokenReport, 'message'>): string {
	if (!report.valid) return `Token is not valid: ${report.problem ?? 'Meta rejected it'}.`;
	const parts = [
		`Valid ${report.tokenType ?? report.platform} token${report.account ? ` for ${report.account}` : ''}, ${formatExpiry(report.expiresAt)}.`,
	];
	if (report.reconnectToRenew && report.expiresAt) parts.push(RECONNECT_TO_RENEW);
	if (report.scopes === undefined) {
		parts.push('Permissions could not be read (add the app ID and secret to see them).');
	} else {
		if (report.covered.length) parts.push(`Can use: ${report.covered.join(', ')}.`);
		if (report.missing.length) {
			parts.push(
				`Cannot use: ${report.missing.map((m) => `${m.feature} (grant ${m.grant.join(', ')})`).join('; ')}.`,
			);
		}
	}
	if (report.dataAccessExpiresAt && report.dataAccessExpiresAt > 0) {
		const days = Math.floor((report.dataAccessExpiresAt - nowSeconds()) / 86400);
		if (days < 14) parts.push(`Data access lapses in ${Math.max(0, days)} day(s): log in again to renew it.`);
	}
	return parts.join(' ');
}

export async function inspectCredentialToken(
	helper: IHttpRequestHelper,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<TokenReport> {
	const sourced = await attemptTokenCall(async () => await sourceOf(helper, credentialType, credentials));
	const reconnectToRenew = credentialType === 'metaOAuth2Api';
	if (!sourced.ok) {
		const report = { valid: false, platform: 'facebook' as MetaPlatform, covered: [], missing: [], reconnectToRenew, problem: sourced.error.message.replace(/\.$/, '') };
		return { ...report, message: summarise(report) };
	}
	const source = sourced.value;
	const endpoint = {
		version: normaliseGraphVersion(credentials.graphApiVersion),
		baseUrlOverride: String(credentials.baseUrlOverride ?? ''),
	};
	const base: Omit<TokenReport, 'message'> = { valid: false, platform: source.platform, covered: [], missing: [], reconnectToRenew };
	if (!source.token) {
		const report = { ...base, problem: 'the credential holds no token (connect or paste one)' };
		return { ...report, message: summarise(report) };
	}
	const outcome = await attemptTokenCall(async (): Promise<Omit<TokenReport, 'message'>> => {
		if (source.platform === 'facebook' && source.appId && source.appSecret) {
			const info = await debugFacebookToken(helper, endpoint, { appId: source.appId, appSecret: source.appSecret }, source.token);
			const coverage = coverageOf(info.scopes, 'facebook');
			return {
				...base,
				valid: info.isValid,
				tokenType: info.type,
				expiresAt: info.expiresAt,
				dataAccessExpiresAt: info.dataAccessExpiresAt,
				scopes: info.scopes,
				userId: info.userId,
				appId: info.appId,
				granularScopes: info.granularScopes,
				covered: coverage.filter((c) => c.covered).map((c) => c.feature.label),
				missing: coverage.filter((c) => !c.covered).map((c) => ({ feature: c.feature.label, grant: c.missing })),
				problem: info.isValid ? undefined : (info.error?.message ?? 'expired or revoked'),
			};
		} else {
			const me = await fetchMe(helper, endpoint, source.platform, source.token, source.appSecret);
			const permissions = typeof me.permissions === 'string' ? me.permissions.split(',') : undefined;
			const coverage = permissions ? coverageOf(permissions, source.platform) : [];
			return {
				...base,
				valid: true,
				tokenType: source.platform === 'instagram' ? 'Instagram Login' : undefined,
				account: String(me.username ?? me.name ?? me.id ?? '') || undefined,
				accountType: typeof me.account_type === 'string' ? me.account_type : undefined,
				userId: String(me.user_id ?? me.id ?? '') || undefined,
				scopes: permissions,
				covered: coverage.filter((c) => c.covered).map((c) => c.feature.label),
				missing: coverage.filter((c) => !c.covered).map((c) => ({ feature: c.feature.label, grant: c.missing })),
			};
		}
	});
	const report = outcome.ok ? outcome.value : { ...base, problem: outcome.error.message.replace(/\.$/, '') };
	return { ...report, message: summarise(report) };
}
