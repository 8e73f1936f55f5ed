import {
	NodeOperationError,
	SEND_AND_WAIT_OPERATION,
	WAIT_INDEFINITELY,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { readNumber, readOptionalText } from '../../../shared/parameters';
import { checkLength, outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';

/**
 * Send and Wait for Response, as n8n's own WhatsApp node offers it: the message carries links to this execution's
 * signed resume URL (n8n checks the signature before the node's webhook runs, helpers/sendAndWaitWebhook.ts), and the
 * execution waits until the person taps one.
 */
const show = { resource: ['message'], operation: [SEND_AND_WAIT_OPERATION] };

export const description: INodeProperties[] = [
	{ displayName: 'Message', name: 'waitMessage', type: 'string', typeOptions: { rows: 4 }, default: '', required: true, description: 'The message text the person reads before answering, up to 1,024 characters', displayOptions: { show } },
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'The person approves (or declines) with a tap' },
			{ name: 'Free Text', value: 'freeText', description: 'The person writes an answer on a small web page' },
		],
		description: 'How the person answers: by tapping approve (or decline), or by writing a free-text reply',
		displayOptions: { show },
	},
	{
		displayName: 'Approval Options',
		name: 'approvalType',
		type: 'options',
		default: 'double',
		options: [
			{ name: 'Approve and Decline', value: 'double' },
			{ name: 'Approve Only', value: 'single' },
		],
		description: 'Whether the message offers both approve and decline links, or a single approve button',
		displayOptions: { show: { ...show, responseType: ['approval'] } },
	},
	{ displayName: 'Approve Label', name: 'approveLabel', type: 'string', default: 'Approve', description: 'Text of the approve choice; as the only button (Approve Only) up to 20 characters', displayOptions: { show: { ...show, responseType: ['approval'] } } },
	{ displayName: 'Decline Label', name: 'declineLabel', type: 'string', default: 'Decline', description: 'Text shown above the decline link in the message', displayOptions: { show: { ...show, responseType: ['approval'], approvalType: ['double'] } } },
	{ displayName: 'Button Label', name: 'respondLabel', type: 'string', default: 'Respond', description: 'Text of the button that opens the answer page, up to 20 characters', displayOptions: { show: { ...show, responseType: ['freeText'] } } },
	{ displayName: 'Limit Wait Time', name: 'limitWaitTime', type: 'boolean', default: false, description: 'Whether the workflow goes on without an answer after a while', displayOptions: { show } },
	{
		displayName: 'Wait Amount',
		name: 'waitAmount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How long to wait for an answer before the workflow goes on without one, in the Wait Unit (at least 1)',
		displayOptions: { show: { ...show, limitWaitTime: [true] } },
	},
	{
		displayName: 'Wait Unit',
		name: 'waitUnit',
		type: 'options',
		default: 'hours',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		description: 'The unit of the Wait Amount: minutes, hours or days',
		displayOptions: { show: { ...show, limitWaitTime: [true] } },
	},
];

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** A one-button call-to-action message (Meta allows one URL button per message; its label is at most 20 characters). */
function linkButton(ctx: IExecuteFunctions, text: string, label: string, field: string, url: string): OutgoingMessage {
	checkLength(ctx, label, field, 20, 0);
	return outgoing(ctx, 0, 'interactive', { type: 'cta_url', body: { text }, action: { name: 'cta_url', parameters: { display_text: label, url } } });
}

/** The message with its resume links: one button for approve-only or free text, two links for approve and decline. */
async function build(this: IExecuteFunctions): Promise<OutgoingMessage> {
	const text = checkLength(this, readOptionalText(this, 'waitMessage', 0, 'Message').trim(), 'Message', 1024, 0);
	const responseType = this.getNodeParameter('responseType', 0, 'approval') as string;
	const approve = this.getSignedResumeUrl({ approved: 'true' });
	if (responseType === 'freeText') return linkButton(this, text, readOptionalText(this, 'respondLabel', 0, 'Button Label', 'Respond').trim(), 'Button Label', approve);
	const approveLabel = readOptionalText(this, 'approveLabel', 0, 'Approve Label', 'Approve').trim() || 'Approve';
	if (this.getNodeParameter('approvalType', 0, 'double') === 'single') return linkButton(this, text, approveLabel, 'Approve Label', approve);
	const declineLabel = readOptionalText(this, 'declineLabel', 0, 'Decline Label', 'Decline').trim() || 'Decline';
	const decline = this.getSignedResumeUrl({ approved: 'false' });
	// Two choices need two links: in one text message, as n8n's own WhatsApp node sends them.
	const body = `${text}\n\n*${approveLabel}:*\n${approve}\n\n*${declineLabel}:*\n${decline}`;
	return outgoing(this, 0, 'text', { body: checkLength(this, body, 'Message', 4096, 0), preview_url: false });
}

function waitUntil(ctx: IExecuteFunctions): Date {
	if (!ctx.getNodeParameter('limitWaitTime', 0, false)) return WAIT_INDEFINITELY;
	const amount = readNumber(ctx, 'waitAmount', 0, 'Wait Amount', { min: 1 }, 1);
	const unit = ctx.getNodeParameter('waitUnit', 0, 'hours') as string;
	const ms = UNIT_MS[unit];
	if (!ms) throw new NodeOperationError(ctx.getNode(), `"Wait Unit" "${unit}" is not minutes, hours or days`);
	return new Date(Date.now() + amount * ms);
}

/** Sends once (a retried execution does not send again), then puts the execution to wait for the answer. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const waitTill = waitUntil(this);
	const [sent] = await singleSend(build).call(this, 0);
	await this.putExecutionToWait(waitTill);
	return [[{ json: { ...(this.getInputData()[0]?.json ?? {}), sent: sent.json as IDataObject }, pairedItem: { item: 0 } }]];
}
