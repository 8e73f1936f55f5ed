import type { INodePropertyOptions } from 'n8n-workflow';

/** The Operation options of the status and budget operations of a campaign, ad set or ad. */
export function statusOperationOptions(noun: string, withBudget: boolean): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [
		{ name: 'Get Status', value: 'getStatus', description: `Read the ${noun}’s status, effective (delivery) status${withBudget ? ' and budget' : ''}`, action: `Get the status of ${article(noun)} ${noun}` },
		{ name: 'Pause', value: 'pause', description: `Stop the ${noun} from delivering`, action: `Pause ${article(noun)} ${noun}` },
		{ name: 'Resume', value: 'resume', description: `Set the ${noun} active again`, action: `Resume ${article(noun)} ${noun}` },
	];
	if (withBudget) {
		options.push({ name: 'Set Budget', value: 'setBudget', description: `Change the ${noun}’s daily or lifetime budget`, action: `Set the budget of ${article(noun)} ${noun}` });
	}
	return options;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');
