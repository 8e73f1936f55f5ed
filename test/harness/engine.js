'use strict';
/**
 * Runs workflow JSON through n8n-core's real WorkflowExecute, with our node and credential types loaded from the
 * built package and HTTP going over loopback to the Meta sandbox.
 */
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { loadPackageTypes } = require('./package-types');
const { HarnessCredentialsHelper } = require('./credentials-helper');

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

class Engine {
	constructor({ extraNodeTypes = {} } = {}) {
		const { credentialTypes, nodeTypes } = loadPackageTypes();
		this.credentialTypes = credentialTypes;
		this.nodeTypes = { 'test.start': startNodeType, ...nodeTypes, ...extraNodeTypes };
		this.credentials = new HarnessCredentialsHelper(credentialTypes);
		const types = this.nodeTypes;
		this.nodeTypeProvider = {
			getByName: (name) => types[name],
			getByNameAndVersion: (name) => types[name],
			getKnownTypes: () => ({}),
		};
	}

	additionalData(workflow) {
		const hooks = new core.ExecutionLifecycleHooks('manual', 'harness-execution', workflow);
		return {
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
	 * Runs one action node fed by a Start node.
	 * @param {{type: string, parameters?: object, credentials?: object, items?: object[], name?: string, continueOnFail?: boolean}} spec
	 */
	async runNode(spec) {
		const name = spec.name ?? 'Node';
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
				...(spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		];
		const workflow = new Workflow({
			id: 'harness-workflow',
			name: 'Harness',
			active: false,
			nodeTypes: this.nodeTypeProvider,
			nodes,
			connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		});
		const execute = new core.WorkflowExecute(this.additionalData(workflow), 'manual');
		const run = await execute.run({ workflow, startNode: workflow.getNode('Start') });
		const taskData = run.data.resultData.runData[name]?.[0];
		return {
			run,
			error: run.data.resultData.error ?? taskData?.error,
			items: (taskData?.data?.main?.[0] ?? []).map((item) => item.json),
			taskData,
		};
	}
}

module.exports = { Engine };
