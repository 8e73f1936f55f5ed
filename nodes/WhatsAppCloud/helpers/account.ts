import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { locatorValue } from './graph';

export function requiredWabaId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = locatorValue(ctx, 'wabaId', itemIndex);
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `"WhatsApp Business Account" ${id ? `"${id}" is not an account ID` : 'is empty'}`, {
			itemIndex,
			description: 'Pick the account from the list, or paste its WhatsApp Business Account ID (digits).',
		});
	}
	return id;
}
