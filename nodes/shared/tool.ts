import { NodeConnectionTypes, type IExecuteFunctions } from 'n8n-workflow';

/**
 * Whether an AI agent runs this node as a tool. n8n 2.41 tells it three ways, depending on the agent: the context's
 * isToolExecution() (a tool called through the agent's sub-node connection), the node rewired to the agent's
 * ai_tool output (a tool the engine runs for the agent), and the tool variant's type name (`…Tool`).
 */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	if (typeof ctx.isToolExecution === 'function' && ctx.isToolExecution()) return true;
	const node = ctx.getNode();
	return node.rewireOutputLogTo === NodeConnectionTypes.AiTool || node.type.endsWith('Tool');
}
