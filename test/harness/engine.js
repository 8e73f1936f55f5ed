'use strict';
/**
 * Runs workflow JSON through n8n-core's real WorkflowExecute, with our node and credential types loaded from the
 * built package and HTTP going over loopback to the Meta sandbox.
 */
const core = require('n8n-core');
const { Workflow, createRunExecutionData } = require('n8n-workflow');
const { loadPackageTypes } = require('./package-types');
const { HarnessCredentialsHelper } = require('./credentials-helper');
const { harnessDeduplicator } = require('./dedup');

/** A start node that emits the items given in its `items` parameter (JSON array), like a Manual Trigger + Code node. */
const startNodeType = {
	description: {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	},
	async execute() {
		const raw = this.getNodeParameter('items', 0, '[{}]');
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((json, i) => ({ json, pairedItem: { item: i } }))];
	},
};

/** Stand-in for n8n's Manual Trigger in saved workflows: one empty item, as the editor's "Execute workflow" gives. */
const manualTriggerNodeType = {
	description: { ...startNodeType.description, displayName: 'Manual Trigger', name: 'manualTrigger', properties: [] },
	async execute() {
		return [[{ json: {} }]];
	},
};

/** The node type n8n runs for a node of `typeVersion`: a VersionedNodeType hands out the class of that version. */
function typeForVersion(type, version) {
	return type && 'nodeVersions' in type ? type.getNodeType(version) : type;
}

class Engine {
	constructor({ extraNodeTypes = {} } = {}) {
		const { credentialTypes, nodeTypes } = loadPackageTypes();
		this.credentialTypes = credentialTypes;
		this.nodeTypes = { 'test.start': startNodeType, 'n8n-nodes-base.manualTrigger': manualTriggerNodeType, ...nodeTypes, ...extraNodeTypes };
		this.credentials = new HarnessCredentialsHelper(credentialTypes);
		/** n8n's deduplication store (this.helpers.checkProcessedAndRecord), in memory. */
		this.deduplicator = harnessDeduplicator();
		this.executionCount = 0;
		const types = this.nodeTypes;
		this.nodeTypeProvider = {
			getByName: (name) => types[name],
			getByNameAndVersion: (name, version) => typeForVersion(types[name], version),
			getKnownTypes: () => ({}),
		};
	}

	additionalData(workflow, { mode = 'manual', executionId = 'harness-execution' } = {}) {
		const hooks = new core.ExecutionLifecycleHooks(mode, executionId, workflow);
		return {
			executionId,
			credentialsHelper: this.credentials,
			hooks,
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not available in the harness');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			variables: {},
			logAiEvent: () => {},
		};
	}

	/**
	 * Runs one action node fed by a Start node, with n8n's node settings:
	 * `retryOnFail`, `maxTries`, `waitBetweenTries` (Retry On Fail) and `onError` ('stopWorkflow',
	 * 'continueRegularOutput', 'continueErrorOutput'; `continueOnFail: true` = 'continueRegularOutput').
	 * Returns the success output's json (`items`) and, with 'continueErrorOutput', the error output's (`errorItems`).
	 * `rerun(previous, {mode})` runs the same workflow again: mode 'retry' is n8n's "Retry" of an execution (it
	 * inherits the execution context and the workflow's saved static data), 'manual' a new run of the workflow.
	 * @param {{type: string, parameters?: object, credentials?: object, items?: object[], name?: string, continueOnFail?: boolean,
	 *   onError?: string, retryOnFail?: boolean, maxTries?: number, waitBetweenTries?: number, typeVersion?: number, mode?: string}} spec
	 */
	async runNode(spec) {
		return await this.execute(spec, {});
	}

	/** Runs `previous` (a runNode result) again: `{mode: 'retry'}` as n8n's retry of that execution, or a new run. */
	async rerun(previous, { mode = 'retry', keepStaticData = true } = {}) {
		return await this.execute(previous.spec, {
			runtimeData: mode === 'retry' ? previous.runtimeData : undefined,
			staticData: keepStaticData ? previous.staticData : undefined,
			mode,
		});
	}

