import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { graphPaginate } from '../../../shared/pagination';
import { layerOf } from '../../helpers/graph';
import { requiredWabaId } from '../../helpers/account';
import { TEMPLATE_FIELDS } from '../../helpers/template';
import { readNumber } from '../../../shared/parameters';

const show = { resource: ['template'], operation: ['list'] };

export const description: INodeProperties[] = [
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: { show } },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				description: 'Only templates in these review states; none selected means all',
				options: ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'ARCHIVED', 'PENDING_DELETION', 'LIMIT_EXCEEDED'].map((value) => ({
					name: value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' '),
					value,
				})),
			},
			{
				displayName: 'Category',
				name: 'category',
				type: 'multiOptions',
				default: [],
				description: 'Only templates of these categories; none selected means all',
				options: [
					{ name: 'Authentication', value: 'AUTHENTICATION' },
					{ name: 'Marketing', value: 'MARKETING' },
					{ name: 'Utility', value: 'UTILITY' },
				],
			},
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'e.g. en_US', description: 'Only templates in this language code, e.g. en_US' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '', description: 'Only templates whose name contains this text' },
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const wabaId = requiredWabaId(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { fields: TEMPLATE_FIELDS };
	for (const key of ['status', 'category']) if (Array.isArray(filters[key]) && (filters[key] as string[]).length) qs[key] = (filters[key] as string[]).join(',');
	for (const key of ['language', 'name']) if (filters[key]) qs[key] = String(filters[key]).trim();
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = readNumber(this, 'limit', itemIndex, 'Limit', { min: 1, integer: true }, 50);
	const rows = await graphPaginate(this, layerOf(this, itemIndex), { method: 'GET', path: `${wabaId}/message_templates`, qs, itemIndex }, { returnAll, limit });
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
