import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';
import { describeRefusals, refusalsOf, type RefusedDelivery } from '../webhooks/refusals';
import { checkResult, type CheckResult } from './checks';

/**
 * The refused-deliveries check: every active workflow of this n8n with a Meta trigger, and the last deliveries that
 * trigger refused (`metaRefusedDeliveries` in its node's static data, written by the webhook process after each
 * refusal). Read through n8n's public API with the n8n API credential: it starts nothing and sends nothing to Meta.
 */

/** The triggers whose webhook records its refusals (nodes/shared/webhooks/handler.ts). */
const RECORDING_TRIGGERS = ['instagramBusinessTrigger', 'whatsAppCloudTrigger', 'metaTrigger'];
const PAGE_SIZE = 100;
/** Enough for any n8n; a bound so a broken cursor cannot loop forever. */
const MAX_PAGES = 100;

export interface RefusalsOfTrigger {
	workflowId: string;
	workflowName: string;
	node: string;
	refusals: RefusedDelivery[];
}

interface PublicWorkflow {
	id?: string;
	name?: string;
	nodes?: Array<{ name?: string; type?: string; disabled?: boolean }>;
	activeVersion?: { nodes?: PublicWorkflow['nodes'] } | null;
	staticData?: IDataObject | null;
}

function isRecordingTrigger(type: unknown): boolean {
	return typeof type === 'string' && RECORDING_TRIGGERS.includes(type.slice(type.lastIndexOf('.') + 1));
}

/** Only the status and our sentence: n8n's request error would carry the request, API key header included. */
function apiError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError {
	const status = Number((error as { httpCode?: unknown; response?: { status?: unknown } }).httpCode ?? (error as { response?: { status?: unknown } }).response?.status);
	const what =
		status === 401 || status === 403
			? 'n8n refused the API key of the n8n API credential'
			: `n8n's public API could not be read (${Number.isFinite(status) ? `HTTP ${status}` : 'no answer'})`;
	const description =
		status === 401 || status === 403
			? 'Create an API key in n8n (Settings > n8n API; scopes workflow:list and workflow:read where offered) and paste it into the credential.'
			: "Check the credential's n8n Address: the address this n8n answers on, as the n8n process reaches it (for example http://localhost:5678), and that the public API is not disabled (N8N_PUBLIC_API_DISABLED).";
	return new NodeApiError(ctx.getNode(), { message: what } as JsonObject, { message: what, description, itemIndex, ...(Number.isFinite(status) ? { httpCode: String(status) } : {}) });
}

/** Every active workflow, page by page, without pinned data. */
async function activeWorkflows(ctx: IExecuteFunctions, itemIndex: number): Promise<PublicWorkflow[]> {
	const credentials = await ctx.getCredentials<IDataObject>('metaN8nApi', itemIndex);
	const base = `${String(credentials.baseUrl ?? '').replace(/\/+$/, '')}/api/v1`;
	const workflows: PublicWorkflow[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		let body: { data?: PublicWorkflow[]; nextCursor?: string | null };
		try {
			body = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'metaN8nApi', {
				method: 'GET',
				url: `${base}/workflows`,
				qs: { active: true, excludePinnedData: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
				json: true,
			})) as typeof body;
		} catch (error) {
			throw apiError(ctx, error, itemIndex);
		}
		workflows.push(...(Array.isArray(body?.data) ? body.data : []));
		cursor = body?.nextCursor ?? undefined;
		if (!cursor) return workflows;
	}
	return workflows;
}

/** Per Meta trigger of every active workflow: its last refused deliveries, oldest first. */
export async function readRefusedDeliveries(ctx: IExecuteFunctions, itemIndex: number): Promise<RefusalsOfTrigger[]> {
	const found: RefusalsOfTrigger[] = [];
	for (const workflow of await activeWorkflows(ctx, itemIndex)) {
		const nodes = workflow.activeVersion?.nodes ?? workflow.nodes ?? [];
		for (const node of nodes) {
			if (!node.name || node.disabled || !isRecordingTrigger(node.type)) continue;
			const nodeData = workflow.staticData?.[`node:${node.name}`] as IDataObject | undefined;
			found.push({ workflowId: String(workflow.id ?? ''), workflowName: String(workflow.name ?? ''), node: node.name, refusals: refusalsOf(nodeData) });
		}
	}
	return found;
}

/** One checklist line per trigger: a warning listing each refusal with its reason and fix, or a pass. */
export function refusalChecks(triggers: RefusalsOfTrigger[]): CheckResult[] {
	if (triggers.length === 0) return [checkResult('webhooks.refusals', 'skip', 'no active workflow has an Instagram, WhatsApp or Meta trigger')];
	return triggers.map(({ workflowName, workflowId, node, refusals }) => {
		const subject = `workflow "${workflowName}" (${workflowId}), ${node}`;
		if (refusals.length === 0) return checkResult('webhooks.refusals', 'pass', 'no refused delivery recorded', subject);
		const lines = describeRefusals(refusals);
		return checkResult('webhooks.refusals', 'warn', `${refusals.length} refused ${refusals.length === 1 ? 'delivery' : 'deliveries'} (oldest first): ${lines.join(' | ')}`, subject);
	});
}

/** Whether the refused-deliveries check was asked for; a missing credential is a sentence, not n8n's bare error. */
export function wantsRefusalCheck(ctx: IExecuteFunctions, itemIndex: number): boolean {
	if (!(ctx.getNodeParameter('checkRefusals', itemIndex, false) as boolean)) return false;
	if (!ctx.getNode().credentials?.metaN8nApi) {
		throw new NodeOperationError(ctx.getNode(), 'Check Refused Deliveries is on but no n8n API credential is selected', {
			itemIndex,
			description: 'Select an n8n API credential (an API key of this n8n and its address) in the node, or turn Check Refused Deliveries off.',
		});
	}
	return true;
}
