import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { graphRequest } from '../../shared';
import { checkOptionalPicker } from '../../shared/parameters';
import { objectIdParameter } from './accountIds';
import { fromMinorUnits } from './currency';
import { adsLayer } from './layer';
import { adAccountLocator, objectLocator } from './locators';

/** A campaign, ad set or ad as the status and budget operations see it. */
export interface AdObjectKind {
	/** The node's resource value. */
	resource: 'campaign' | 'adSet' | 'ad';
	/** The picker parameter (shared with Insights → Get). */
	locator: 'campaign' | 'adSet' | 'ad';
	/** In sentences: "campaign", "ad set", "ad". */
	noun: string;
	searchListMethod: string;
	/** Campaigns and ad sets carry budgets; ads do not. */
	hasBudget: boolean;
}

export const AD_OBJECT_KINDS: Record<AdObjectKind['resource'], AdObjectKind> = {
	campaign: { resource: 'campaign', locator: 'campaign', noun: 'campaign', searchListMethod: 'searchCampaigns', hasBudget: true },
	adSet: { resource: 'adSet', locator: 'adSet', noun: 'ad set', searchListMethod: 'searchAdSets', hasBudget: true },
	ad: { resource: 'ad', locator: 'ad', noun: 'ad', searchListMethod: 'searchAds', hasBudget: false },
};

const title = (noun: string) => noun.replace(/\b\w/g, (c) => c.toUpperCase());

/** The ad account picker (only narrows the list) and the object picker of one operation. */
export function objectPickers(kind: AdObjectKind, operation: string): INodeProperties[] {
	const show = { resource: [kind.resource], operation: [operation] };
	return [
		{ ...adAccountLocator(show), required: false, description: `Only used to list the ${kind.noun}s to pick from` },
		{ ...objectLocator(kind.locator, title(kind.noun), kind.searchListMethod, show), description: `The ${kind.noun} to act on: pick it, or map its ID (e.g. ${kind.resource === 'ad' ? 'ad_id' : kind.resource === 'adSet' ? 'adset_id' : 'campaign_id'} from Insights)` },
	];
}

/** Statuses Meta only lets an object leave by deletion, or not at all: refused before any write. */
const FINAL_STATUSES = ['ARCHIVED', 'DELETED'];

/** Reads the picked object's id from the node (checked before any call). */
export function pickedObjectId(ctx: IExecuteFunctions, kind: AdObjectKind, itemIndex: number): string {
	checkOptionalPicker(ctx, 'adAccount', itemIndex, 'Ad Account');
	return objectIdParameter(ctx, kind.locator, kind.noun, itemIndex);
}

export async function readAdObject(ctx: IExecuteFunctions, kind: AdObjectKind, id: string, itemIndex: number): Promise<IDataObject> {
	const fields = ['id', 'name', 'status', 'effective_status', 'account_id'];
	if (kind.hasBudget) fields.push('daily_budget', 'lifetime_budget', 'budget_remaining');
	if (kind.resource !== 'campaign') fields.push('campaign_id');
	if (kind.resource === 'ad') fields.push('adset_id');
	const { body } = await graphRequest<IDataObject>(ctx, adsLayer(ctx, itemIndex), { method: 'GET', path: id, qs: { fields: fields.join(',') }, itemIndex });
	return body;
}

export async function accountCurrency(ctx: IExecuteFunctions, accountId: unknown, itemIndex: number): Promise<string> {
	const { body } = await graphRequest<IDataObject>(ctx, adsLayer(ctx, itemIndex), { method: 'GET', path: `act_${String(accountId)}`, qs: { fields: 'currency' }, itemIndex });
	return String(body.currency ?? '');
}

/**
 * Changes fields of the object (status, a budget). Setting a value is safe to repeat, so a lost answer is retried by
 * the shared layer; the router still runs it once per item and execution (nodes/shared/idempotency.ts).
 */
export async function updateAdObject(ctx: IExecuteFunctions, id: string, fields: IDataObject, itemIndex: number): Promise<void> {
	await graphRequest(ctx, adsLayer(ctx, itemIndex), { method: 'POST', path: id, body: fields, idempotent: true, itemIndex });
}

/** Refuses, before any write, an object that is archived or deleted. */
export function refuseFinal(ctx: IExecuteFunctions, kind: AdObjectKind, object: IDataObject, itemIndex: number): void {
	const status = String(object.status ?? '');
	if (!FINAL_STATUSES.includes(status)) return;
	throw new NodeOperationError(ctx.getNode(), `The ${kind.noun} "${String(object.name ?? object.id)}" is ${status.toLowerCase()} and cannot be changed`, {
		itemIndex,
		description: `Meta keeps archived and deleted ${kind.noun}s read-only (they can only be deleted). Duplicate it in Ads Manager to run it again. Nothing was changed.`,
	});
}

/** Why an active object may still not deliver (its effective status), in words; undefined when it delivers. */
export function deliveryNote(effectiveStatus: unknown): string | undefined {
	const notes: Record<string, string> = {
		CAMPAIGN_PAUSED: 'Its campaign is paused, so it does not deliver until the campaign is resumed.',
		ADSET_PAUSED: 'Its ad set is paused, so it does not deliver until the ad set is resumed.',
		PENDING_REVIEW: 'Meta is still reviewing it.',
		DISAPPROVED: 'Meta disapproved it; see Ads Manager for the reason.',
		WITH_ISSUES: 'It has issues; see Ads Manager.',
		PENDING_BILLING_INFO: 'The ad account needs billing information.',
	};
	return notes[String(effectiveStatus ?? '')];
}

/** The object's status and budgets as items show them: budgets in the account currency, Meta's minor units beside. */
export function statusJson(kind: AdObjectKind, object: IDataObject, currency?: string): IDataObject {
	const json: IDataObject = {
		id: String(object.id),
		name: object.name ?? null,
		level: kind.resource,
		status: object.status ?? null,
		effectiveStatus: object.effective_status ?? null,
		delivering: object.effective_status === 'ACTIVE',
	};
	const note = deliveryNote(object.effective_status);
	if (note) json.deliveryNote = note;
	if (kind.hasBudget && currency) {
		Object.assign(json, {
			currency,
			dailyBudget: fromMinorUnits(object.daily_budget, currency),
			lifetimeBudget: fromMinorUnits(object.lifetime_budget, currency),
			budgetRemaining: fromMinorUnits(object.budget_remaining, currency),
			dailyBudgetMinorUnits: object.daily_budget ?? null,
			lifetimeBudgetMinorUnits: object.lifetime_budget ?? null,
		});
	}
	if (object.campaign_id) json.campaignId = object.campaign_id;
	if (object.adset_id) json.adSetId = object.adset_id;
	if (object.account_id) json.adAccountId = `act_${String(object.account_id)}`;
	return json;
}

export const item = (json: IDataObject, itemIndex: number): INodeExecutionData[] => [{ json, pairedItem: { item: itemIndex } }];
