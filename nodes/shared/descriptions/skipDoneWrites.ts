import type { INodeProperties } from 'n8n-workflow';

/** Option name read by nodes/shared/idempotency callers: skip writes that earlier executions already did. */
export const SKIP_DONE_IN_EARLIER_EXECUTIONS = 'skipDoneInEarlierExecutions';

/**
 * Within one execution nothing is ever sent twice (Retry On Fail, a retried execution). A new execution is a new
 * intent by default; this option makes the same content sent by this node in an earlier execution count as done.
 */
export function skipDoneWritesOption(what: string): INodeProperties {
	return {
		displayName: 'Skip What Earlier Executions Already Sent',
		name: SKIP_DONE_IN_EARLIER_EXECUTIONS,
		type: 'boolean',
		default: false,
		description: `Whether an item whose same ${what} this node already sent in an earlier execution is skipped (its earlier result is returned) instead of being sent again. Retries of one execution never send anything twice either way.`,
	};
}
