'use strict';
/**
 * Drives a trigger node's `webhook()` and `webhookMethods` the way n8n's webhook server does: real HTTP requests on
 * loopback, the exact raw body on `req.rawBody`, n8n-core's WebhookContext and HookContext, and an execution started
 * through WorkflowExecute from the items the trigger returns.
 */
const express = require('express');
const core = require('n8n-core');
const { Workflow, createRunExecutionData } = require('n8n-workflow');

let harnessCount = 0;

class WebhookHarness {
	/**
	 * @param {import('./engine').Engine} engine
	 * @param {{type: string, typeVersion?: number, parameters?: object, credentials: object, name?: string, webhookId?: string, workflowId?: string, workflowName?: string}} spec
	 */
	constructor(engine, spec) {
		this.engine = engine;
		this.spec = spec;
		this.name = spec.name ?? 'Trigger';
		this.webhookId = spec.webhookId ?? 'harness-webhook-id';
		// One workflow per harness, as two workflows in n8n: what a trigger remembers per workflow stays apart.
		this.workflowId = spec.workflowId ?? `harness-webhook-workflow-${++harnessCount}`;
		this.typeVersion = spec.typeVersion ?? 1;
		this.nodeType = engine.nodeTypeProvider.getByNameAndVersion(spec.type, this.typeVersion);
		this.executions = [];
		this.responses = [];
		this.staticData = {};
		/** Deliveries still being handled: a trigger answers Meta itself, before n8n runs the execution and ends listening. */
		this.inFlight = new Set();
	}

	/** Waits until every delivery received so far is fully handled (execution run, test listening ended). */
	async settled() {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}

	workflow(staticData = this.staticData) {
		const node = {
			id: 'trigger',
			name: this.name,
			type: this.spec.type,
			typeVersion: this.typeVersion,
			position: [0, 0],
			parameters: this.spec.parameters ?? {},
			credentials: this.spec.credentials,
			webhookId: this.webhookId,
		};
		return new Workflow({
			id: this.workflowId,
			name: this.spec.workflowName ?? 'Webhook harness',
			active: true,
			nodeTypes: this.engine.nodeTypeProvider,
			nodes: [node],
			connections: {},
			staticData,
		});
	}

