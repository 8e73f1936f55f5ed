import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readNumber } from '../../shared/parameters';
import { accountCurrency, item, objectPickers as pickers, pickedObjectId, readAdObject, refuseFinal, statusJson, updateAdObject, type AdObjectKind } from './adObjects';
import { currencyOffset, fromMinorUnits, toMinorUnits } from './currency';

/** One operation of a campaign, ad set or ad: its properties and what it does for one item. */
export interface AdObjectOperation {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
}

const TARGET = { pause: 'PAUSED', resume: 'ACTIVE' } as const;

/** Pause or resume: the configured status is set; the effective status read back says whether it now delivers. */
export function statusOperation(kind: AdObjectKind, operation: 'pause' | 'resume'): AdObjectOperation {
	return {
		description: [...pickers(kind, operation)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = pickedObjectId(this, kind, itemIndex);
			const before = await readAdObject(this, kind, id, itemIndex);
			refuseFinal(this, kind, before, itemIndex);
			const target = TARGET[operation];
			const changed = before.status !== target;
			if (changed) await updateAdObject(this, id, { status: target }, itemIndex);
			const after = changed ? await readAdObject(this, kind, id, itemIndex) : before;
			return item({ ...statusJson(kind, after), previousStatus: before.status ?? null, changed }, itemIndex);
		},
	};
}

/** The status, effective status and budgets of the object. */
export function getStatusOperation(kind: AdObjectKind): AdObjectOperation {
	return {
		description: [...pickers(kind, 'getStatus')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = pickedObjectId(this, kind, itemIndex);
			const object = await readAdObject(this, kind, id, itemIndex);
			const currency = kind.hasBudget && object.account_id ? await accountCurrency(this, object.account_id, itemIndex) : undefined;
			return item(statusJson(kind, object, currency), itemIndex);
		},
	};
}

/** Sets a daily or lifetime budget, given in the account currency (or in Meta's minor units). */
export function setBudgetOperation(kind: AdObjectKind): AdObjectOperation {
	const show = { resource: [kind.resource], operation: ['setBudget'] };
	return {
		description: [
			...pickers(kind, 'setBudget'),
			{
				displayName: 'Budget Type',
				name: 'budgetType',
				type: 'options',
				default: 'daily',
				description: 'Which budget to set: the daily budget (daily_budget) or the lifetime budget (lifetime_budget)',
				displayOptions: { show },
				options: [
					{ name: 'Daily', value: 'daily', description: 'Average spend per day' },
					{ name: 'Lifetime', value: 'lifetime', description: 'Total spend over the schedule' },
				],
			},
			{
				displayName: 'Budget Amount',
				name: 'budgetAmount',
				type: 'number',
				default: 0,
				required: true,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				displayOptions: { show },
				description: 'The new budget in the ad account’s currency, e.g. 25.50 for €25.50 (whole amounts for currencies such as JPY)',
			},
			{
				displayName: 'Amount Is In',
				name: 'amountUnit',
				type: 'options',
				default: 'currency',
				description: 'How the Budget Amount is written: in the account currency (25.50) or in Meta’s minor units, whole numbers (2550)',
				displayOptions: { show },
				options: [
					{ name: 'Account Currency', value: 'currency', description: 'E.g. 25.50 for €25.50.' },
					{ name: 'Minor Units (as Meta Stores It)', value: 'minor', description: 'E.g. 2550 for €25.50, as in daily_budget from Meta.' },
				],
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const budgetType = this.getNodeParameter('budgetType', itemIndex, 'daily') as 'daily' | 'lifetime';
			const unit = this.getNodeParameter('amountUnit', itemIndex, 'currency') as string;
			const amount = readNumber(this, 'budgetAmount', itemIndex, 'Budget Amount', unit === 'minor' ? { integer: true } : {});
			if (amount <= 0) {
				throw new NodeOperationError(this.getNode(), `Budget Amount must be more than 0: got ${amount}`, {
					itemIndex,
					description: `To stop spending, pause the ${kind.noun} instead.`,
				});
			}
			const id = pickedObjectId(this, kind, itemIndex);
			const before = await readAdObject(this, kind, id, itemIndex);
			refuseFinal(this, kind, before, itemIndex);
			const currency = await accountCurrency(this, before.account_id, itemIndex);
			const minor = unit === 'minor' ? amount : toMinorUnits(amount, currency);
			if (minor === undefined) {
				throw new NodeOperationError(this.getNode(), `Budget Amount ${amount} has more decimals than ${currency} budgets allow`, {
					itemIndex,
					description: `Meta counts ${currency} budgets in units of ${1 / currencyOffset(currency)} ${currency}: round the amount, or give it in minor units.`,
				});
			}
			const field = budgetType === 'daily' ? 'daily_budget' : 'lifetime_budget';
			const changed = String(before[field] ?? '') !== String(minor);
			if (changed) await updateAdObject(this, id, { [field]: String(minor) }, itemIndex);
			const after = changed ? await readAdObject(this, kind, id, itemIndex) : before;
			return item(
				{
					...statusJson(kind, after, currency),
					budgetType,
					budget: fromMinorUnits(minor, currency),
					budgetMinorUnits: String(minor),
					previousDailyBudget: fromMinorUnits(before.daily_budget, currency),
					previousLifetimeBudget: fromMinorUnits(before.lifetime_budget, currency),
					changed,
				},
				itemIndex,
			);
		},
	};
}
