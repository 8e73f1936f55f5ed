import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { graphPaginate } from '../../shared';
import { adAccountParameter } from './accountIds';
import { adsLayer } from './layer';
import { adAccountLocator, returnAllAndLimit } from './locators';
import { boundedPaging } from './toolOutput';
import { EFFECTIVE_STATUS_OPTIONS } from './insightsOptions';
import { readNumber } from '../../shared/parameters';

/** One "Get Many" of campaigns, ad sets or ads: its resource value, Graph edge and fields. */
export interface ObjectKind {
	resource: string;
	edge: 'campaigns' | 'adsets' | 'ads';
	label: string;
	plural: string;
	fields: Array<{ name: string; value: string }>;
	/** Parents the list can be narrowed to, by ID (Graph edges /{campaign}/adsets, /{adset}/ads …). */
	parents: Array<{ name: string; displayName: string }>;
}

const COMMON_FIELDS = [
	{ name: 'Created Time', value: 'created_time' },
	{ name: 'Effective Status', value: 'effective_status' },
	{ name: 'Name', value: 'name' },
	{ name: 'Status', value: 'status' },
	{ name: 'Updated Time', value: 'updated_time' },
];

export function objectListDescription(kind: ObjectKind): INodeProperties[] {
	const show = { resource: [kind.resource], operation: ['getMany'] };
	return [
		adAccountLocator(show),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			displayOptions: { show },
			options: EFFECTIVE_STATUS_OPTIONS,
			description: `Only ${kind.plural} with these effective statuses; empty means all but archived and deleted`,
		},
		{
			displayName: 'Fields',
			name: 'objectFields',
			type: 'multiOptions',
			default: ['name', 'status', 'effective_status'],
			displayOptions: { show },
			options: [...COMMON_FIELDS, ...kind.fields].sort((a, b) => a.name.localeCompare(b.name)),
			description: 'Fields to include besides the ID',
		},
		{
			displayName: 'Filters',
			name: 'listFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			displayOptions: { show },
			options: [
				{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '', description: `Only ${kind.plural} whose name contains this text` },
				...kind.parents.map((p) => ({
					displayName: p.displayName,
					name: p.name,
					type: 'string' as const,
					default: '',
					description: `Only ${kind.plural} of this ${p.displayName.replace(/ ID$/, '').toLowerCase()} (numeric ID)`,
				})),
			],
		},
		...returnAllAndLimit(show, false),
	];
}

/** The narrowest edge asked for: an ad set's ads, a campaign's ad sets/ads, or the account's. */
function listPath(ctx: IExecuteFunctions, kind: ObjectKind, filters: IDataObject, itemIndex: number): string {
	for (const parent of [...kind.parents].reverse()) {
		const id = String(filters[parent.name] ?? '').trim();
		if (id) {
			if (!/^\d+$/.test(id)) {
				throw new NodeOperationError(ctx.getNode(), `${parent.displayName} "${id}" is not a numeric ID`, {
					itemIndex,
					description: `Enter the ${parent.displayName} as digits only, as shown in Ads Manager.`,
				});
			}
			return `${id}/${kind.edge}`;
		}
	}
	return `${adAccountParameter(ctx, itemIndex)}/${kind.edge}`;
}

export async function executeObjectList(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = ctx.getNodeParameter('listFilters', itemIndex, {}) as IDataObject;
	const statuses = ctx.getNodeParameter('statuses', itemIndex, []) as string[];
	const fields = ctx.getNodeParameter('objectFields', itemIndex, []) as string[];
	const qs: IDataObject = { fields: ['id', ...fields].join(',') };
	if (statuses.length) qs.effective_status = JSON.stringify(statuses);
	const nameContains = String(filters.nameContains ?? '').trim();
	if (nameContains) qs.filtering = JSON.stringify([{ field: 'name', operator: 'CONTAIN', value: nameContains }]);
	const paging = boundedPaging(ctx, ctx.getNodeParameter('returnAll', itemIndex, false) as boolean, () =>
		readNumber(ctx, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50),
	);
	const rows = await graphPaginate(
		ctx,
		adsLayer(ctx, itemIndex),
		{ method: 'GET', path: listPath(ctx, kind, filters, itemIndex), qs, itemIndex },
		paging,
	);
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Operations a resource has besides Get Many (status and budget): their options and properties. */
export interface MoreOperations {
	options: INodePropertyOptions[];
	properties: INodeProperties[];
}

/** A resource with Get Many (and `more` operations): the router entry and the properties. */
export function objectResource(kind: ObjectKind, operation: { description: string; action: string }, more: MoreOperations = { options: [], properties: [] }) {
	return {
		getMany: {
			execute: async function (this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
				return await executeObjectList(this, kind, itemIndex);
			},
		},
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [kind.resource] } },
				options: [{ name: 'Get Many', value: 'getMany', description: operation.description, action: operation.action }, ...more.options].sort((a, b) =>
					a.name.localeCompare(b.name),
				),
				default: 'getMany',
			},
			...objectListDescription(kind),
			...more.properties,
		] as INodeProperties[],
	};
}
