import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdOf, instagramCall } from '../../helpers/context';
import { recipientOf, sendToInstagram } from '../../helpers/messaging';

export const description: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'senderAction',
		type: 'options',
		options: [
			{ name: 'Mark as Seen', value: 'mark_seen' },
			{ name: 'Typing Off', value: 'typing_off' },
			{ name: 'Typing On', value: 'typing_on', description: 'Shows “typing…” to the person for up to 20 seconds' },
		],
		default: 'typing_on',
		description: 'What the person sees in the chat: the message marked as seen, or the typing indicator on or off',
		displayOptions: { show: { resource: ['message'], operation: ['senderAction'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const recipient = recipientOf(call);
	const action = this.getNodeParameter('senderAction', itemIndex, 'typing_on') as string;
	await sendToInstagram(call, accountId, { recipient: { id: recipient }, sender_action: action }, true);
	return [{ json: { recipientId: recipient, senderAction: action }, pairedItem: { item: itemIndex } }];
}
