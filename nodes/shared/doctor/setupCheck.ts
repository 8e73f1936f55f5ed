import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';
import { detectPlatform } from '../auth/accessTokenSession';
import { inspectCredentialToken, type TokenReport } from '../auth/inspectToken';
import { PRODUCT_FEATURES } from '../auth/scopes';
import type { MetaCredentialType } from '../connection';
import { graphPaginate } from '../pagination';
import { graphRequest } from '../request';
import { worstStatus } from './checks';
import type { DoctorInput, GraphRead, ReadOutcome, SetupExpectations } from './context';
import { runSetupChecks, summaryLine } from './runChecks';
import { readNumber } from '../parameters';
import { readRefusedDeliveries, refusalChecks, wantsRefusalCheck } from './refusedDeliveries';

/** Trigger events whose webhook fields the check can verify (`object:field`). */
const WEBHOOK_FIELD_OPTIONS = [
	{ name: 'Instagram: Comments', value: 'instagram:comments' },
	{ name: 'Instagram: Direct Messages', value: 'instagram:messages' },
	{ name: 'Instagram: Mentions', value: 'instagram:mentions' },
	{ name: 'Page: Feed', value: 'page:feed' },
	{ name: 'Page: Lead Ads', value: 'page:leadgen' },
	{ name: 'Page: Messenger Messages', value: 'page:messages' },
	{ name: 'WhatsApp: Messages and Statuses', value: 'whatsapp_business_account:messages' },
	{ name: 'WhatsApp: Template Status Updates', value: 'whatsapp_business_account:message_template_status_update' },
];

/**
 * The setup check's parameters, shown under `resource` → operation `check`. The Meta Setup Doctor node offers it as
 * Token → Check; every action node offers it as Setup → Check, so a broken connection is explained where it fails.
 */
export function setupCheckProperties(resource: string): INodeProperties[] {
	const show = { show: { resource: [resource], operation: ['check'] } };
	return [
		{
			displayName: 'Warn Days Before Expiry',
			name: 'warnDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 14,
			description: 'A token or its data access that ends within this many days is reported as a warning',
			displayOptions: show,
		},
		{
			displayName: 'Features You Use',
			name: 'features',
			type: 'multiOptions',
			options: PRODUCT_FEATURES.map((f) => ({ name: f.label, value: f.id })).sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
			description: 'Features whose permissions and setup must be complete. None chosen: the check covers what the token’s permissions allow.',
			displayOptions: show,
		},
		{
			displayName: 'Expected Setup',
			name: 'expectations',
			type: 'collection',
			placeholder: 'Add Expectation',
			default: {},
			displayOptions: show,
			options: [
				{
					displayName: 'Instagram Account',
					name: 'instagramAccount',
					type: 'string',
					default: '',
					placeholder: '@myshop',
					description: 'Username or ID of the Instagram account your workflows use; checked to be linked to the Page below',
				},
				{
					displayName: 'Page ID',
					name: 'pageId',
					type: 'string',
					default: '',
					description: 'The Facebook Page your workflows use (the Page the Instagram account should be linked to)',
				},
				{
					displayName: 'Webhook Callback URL',
					name: 'webhookUrl',
					type: 'string',
					default: '',
					placeholder: 'https://n8n.example.com/webhook/…',
					description: 'The production URL of your trigger: the URL Meta should call. Checked with the Meta App credential.',
				},
				{
					displayName: 'Webhook Events Needed',
					name: 'webhookFields',
					type: 'multiOptions',
					options: WEBHOOK_FIELD_OPTIONS,
					default: [],
					description: 'Trigger events your workflows rely on; the app’s webhook subscription must include them',
				},
				{
					displayName: 'WhatsApp Business Account IDs',
					name: 'whatsappAccountIds',
					type: 'string',
					default: '',
					description: 'Comma-separated; added to the accounts the token was granted',
				},
			],
		},
	];
}

/**
 * The Setup resource's operation picker for action nodes: resource value `setup`, operation `check`. Each node lists
 * `{ name: 'Setup', value: 'setup' }` among its resource options literally (the n8n lint crashes on an identifier there).
 */
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

