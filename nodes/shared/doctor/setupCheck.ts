import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { inspectCredentialToken, type TokenReport } from '../auth/inspectToken';
import type { MetaCredentialType } from '../connection';
import { graphRequest } from '../request';

/**
 * The setup check's parameters, shown under `resource` → operation `check`. The Meta Setup Doctor node offers it as
 * Token → Check; every action node offers it as Setup → Check, so a broken connection is explained where it fails.
 */
export function setupCheckProperties(resource: string): INodeProperties[] {
	return [
		{
			displayName: 'Warn Days Before Expiry',
			name: 'warnDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 14,
			description: 'A token or its data access that ends within this many days is reported as a warning',
			displayOptions: { show: { resource: [resource], operation: ['check'] } },
		},
	];
}

/** The Setup resource's operation picker for action nodes (value `setup`, operation `check`). */
export const SETUP_RESOURCE_OPTION = { name: 'Setup', value: 'setup' };

export const setupOperationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['setup'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Check the connection: token, permissions and the Meta setup behind them, with how to fix what is broken',
				action: 'Check the setup',
			},
		],
		default: 'check',
	},
	...setupCheckProperties('setup'),
];

type CheckStatus = 'pass' | 'warn' | 'fail';

interface Check extends IDataObject {
	id: string;
	status: CheckStatus;
	found: string;
	fix: string;
}

const DAY = 86400;

function expiryCheck(id: string, label: string, at: number | undefined, warnDays: number, fix: string): Check {
	const now = Math.floor(Date.now() / 1000);
	if (at === undefined) return { id, status: 'warn', found: `${label}: unknown`, fix: 'Add the app ID and secret to the credential so the expiry can be read.' };
	if (at === 0) return { id, status: 'pass', found: `${label}: never`, fix: '' };
	const date = new Date(at * 1000).toISOString();
	if (at <= now) return { id, status: 'fail', found: `${label}: ended ${date}`, fix };
	if (at - now < warnDays * DAY) return { id, status: 'warn', found: `${label}: ${date}`, fix };
	return { id, status: 'pass', found: `${label}: ${date}`, fix: '' };
}

export function tokenChecks(report: TokenReport, warnDays: number): Check[] {
	const checks: Check[] = [
		{
			id: 'token.valid',
			status: report.valid ? 'pass' : 'fail',
			found: report.valid ? `Valid ${report.tokenType ?? report.platform} token` : `Not valid: ${report.problem ?? 'rejected by Meta'}`,
			fix: report.valid ? '' : 'Reconnect the credential, or paste a new token into it.',
		},
	];
	if (!report.valid) return checks;
	checks.push(
		expiryCheck('token.expiry', 'Token expires', report.expiresAt, warnDays, 'Reconnect the credential before that date, or use a system-user token that does not expire.'),
	);
	if (report.dataAccessExpiresAt !== undefined && report.dataAccessExpiresAt !== 0) {
		checks.push(
			expiryCheck('token.dataAccess', 'Data access ends', report.dataAccessExpiresAt, warnDays, 'Log in to the app again (reconnect the credential) to renew data access for another 90 days.'),
		);
	}
	for (const gap of report.missing) {
		checks.push({
			id: `scopes.${gap.feature}`,
			status: 'warn',
			found: `${gap.feature} is not covered by the granted permissions`,
			fix: `Reconnect and grant ${gap.grant.join(', ')} if you need ${gap.feature}.`,
		});
	}
	return checks;
}

/**
 * One authenticated call first, so the credential does what it does before any node request (exchange, refresh,
 * save the session); the report is then about the token requests really use. A token Meta refuses is a failed
 * check, not a node error.
 */
async function reportOnTokenInUse(this: IExecuteFunctions, credentialType: MetaCredentialType, itemIndex: number): Promise<TokenReport> {
	try {
		await graphRequest(this, { credentialType, retry: { maxRetries: 1 } }, { method: 'GET', path: 'me', qs: { fields: 'id' }, itemIndex });
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		const metaError = error.context?.metaError as IDataObject | undefined;
		// Anything but a dead token (an outage, a throttle) is not a finding about the setup: let it surface.
		if (metaError?.category !== 'reconnect') throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		return {
			valid: false,
			platform: credentialType === 'instagramLoginOAuth2Api' ? 'instagram' : 'facebook',
			covered: [],
			missing: [],
			problem: error.description ?? error.message,
			message: `Token is not valid: ${error.description ?? error.message}`,
		};
	}
	const credentials = await this.getCredentials(credentialType, itemIndex);
	return await inspectCredentialToken({ helpers: { httpRequest: this.helpers.httpRequest } }, credentialType, credentials);
}

export async function executeSetupCheck(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const credentialType = this.getNodeParameter('authentication', itemIndex) as MetaCredentialType;
	const warnDays = this.getNodeParameter('warnDays', itemIndex, 14) as number;
	const report = await reportOnTokenInUse.call(this, credentialType, itemIndex);
	const checks = tokenChecks(report, warnDays);
	const worst: CheckStatus = checks.some((c) => c.status === 'fail') ? 'fail' : checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
	return [
		{
			json: {
				status: worst,
				summary: report.message,
				checks,
				token: {
					platform: report.platform,
					type: report.tokenType ?? null,
					expiresAt: report.expiresAt ? new Date(report.expiresAt * 1000).toISOString() : report.expiresAt === 0 ? 'never' : null,
					scopes: report.scopes ?? null,
				},
			},
			pairedItem: { item: itemIndex },
		},
	];
}
