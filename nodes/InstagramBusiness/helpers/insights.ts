import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { previewOf, readOptionalText } from '../../shared/parameters';
import { graphRequest } from '../../shared/request';
import type { InstagramCall } from './context';
import { retiredSentence } from './insightMetrics';

/** One metric Meta answered: `values` (per period end) or `total_value` (with breakdowns). */
export interface InsightRow {
	name: string;
	period?: string;
	title?: string;
	values?: Array<{ value?: unknown; end_time?: string }>;
	total_value?: { value?: unknown; breakdowns?: Array<{ dimension_keys?: string[]; results?: Array<{ dimension_values?: string[]; value?: unknown }> }> };
}

/** A metric the user asked for, with the field it came from (for errors). */
export interface AskedMetric {
	name: string;
	field: string;
}

/** The chosen options of a metrics list (multiOptions): a list of names, refused before any call otherwise. */
export function readMetricList(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): AskedMetric[] {
	const value = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a list of metric names: got ${previewOf(value)}`, {
			itemIndex,
			description: `Pick the metrics in ${label}, or map a list of names such as {{ ["reach", "views"] }}.`,
		});
	}
	return value.map((v: string) => ({ name: v.trim(), field: label }));
}

/** "Other Metrics": names separated by commas, each lower-case letters and underscores. */
export function readOtherMetrics(ctx: IExecuteFunctions, itemIndex: number): AskedMetric[] {
	const text = readOptionalText(ctx, 'otherMetrics', itemIndex, 'Other Metrics');
	const names = text.split(',').map((s) => s.trim()).filter(Boolean);
	const bad = names.find((n) => !/^[a-z][a-z0-9_]*$/.test(n));
	if (bad !== undefined) {
		throw new NodeOperationError(ctx.getNode(), `Other Metrics has "${bad}", which is not a metric name: got ${previewOf(text)}`, {
			itemIndex,
			description: 'Enter metric names as Meta spells them (lower case with underscores), separated by commas, e.g. reach, views.',
		});
	}
	return names.map((name) => ({ name, field: 'Other Metrics' }));
}

/** Refuses, before any call, the metrics Meta retired. */
export function refuseRetired(ctx: IExecuteFunctions, itemIndex: number, metrics: AskedMetric[], retired: Parameters<typeof retiredSentence>[1]): void {
	for (const metric of metrics) {
		const sentence = retiredSentence(metric.name, retired);
		if (sentence) {
			throw new NodeOperationError(ctx.getNode(), `${metric.field}: ${sentence}`, {
				itemIndex,
				description: `Meta refuses retired metrics with an error, so the node did not ask. Remove "${metric.name}" from ${metric.field}.`,
			});
		}
	}
}

/** Refuses, before any call, an empty selection and the metrics Meta retired; the names, once each. */
export function checkMetrics(
	ctx: IExecuteFunctions,
	itemIndex: number,
	metrics: AskedMetric[],
	retired: Parameters<typeof retiredSentence>[1],
	listLabel: string,
): string[] {
	if (!metrics.length) {
		throw new NodeOperationError(ctx.getNode(), `${listLabel} is empty: pick at least one metric`, { itemIndex, description: `Choose the metrics in ${listLabel} (or name them in Other Metrics).` });
	}
	refuseRetired(ctx, itemIndex, metrics, retired);
	return [...new Set(metrics.map((m) => m.name))];
}

/** GET {path}/insights; Meta's data rows. */
export async function readInsights(call: InstagramCall, objectId: string, qs: IDataObject): Promise<InsightRow[]> {
	const { body } = await graphRequest<{ data?: InsightRow[] }>(call.ctx, call.layer, { method: 'GET', path: `${objectId}/insights`, qs, itemIndex: call.itemIndex });
	return Array.isArray(body?.data) ? body.data : [];
}

/** Unix seconds of a day (UTC midnight). */
const DAY = 86400;

export interface InsightsRange {
	since: number;
	until: number;
}

/** The date range of the Date Range field (presets end at today's start, UTC; Custom uses Since and Until). */
export function readRange(ctx: IExecuteFunctions, itemIndex: number): InsightsRange {
	const preset = ctx.getNodeParameter('datePreset', itemIndex, 'last_7d') as string;
	if (preset === 'custom') {
		const since = dateSeconds(ctx, 'since', 'Since', itemIndex);
		const until = dateSeconds(ctx, 'until', 'Until', itemIndex);
		if (until <= since) throw new NodeOperationError(ctx.getNode(), 'Until must be after Since', { itemIndex, description: 'Choose an end date after the start date.' });
		return { since, until };
	}
	const days = { yesterday: 1, last_7d: 7, last_14d: 14, last_28d: 28, last_30d: 30 }[preset];
	if (!days) throw new NodeOperationError(ctx.getNode(), `Date Range "${preset}" is not one of the offered ranges`, { itemIndex });
	const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
	return { since: today - days * DAY, until: today };
}

function dateSeconds(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const ms = typeof value === 'string' && value.trim() ? Date.parse(value) : NaN;
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a date: got ${previewOf(value)}`, { itemIndex, description: `Pick a date for ${label}, or map one like 2026-11-01.` });
	}
	return Math.floor(ms / 1000);
}

export const dayOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Meta's number, or null when it answered none. */
export function numberOf(value: unknown): number | null {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return null;
}

/**
 * One item per metric and period: a total, one per breakdown value (with the total beside it), or one per day.
 * Metrics Meta did not answer get an item with value null, so every metric asked for shows up.
 */
export function metricItems(rows: InsightRow[], asked: string[], base: IDataObject): IDataObject[] {
	const out: IDataObject[] = [];
	for (const name of asked) {
		const row = rows.find((r) => r.name === name);
		if (!row) {
			out.push({ ...base, metric: name, value: null, note: 'Meta returned no value for this metric (no data for the period, or not available yet)' });
			continue;
		}
		const common = { ...base, metric: name, period: row.period ?? null, title: row.title ?? null };
		if (row.total_value) {
			const total = numberOf(row.total_value.value);
			const results = (row.total_value.breakdowns ?? []).flatMap((b) =>
				(b.results ?? []).map((r) => ({ breakdown: (b.dimension_keys ?? []).join(','), dimensionValue: (r.dimension_values ?? []).join(','), value: numberOf(r.value) })),
			);
			if (!results.length) out.push({ ...common, value: total });
			for (const r of results) out.push({ ...common, ...r, total });
			continue;
		}
		for (const v of row.values ?? []) out.push({ ...common, ...(v.end_time ? { endTime: v.end_time, date: v.end_time.slice(0, 10) } : {}), value: numberOf(v.value) });
	}
	return out;
}

/** Metric items folded into rows keyed by `key` (e.g. one row per day): metric (and breakdown value) as columns. */
export function simplifiedRows(items: IDataObject[], base: IDataObject, key?: string): IDataObject[] {
	const rows = new Map<string, IDataObject>();
	for (const item of items) {
		const id = key ? String(item[key] ?? '') : '';
		const row = rows.get(id) ?? { ...base, ...(key && item[key] !== undefined ? { [key]: item[key] } : {}) };
		const column = item.dimensionValue !== undefined ? `${String(item.metric)}_${String(item.dimensionValue).replace(/[^A-Za-z0-9]+/g, '_')}` : String(item.metric);
		row[column] = item.value as IDataObject[string];
		if (item.dimensionValue !== undefined && item.total !== undefined && item.total !== null) row[String(item.metric)] = item.total as IDataObject[string];
		rows.set(id, row);
	}
	return [...rows.values()];
}

export function asItems(rows: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