/** A failed read that is a finding about the setup comes back as a value; an outage or throttle stays an error. */
function refusal(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ReadOutcome {
	if (!(error instanceof NodeApiError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	const metaError = error.context?.metaError as IDataObject | undefined;
	if (metaError?.category === 'retry_later' || metaError?.category === 'quota') throw error;
	return { ok: false, problem: error.description ?? error.message, code: typeof metaError?.code === 'number' ? metaError.code : undefined };
}

function graphReader(ctx: IExecuteFunctions, credentialType: MetaCredentialType, itemIndex: number): GraphRead {
	const layer = { credentialType, retry: { maxRetries: 1 } };
	return async (path, qs, options) => {
		try {
			if (options?.list) {
				const request = { method: 'GET' as const, path, qs, itemIndex, asPage: options.asPage };
				const items = await graphPaginate(ctx, layer, request, { returnAll: false, limit: 500 });
				return { ok: true, body: {}, items };
			}
			const { body } = await graphRequest(ctx, layer, { method: 'GET', path, qs, itemIndex, asPage: options?.asPage });
			return { ok: true, body, items: [] };
		} catch (error) {
			return refusal(ctx, error, itemIndex);
		}
	};
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
			platform: credentialType === 'metaAccessTokenApi' ? detectPlatform(String((await this.getCredentials(credentialType, itemIndex)).accessToken ?? ''), undefined) : 'facebook',
			covered: [],
			missing: [],
			problem: error.description ?? error.message,
			message: `Token is not valid: ${error.description ?? error.message}`,
		};
	}
	const credentials = await this.getCredentials(credentialType, itemIndex);
	return await inspectCredentialToken({ helpers: { httpRequest: this.helpers.httpRequest } }, credentialType, credentials);
}

function expectationsOf(raw: IDataObject): SetupExpectations {
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	return {
		pageId: text(raw.pageId),
		instagramAccount: text(raw.instagramAccount),
		webhookUrl: text(raw.webhookUrl),
		webhookFields: Array.isArray(raw.webhookFields) ? (raw.webhookFields as string[]) : [],
		whatsappAccountIds: String(raw.whatsappAccountIds ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean),
	};
}

/** The Meta App credential, when the node offers one and the user switched it on (Meta Setup Doctor). */
async function appReader(ctx: IExecuteFunctions, itemIndex: number): Promise<DoctorInput['app']> {
	if (!(ctx.getNodeParameter('checkApp', itemIndex, false) as boolean)) return undefined;
	// Optional on the node (see MetaSetupDoctor.node.ts), so n8n's own message for a missing one would be unhelpful.
	if (!ctx.getNode().credentials?.metaAppApi) {
		throw new NodeOperationError(ctx.getNode(), 'Check App and Webhooks is on but no Meta App credential is selected', {
			itemIndex,
			description: 'Select a Meta App credential (app ID and secret) in the node, or turn Check App and Webhooks off.',
		});
	}
	const credentials = await ctx.getCredentials<IDataObject>('metaAppApi', itemIndex);
	return { appId: String(credentials.appId ?? ''), read: graphReader(ctx, 'metaAppApi', itemIndex) };
}

function expiryText(at: number | undefined): string | null {
	if (at === undefined) return null;
	return at === 0 ? 'never' : new Date(at * 1000).toISOString();
}

export async function executeSetupCheck(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const credentialType = this.getNodeParameter('authentication', itemIndex) as MetaCredentialType;
	// Parameters are checked before the first call to Meta.
	const warnDays = readNumber(this, 'warnDays', itemIndex, 'Warn Days Before Expiry', { min: 0 }, 14);
	const report = await reportOnTokenInUse.call(this, credentialType, itemIndex);
	const checks = await runSetupChecks({
		report,
		warnDays,
		features: this.getNodeParameter('features', itemIndex, []) as string[],
		expect: expectationsOf(this.getNodeParameter('expectations', itemIndex, {}) as IDataObject),
		read: graphReader(this, credentialType, itemIndex),
		app: await appReader(this, itemIndex),
	});
	const refused = wantsRefusalCheck(this, itemIndex) ? await readRefusedDeliveries(this, itemIndex) : undefined;
	if (refused) checks.push(...refusalChecks(refused));
	return [
		{
			json: {
				status: worstStatus(checks),
				summary: summaryLine(checks),
				checks,
				token: {
					platform: report.platform,
					type: report.tokenType ?? null,
					expiresAt: expiryText(report.expiresAt),
					dataAccessExpiresAt: expiryText(report.dataAccessExpiresAt),
					scopes: report.scopes ?? null,
				},
				...(refused ? { refusedDeliveries: refused } : {}),
			},
			pairedItem: { item: itemIndex },
		},
	];
}
