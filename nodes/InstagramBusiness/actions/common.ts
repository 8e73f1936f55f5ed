import type { INodeProperties } from 'n8n-workflow';

/** The IG professional account, picked from a searchable list or typed as an id. */
export function accountLocator(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Instagram Account',
		name: 'account',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Instagram professional account to act as',
		displayOptions: { show: { resource: [resource], operation: operations } },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchAccounts', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '17841400000000000',
				validation: [{ type: 'regex', properties: { regex: '^(\\d{5,}|me)$', errorMessage: 'Enter the numeric Instagram account id' } }],
			},
		],
	};
}

/** A published media item of the chosen account. */
export function mediaLocator(resource: string, operations: string[], name = 'media'): INodeProperties {
	return {
		displayName: 'Media',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A post, reel or carousel of the account',
		displayOptions: { show: { resource: [resource], operation: operations } },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchMedia', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '17895695668004550',
				validation: [{ type: 'regex', properties: { regex: '^\\d{5,}$', errorMessage: 'Enter the numeric media id' } }],
			},
		],
	};
}

/** Option shared by every operation: how long to wait before repeating a request Meta failed temporarily. */
export const retryWaitOption: INodeProperties = {
	displayName: 'Retry Wait (Seconds)',
	name: 'retryWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: 1,
	description: 'First wait before a read, or a write Meta refused outright, is repeated after a temporary failure; it doubles on each retry',
};

export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Timeout (Minutes)',
		name: 'timeoutMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 10,
		description: 'How long to wait for Meta to process the media before giving up (the container stays valid for 24 hours)',
	},
	{
		displayName: 'Status Checks',
		name: 'polling',
		type: 'options',
		options: [
			{ name: 'Balanced', value: 'balanced', description: 'Overshoot at most about a quarter of the processing time' },
			{ name: 'Publish Sooner', value: 'sooner', description: 'Overshoot at most about 10%, more status checks' },
			{ name: 'Fewer Status Checks', value: 'fewerCalls', description: 'About 12 checks for a 5-minute video, later publish' },
		],
		default: 'balanced',
		description: 'How often the node asks Meta whether the media is ready',
	},
];

/** The Options collection of an operation: its own options plus the retry wait every operation has. */
export function optionsCollection(resource: string, operations: string[], options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: operations } },
		options: [...options, retryWaitOption],
	};
}

/** Return All + Limit for a list operation. */
export function returnAllAndLimit(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
		},
	];
}

/** A comment, picked from the comments of the chosen media or typed as an id (from the trigger or Get Many). */
export function commentIdProperty(resource: string, operations: string[], description = 'The comment: pick it from the chosen media’s comments, or map its ID from the trigger'): INodeProperties {
	return {
		displayName: 'Comment',
		name: 'commentId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description,
		displayOptions: { show: { resource: [resource], operation: operations } },
		modes: [
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '17858893269000001', validation: [{ type: 'regex', properties: { regex: '^\\d{5,}$', errorMessage: 'Enter the numeric comment ID' } }] },
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchComments', searchable: true } },
		],
	};
}

/** Account and media pickers that only narrow a comment list (the operation itself needs just the comment). */
export function commentPickerHelpers(resource: string, operations: string[], withAccount = true): INodeProperties[] {
	const media: INodeProperties = {
		...mediaLocator(resource, operations, 'pickerMedia'),
		displayName: 'Media (for Picking)',
		required: false,
		description: 'Only used to list comments to pick from',
	};
	return withAccount ? [{ ...accountLocator(resource, operations), required: false, description: 'Only used to list media and comments to pick from' }, media] : [media];
}

/** A text to post (comment, reply). */
export function messageProperty(resource: string, operations: string[], displayName = 'Message'): INodeProperties {
	return {
		displayName,
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: `The text to post as the ${displayName.toLowerCase()}; @username mentions the person, as in the Instagram app`,
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}
