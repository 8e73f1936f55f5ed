import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { adAccountParameter, objectIdParameter } from './accountIds';
import { BREAKDOWN_SIZES, DATE_PRESET_DAYS, LIST_OPERATORS } from './insightsOptions';
import { readNumber, readOptionalText } from '../../shared/parameters';

/** An insights request ready for Meta: the edge to read, its parameters and how many rows it may make. */
export interface InsightsQuery {
	/** `act_123/insights` or `<campaign|ad set|ad id>/insights`. */
	path: string;
	qs: IDataObject;
	/** Rough upper estimate of the rows, to send big requests straight to an async report. */
	estimatedRows: number;
	/** Keys of the breakdown columns (kept as text when simplifying). */
	breakdowns: string[];
}

const LEVELS = ['account', 'campaign', 'adset', 'ad'];
/** How many objects one level below another tends to hold, to estimate rows (a rough guess by design). */
const LEVEL_FANOUT = [1, 10, 50, 200];
const DAY_MS = 86_400_000;

interface FilterRow {
	field?: string;
	operator?: string;
	value?: string;
}

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function target(ctx: IExecuteFunctions, itemIndex: number): { id: string; kind: string } {
	const kind = ctx.getNodeParameter('insightsOf', itemIndex) as string;
	if (kind === 'account') return { id: adAccountParameter(ctx, itemIndex), kind };
	const labels: Record<string, [string, string]> = { campaign: ['campaign', 'campaign'], adset: ['adSet', 'ad set'], ad: ['ad', 'ad'] };
	const [name, label] = labels[kind];
	return { id: objectIdParameter(ctx, name, label, itemIndex), kind };
}

function fieldList(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const picked = ctx.getNodeParameter('fields', itemIndex, []) as string[];
	const typed = readOptionalText(ctx, 'otherFields', itemIndex, 'Other Fields')
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	const bad = typed.find((f) => !/^[a-z0-9_]+$/.test(f));
	if (bad) fail(ctx, itemIndex, `"${bad}" is not an insights field name`, 'Other Fields takes Meta field names separated by commas, e.g. inline_post_engagement, cost_per_unique_click.');
	const fields = [...new Set([...picked, ...typed])];
	if (fields.length === 0) fail(ctx, itemIndex, 'No fields chosen', 'Pick at least one field under Fields, or type one under Other Fields.');
	return fields;
}

function isoDate(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const date = raw.slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
		fail(ctx, itemIndex, `${label} is not a date`, `Set ${label} to a date such as 2026-01-31 (the ad account's time zone is used).`);
	}
	return date;
}

/** date_preset or time_range, and the number of days covered. */
function dateRange(ctx: IExecuteFunctions, itemIndex: number, qs: IDataObject): number {
	const preset = ctx.getNodeParameter('datePreset', itemIndex) as string;
	if (preset !== 'custom') {
		qs.date_preset = preset;
		return DATE_PRESET_DAYS[preset] ?? 30;
	}
	const since = isoDate(ctx, itemIndex, 'since', 'Since');
	const until = isoDate(ctx, itemIndex, 'until', 'Until');
	if (since > until) fail(ctx, itemIndex, 'Since is after Until', 'Set Since to a date on or before Until.');
	qs.time_range = JSON.stringify({ since, until });
	return Math.round((Date.parse(until) - Date.parse(since)) / DAY_MS) + 1;
}

/** time_increment, and how many periods the range splits into. */
function timeIncrement(ctx: IExecuteFunctions, itemIndex: number, qs: IDataObject, days: number): number {
	const choice = ctx.getNodeParameter('timeIncrement', itemIndex) as string;
	if (choice === 'all_days') {
		qs.time_increment = 'all_days';
		return 1;
	}
	if (choice === 'monthly') {
		qs.time_increment = 'monthly';
		return Math.ceil(days / 28);
	}
	const n = choice === 'custom' ? readNumber(ctx, 'timeIncrementDays', itemIndex, 'Days per Row') : Number(choice);
	if (!Number.isInteger(n) || n < 1 || n > 90) fail(ctx, itemIndex, 'Days per Row must be a whole number from 1 to 90', 'Meta splits a range into periods of 1 to 90 days; use Monthly or All Days for longer periods.');
	qs.time_increment = n;
	return Math.ceil(days / n);
}