	webhookData(workflow, description, additionalData, isTest = false) {
		return {
			httpMethod: description.httpMethod,
			node: this.name,
			path: `${this.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
			isTest,
		};
	}

	async start() {
		const app = express();
		// n8n keeps the exact bytes on req.rawBody and parses JSON beside them.
		app.use(express.raw({ type: () => true, limit: '16mb' }));
		app.all(['/webhook/:webhookId/:path', '/webhook-test/:webhookId/:path'], (req, res) => {
			const handling = this.handle(req, res).catch((error) => (res.headersSent ? undefined : res.status(500).json({ error: error.message })));
			this.inFlight.add(handling);
			handling.finally(() => this.inFlight.delete(handling));
		});
		await new Promise((resolve) => {
			this.server = app.listen(0, '127.0.0.1', resolve);
		});
		this.baseUrl = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	url(path = 'meta') {
		return `${this.baseUrl}/webhook/${this.webhookId}/${path}`;
	}

	testUrl(path = 'meta') {
		return `${this.baseUrl}/webhook-test/${this.webhookId}/${path}`;
	}

	async handle(req, res) {
		req.rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		const type = String(req.headers['content-type'] ?? '');
		req.body = {};
		if (type.includes('json') && req.rawBody.length) {
			try {
				req.body = JSON.parse(req.rawBody.toString('utf8'));
			} catch {
				req.body = {};
			}
		} else if (type.includes('application/x-www-form-urlencoded') && req.rawBody.length) {
			// n8n parses form bodies too (Meta's compliance callbacks are forms).
			req.body = Object.fromEntries(new URLSearchParams(req.rawBody.toString('utf8')));
		}
		const description = this.nodeType.description.webhooks.find((w) => w.httpMethod === req.method && w.path === req.params.path);
		if (!description) return res.status(404).json({ message: 'The requested webhook is not registered.' });
		// The Test URL runs as n8n runs it: 'manual' mode; while `listen()` emulates n8n, on the copy n8n keeps.
		const isTest = req.path.startsWith('/webhook-test/');
		if (isTest && this.listening && !this.listening.registered) return res.status(404).json({ message: 'The requested webhook is not registered.' });
		const workflow = this.workflow(isTest && this.listening ? (this.listening.stored ?? {}) : this.staticData);
		const additionalData = { ...this.engine.additionalData(workflow), httpRequest: req, httpResponse: res, ...this.baseUrls() };
		const context = new core.WebhookContext(workflow, workflow.getNode(this.name), additionalData, isTest ? 'manual' : 'webhook', this.webhookData(workflow, description, additionalData, isTest), [], null);
		const result = await this.nodeType.webhook.call(context);
		this.responses.push({ method: req.method, status: result.noWebhookResponse ? res.statusCode : 200 });
		if (result.workflowData) {
			await this.startExecution(workflow, result.workflowData);
			// n8n ends the listening after the first test execution, running delete with the same static data.
			if (isTest && this.listening) await this.stopListening(workflow);
		}
		if (result.noWebhookResponse) return undefined;
		if (result.webhookResponse !== undefined) return res.status(200).send(result.webhookResponse);
		return res.status(200).json({ message: result.workflowData ? 'Workflow was started' : 'Webhook call received' });
	}

	async startExecution(workflow, workflowData) {
		const node = workflow.getNode(this.name);
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }] },
		});
		const execute = new core.WorkflowExecute(this.engine.additionalData(workflow), 'webhook', runExecutionData);
		const run = await execute.processRunExecutionData(workflow);
		const outputs = run.data.resultData.runData[this.name]?.[0]?.data?.main ?? [];
		this.executions.push({ run, outputs: outputs.map((items) => (items ?? []).map((i) => i.json)) });
	}

	/**
	 * Runs checkExists/create/delete as n8n does on activation ('trigger' mode, production URL) or when the editor
	 * listens for a test event ('manual' mode, test URL).
	 */
	async runWebhookMethod(method, { name = 'default', mode = 'trigger', workflow = this.workflow(), isTest = mode === 'manual' } = {}) {
		const description = this.nodeType.description.webhooks.find((w) => w.name === name);
		const additionalData = { ...this.engine.additionalData(workflow), ...this.baseUrls() };
		const context = new core.HookContext(workflow, workflow.getNode(this.name), additionalData, mode, isTest ? 'manual' : 'activate', this.webhookData(workflow, description, additionalData, isTest));
		return await this.nodeType.webhookMethods[name][method].call(context);
	}

	baseUrls() {
		return { webhookBaseUrl: `${this.baseUrl}/webhook`, webhookTestBaseUrl: `${this.baseUrl}/webhook-test` };
	}

	/**
	 * Listen for Test Event as n8n 2.41 runs it (TestWebhooks.needsWebhook): the test webhook is registered, then
	 * checkExists/create run in 'manual' mode on a workflow of its own with empty static data, and only after create
	 * returned does n8n keep a copy of that static data for the test webhook (`stored`). A delivery before that works
	 * on empty static data. `whileCreating` runs between create and the copy: the window in which Meta may already call.
	 */
	async listen({ whileCreating } = {}) {
		this.listening = { registered: true, stored: undefined };
		const workflow = this.workflow({});
		if (!(await this.runWebhookMethod('checkExists', { mode: 'manual', workflow }))) await this.runWebhookMethod('create', { mode: 'manual', workflow });
		if (whileCreating) await whileCreating();
		if (this.listening.registered) this.listening.stored = JSON.parse(JSON.stringify(workflow.staticData));
	}

	/** Listening ends (a test execution, Stop Listening, the timeout): n8n runs delete ('internal' mode) for the Test URL. */
	async stopListening(workflow = this.workflow(this.listening?.stored ?? {})) {
		if (!this.listening?.registered) return;
		this.listening.registered = false;
		await this.runWebhookMethod('delete', { mode: 'internal', workflow, isTest: true });
	}

	async stop() {
		if (this.server) await new Promise((resolve) => this.server.close(resolve));
	}
}

module.exports = { WebhookHarness };
