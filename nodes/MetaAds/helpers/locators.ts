import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** The ad account picker: searchable list of the accounts the credential can read, or an ID. */
export function adAccountLocator(show: Show): INodeProperties {
	return {
		displayName: 'Ad Account',
		name: 'adAccount',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The ad account to read (act_ followed by its number); pick it from the list or map its ID',
		displayOptions: { show },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchAdAccounts', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'act_1234567890',
				validation: [{ type: 'regex', properties: { regex: '^(act_)?[0-9]+$', errorMessage: 'Enter act_ followed by digits' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1234567890',
				extractValue: { type: 'regex', regex: '[?&]act=([0-9]+)' },
				validation: [{ type: 'regex', properties: { regex: '.*[?&]act=[0-9]+.*', errorMessage: 'The URL has no act= parameter' } }],
			},
		],
	};
}

/** A campaign, ad set or ad picker inside the chosen ad account (list filtered by name, paused ones included). */
export function objectLocator(name: string, label: string, searchListMethod: string, show: Show): INodeProperties {
	return {
		displayName: label,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${label.toLowerCase()} to read, inside the chosen ad account: pick it from the list or map its numeric ID`,
		displayOptions: { show },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '120200000000000001',
				validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'Enter the numeric ID' } }],
			},
		],
	};
}

/** Return All with its Limit, as every n8n list operation has them. */
export function returnAllAndLimit(show: Show, returnAllByDefault: boolean): INodeProperties[] {
	const returnAll: INodeProperties = {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to return all results or only up to a given limit',
	};
	return [
		returnAllByDefault ? { ...returnAll, default: true } : returnAll,
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}