function breakdownList(ctx: IExecuteFunctions, itemIndex: number, qs: IDataObject): string[] {
	const breakdowns = ctx.getNodeParameter('breakdowns', itemIndex, []) as string[];
	const needsPlatform = breakdowns.filter((b) => b === 'impression_device' || b === 'platform_position');
	if (needsPlatform.length && !breakdowns.includes('publisher_platform')) {
		fail(ctx, itemIndex, `Breakdown ${needsPlatform.join(' and ')} needs Publisher Platform`, 'Meta only accepts Impression Device and Platform Position together with the Publisher Platform breakdown: add it.');
	}
	if (breakdowns.length) qs.breakdowns = breakdowns.join(',');
	const actionBreakdowns = ctx.getNodeParameter('actionBreakdowns', itemIndex, []) as string[];
	if (actionBreakdowns.length) qs.action_breakdowns = actionBreakdowns.join(',');
	return breakdowns;
}

function filterValue(operator: string, raw: string): unknown {
	const parts = raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
	const typed = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
	return LIST_OPERATORS.includes(operator) ? parts.map(typed) : typed(raw.trim());
}

function applyOptions(ctx: IExecuteFunctions, itemIndex: number, qs: IDataObject, options: IDataObject): void {
	const windows = (options.attributionWindows as string[] | undefined) ?? [];
	if (windows.length) qs.action_attribution_windows = JSON.stringify(windows);
	if (options.actionReportTime) qs.action_report_time = options.actionReportTime;
	const rows = ((options.filters as IDataObject | undefined)?.filter as FilterRow[] | undefined) ?? [];
	if (rows.length) {
		qs.filtering = JSON.stringify(
			rows.map((row, n) => {
				const field = String(row.field ?? '').trim();
				if (!/^[a-z_]+(\.[a-z0-9_]+)?$/.test(field)) {
					fail(ctx, itemIndex, `Filter ${n + 1} has no valid field`, 'Use a field such as campaign.name, ad.effective_status or impressions.');
				}
				const operator = String(row.operator ?? 'EQUAL');
				return { field, operator, value: filterValue(operator, String(row.value ?? '')) };
			}),
		);
	}
	const sortField = String(options.sortField ?? '').trim();
	if (sortField) {
		if (!/^[a-z0-9_:.]+$/.test(sortField)) fail(ctx, itemIndex, `"${sortField}" cannot be sorted on`, 'Sort By takes one field name, e.g. spend or actions:link_click.');
		qs.sort = JSON.stringify([`${sortField}_${options.sortDirection === 'ascending' ? 'ascending' : 'descending'}`]);
	}
}

/** Reads and checks the Insights → Get parameters; bad input is refused here, before any call to Meta. */
export function readInsightsQuery(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): InsightsQuery {
	const { id, kind } = target(ctx, itemIndex);
	const qs: IDataObject = { fields: fieldList(ctx, itemIndex).join(',') };
	const level = (ctx.getNodeParameter('level', itemIndex, '') as string) || kind;
	if (LEVELS.indexOf(level) < LEVELS.indexOf(kind)) {
		fail(ctx, itemIndex, `Level ${level} is above the selected ${kind}`, `Choose a level at or below ${kind} (for example Ad to get one row per ad).`);
	}
	qs.level = level;
	const days = dateRange(ctx, itemIndex, qs);
	const periods = timeIncrement(ctx, itemIndex, qs, days);
	const breakdowns = breakdownList(ctx, itemIndex, qs);
	applyOptions(ctx, itemIndex, qs, options);
	const combos = breakdowns.reduce((n, b) => n * (BREAKDOWN_SIZES[b] ?? 10), 1);
	const fanout = LEVEL_FANOUT[LEVELS.indexOf(level) - LEVELS.indexOf(kind)] ?? 1;
	return { path: `${id}/insights`, qs, estimatedRows: periods * combos * fanout, breakdowns };
}
