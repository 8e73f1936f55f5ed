import type { INodeProperties } from 'n8n-workflow';

const RESOURCE = 'insights';

/** Display options of one or more insights operations. */
export const showFor = (operations: string[], extra: Record<string, Array<string | boolean>> = {}) => ({ show: { resource: [RESOURCE], operation: operations, ...extra } });

export function otherMetricsProperty(operation: string): INodeProperties {
	return {
		displayName: 'Other Metrics',
		name: 'otherMetrics',
		type: 'string',
		default: '',
		placeholder: 'reposts, crossposted_views',
		displayOptions: showFor([operation]),
		description: 'More metrics by their Meta name, separated by commas, sent as they are (for metrics Meta adds after this node version)',
	};
}

export function simplifyProperty(operation: string, description: string): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: false, displayOptions: showFor([operation]), description };
}

export const RANGE_PROPERTIES = (operation: string): INodeProperties[] => [
	{
		displayName: 'Date Range',
		name: 'datePreset',
		type: 'options',
		default: 'last_7d',
		displayOptions: showFor([operation]),
		options: [
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 14 Days', value: 'last_14d' },
			{ name: 'Last 28 Days', value: 'last_28d' },
			{ name: 'Last 30 Days', value: 'last_30d' },
			{ name: 'Last 7 Days', value: 'last_7d' },
			{ name: 'Yesterday', value: 'yesterday' },
		],
		description: 'Days before today (UTC). Meta keeps follower counts for the last 30 days only.',
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: showFor([operation], { datePreset: ['custom'] }),
		description: 'Start of the custom range (a date and time, or an ISO date such as 2026-11-01); must be before Until',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: showFor([operation], { datePreset: ['custom'] }),
		description: 'End of the custom range (a date and time, or an ISO date such as 2026-11-30); must be after Since',
	},
];
