'use strict';
// Meta Ads run by an AI agent: n8n-core's real tool path (getInputConnectionData → createNodeAsTool → the node's
// execute in a SupplyDataContext whose isToolExecution() is true) against the sandbox. Version 2 answers with at most
// 50 simplified rows and a note when there were more; the same node in a workflow still returns every row.
const { NodeConnectionTypes } = require('n8n-workflow');
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { useFixture } = require('../support/fixture');
const { adsCredential, insightsParameters, NODE } = require('../support/ads');
const { toolAgentNodeType, asToolVariant } = require('../fixtures/tool-agent.node');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

/** 4 campaigns × 30 days: 120 daily rows, more than an agent is shown. */
const manyRows = () => insightsParameters(fx, { level: 'campaign', timeIncrement: '1', datePreset: 'last_30d', simplify: true });

/** Runs Start → Tool Agent with the Meta Ads Tool (version `typeVersion`) on its ai_tool input; returns the agent's answer. */
async function askAgent(parameters, typeVersion = 2) {
	const engine = fx.engine;
	const toolType = `${NODE}Tool`;
	engine.nodeTypes[toolType] = asToolVariant(engine.nodeTypeProvider.getByNameAndVersion(NODE, typeVersion));
	engine.nodeTypes['test.toolAgent'] = toolAgentNodeType;
	const nodes = [
		{ id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: { items: '[{}]' } },
		{ id: 'agent', name: 'Agent', type: 'test.toolAgent', typeVersion: 1, position: [200, 0], parameters: { toolArgs: '{}' } },
		{ id: 'tool', name: 'Meta Ads', type: toolType, typeVersion, position: [200, 200], parameters, credentials: adsCredential(fx) },
	];
	const connections = {
		Start: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		'Meta Ads': { [NodeConnectionTypes.AiTool]: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'tool', name: 'tool', active: false, nodeTypes: engine.nodeTypeProvider, nodes, connections });
	const run = await new core.WorkflowExecute(engine.additionalData(workflow), 'manual').run({ workflow, startNode: workflow.getNode('Start') });
	expect(run.data.resultData.error).toBeUndefined();
	return run.data.resultData.runData.Agent[0].data.main[0][0].json;
}

test('as a tool, version 2 answers with 50 simplified rows and says how to narrow the question', async () => {
	const { answer, toolName } = await askAgent(manyRows());
	expect(toolName).toBe('Meta_Ads');
	expect(answer).toHaveLength(51);
	const rows = answer.slice(0, 50);
	expect(rows.every((row) => typeof row.impressions === 'number' && typeof row.campaign_name === 'string')).toBe(true);
	expect(answer[50]).toMatchObject({ moreRows: true, note: expect.stringMatching(/first 50 rows.*shorter date range/) });
	// Bounded at the source: the node asked Meta for no more than it shows (plus one to know there were more).
	const asked = fx.calls({ path: '/*/insights' }).map((c) => Number(c.query.limit)).filter(Boolean);
	expect(Math.max(...asked)).toBeLessThanOrEqual(51);
});

test('as a tool, a short answer comes whole, without a note', async () => {
	const { answer } = await askAgent(insightsParameters(fx, { level: 'campaign', simplify: true }));
	expect(answer.length).toBeGreaterThan(0);
	expect(answer.length).toBeLessThanOrEqual(50);
	expect(answer.some((row) => row.moreRows)).toBe(false);
});

test('as a tool, lists are bounded too, even with Return All', async () => {
	const { answer } = await askAgent({ authentication: 'metaAccessTokenApi', resource: 'campaign', operation: 'getMany', adAccount: { __rl: true, mode: 'id', value: fx.seed.adAccount.id }, returnAll: true });
	expect(answer.length).toBeGreaterThan(0);
	expect(answer.length).toBeLessThanOrEqual(51);
	// Return All would ask for pages of 100; the tool run asks for no more than it shows.
	const pages = fx.calls({ path: '/*/campaigns' });
	expect(pages.length).toBeGreaterThan(0);
	for (const page of pages) expect(Number(page.query.limit)).toBeLessThanOrEqual(51);
});

test('in a workflow (not a tool), version 2 still returns every row', async () => {
	const run = await fx.engine.runNode({ type: NODE, typeVersion: 2, parameters: manyRows(), credentials: adsCredential(fx) });
	expect(run.error).toBeUndefined();
	expect(run.items.length).toBeGreaterThan(50);
	expect(run.items.some((row) => row.moreRows)).toBe(false);
});

test('version 1 run as a tool keeps its behaviour: every row', async () => {
	const { answer } = await askAgent(manyRows(), 1);
	expect(answer.length).toBeGreaterThan(50);
	expect(answer.some((row) => row.moreRows)).toBe(false);
});
