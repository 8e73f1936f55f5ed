import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { wabaLocator } from '../WhatsAppCloud/actions/common';
import { searchAccounts, searchPhoneNumbers } from '../WhatsAppCloud/methods/listSearch';

/**
 * Version 2's account and phone-number pickers, reusing the WhatsApp Cloud node's searches (they read the account
 * from a parameter named `wabaId`, so version 2 names it so). WhatsApp Manager's address holds `waba_id=`.
 */
export function accountLocator(v1: INodeProperties): INodeProperties {
	return {
		...wabaLocator,
		required: true,
		description: v1.description,
		displayOptions: v1.displayOptions,
		modes: [
			...(wabaLocator.modes ?? []),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://business.facebook.com/wa/manage/home/?waba_id=102290129340398',
				extractValue: { type: 'regex', regex: 'waba_id=(\\d+)' },
				validation: [{ type: 'regex', properties: { regex: '.*waba_id=\\d+.*', errorMessage: 'Paste a WhatsApp Manager address that holds waba_id=…' } }],
			},
		],
	};
}

/** A list of the account's numbers; the value is version 1's comma-joinable list of phone number IDs. */
export function phoneNumbersPicker(v1: INodeProperties): INodeProperties {
	return {
		displayName: 'Phone Number Names or IDs',
		name: v1.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'phoneNumbersOfAccount', loadOptionsDependsOn: ['wabaId.value'] },
		default: [],
		description:
			'Only events for these sending phone numbers; none selected means all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

async function phoneNumbersOfAccount(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const numbers: INodePropertyOptions[] = [];
	let token: string | undefined;
	do {
		const page = await searchPhoneNumbers.call(this, undefined, token);
		numbers.push(...page.results.map((n) => ({ name: n.name, value: n.value })));
		token = page.paginationToken as string | undefined;
	} while (token);
	return numbers;
}

export const pickerMethods = { listSearch: { searchAccounts }, loadOptions: { phoneNumbersOfAccount } };
