import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runsAsTool } from '../../shared/tool';

/**
 * Rows an AI agent gets from one call at most (version 2 on): an ad account's insights can run to thousands of rows,
 * more than a model's context holds; the agent is told when there were more and how to narrow the question.
 */
export const TOOL_MAX_ROWS = 50;
const TOOL_BOUNDS_FROM_VERSION = 2;

/** The most rows to fetch for one input item when run as a tool (one more than shown, to know there are more). */
function toolRowBound(ctx: IExecuteFunctions): number | undefined {
	if (ctx.getNode().typeVersion < TOOL_BOUNDS_FROM_VERSION || !runsAsTool(ctx)) return undefined;
	return TOOL_MAX_ROWS + 1;
}

/** Return All and Limit as the user set them; run by an AI agent, never more rows than the agent is shown. */
export function boundedPaging(ctx: IExecuteFunctions, returnAll: boolean, readLimit: () => number): { returnAll: boolean; limit?: number } {
	const bound = toolRowBound(ctx);
	if (bound === undefined) return returnAll ? { returnAll: true } : { returnAll: false, limit: readLimit() };
	return { returnAll: false, limit: returnAll ? bound : Math.min(readLimit(), bound) };
}

/** The output an agent gets: per input item at most TOOL_MAX_ROWS items, then one saying that more were left out. */
export function boundForTool(ctx: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	if (toolRowBound(ctx) === undefined) return items;
	const shown = new Map<number, number>();
	const cut = new Set<number>();
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const input = typeof item.pairedItem === 'object' && !Array.isArray(item.pairedItem) ? item.pairedItem.item : 0;
		const count = shown.get(input) ?? 0;
		if (count >= TOOL_MAX_ROWS) {
			cut.add(input);
			continue;
		}
		shown.set(input, count + 1);
		out.push(item);
	}
	for (const input of cut) {
		out.push({
			json: {
				moreRows: true,
				note: `Only the first ${TOOL_MAX_ROWS} rows are shown. Ask for a shorter date range, a higher level (account or campaign instead of ad), fewer breakdowns, or sort by a metric to get the top rows.`,
			},
			pairedItem: { item: input },
		});
	}
	return out;
}