	async execute(spec, { runtimeData, staticData, mode } = {}) {
		const name = spec.name ?? 'Node';
		const onError = spec.onError ?? (spec.continueOnFail ? 'continueRegularOutput' : undefined);
		const nodes = [
			{ id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(spec.items ?? [{}]) } },
			{
				id: 'node',
				name,
				type: spec.type,
				typeVersion: spec.typeVersion ?? 1,
				position: [200, 0],
				parameters: spec.parameters ?? {},
				credentials: spec.credentials ?? {},
				...(onError ? { onError } : {}),
				...(spec.retryOnFail ? { retryOnFail: true, maxTries: spec.maxTries, waitBetweenTries: spec.waitBetweenTries } : {}),
			},
		];
		const workflow = new Workflow({
			id: spec.workflowId ?? 'harness-workflow',
			name: 'Harness',
			active: false,
			nodeTypes: this.nodeTypeProvider,
			nodes,
			connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
			staticData: staticData ? JSON.parse(JSON.stringify(staticData)) : undefined,
		});
		const executionMode = mode ?? spec.mode ?? 'manual';
		const executionId = `harness-execution-${++this.executionCount}`;
		const additionalData = this.additionalData(workflow, { mode: executionMode, executionId });
		let run;
		if (runtimeData) {
			// n8n's retry of an execution: the stored execution data (and its execution context) is run again.
			const runExecutionData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [{ node: workflow.getNode('Start'), data: { main: [[{ json: {} }]] }, source: null }],
					runtimeData,
				},
			});
			const execute = new core.WorkflowExecute(additionalData, executionMode, runExecutionData);
			run = await execute.processRunExecutionData(workflow);
		} else {
			const execute = new core.WorkflowExecute(additionalData, executionMode);
			run = await execute.run({ workflow, startNode: workflow.getNode('Start') });
		}
		const taskData = run.data.resultData.runData[name]?.[0];
		const outputs = taskData?.data?.main ?? [];
		return {
			run,
			spec,
			executionId,
			runtimeData: run.data.executionData?.runtimeData,
			staticData: workflow.staticData,
			error: run.data.resultData.error ?? taskData?.error,
			items: (outputs[0] ?? []).map((item) => item.json),
			errorItems: onError === 'continueErrorOutput' ? (outputs[1] ?? []).map((item) => item.json) : undefined,
			taskData,
		};
	}

	/**
	 * Runs a whole saved workflow (n8n's export JSON) from its trigger node, as "Execute workflow" does.
	 * `credentialIds` maps the credential ids stored in the workflow to harness credentials ({id, name}).
	 */
	async runWorkflow(saved, { credentialIds = {}, mode = 'manual' } = {}) {
		const nodes = saved.nodes.map((node) => ({
			...node,
			credentials: node.credentials
				? Object.fromEntries(Object.entries(node.credentials).map(([type, ref]) => [type, credentialIds[ref.id] ?? ref]))
				: undefined,
		}));
		const workflow = new Workflow({
			id: 'saved-workflow',
			name: saved.name,
			active: false,
			nodeTypes: this.nodeTypeProvider,
			nodes,
			connections: saved.connections,
			settings: saved.settings,
		});
		const executionId = `harness-execution-${++this.executionCount}`;
		const execute = new core.WorkflowExecute(this.additionalData(workflow, { mode, executionId }), mode);
		const start = nodes.find((node) => this.nodeTypes[node.type]?.description?.group?.includes('trigger'));
		const run = await execute.run({ workflow, startNode: workflow.getNode(start.name) });
		const runData = run.data.resultData.runData;
		return {
			run,
			error: run.data.resultData.error,
			/** The json items node `name` produced on its main output `output` (first run). */
			items: (name, output = 0) => (runData[name]?.[0]?.data?.main?.[output] ?? []).map((item) => item.json),
			ran: Object.keys(runData),
		};
	}
}

module.exports = { Engine, typeForVersion };
