'use strict';
/** Helpers for WhatsApp Cloud engine tests and benchmarks: node parameters and the sandbox product's knobs. */
const { whatsappAdmin } = require('../sandbox/products/whatsapp');
const { templatesOf } = require('../sandbox/products/whatsapp/store');

const NODE_TYPE = 'n8n-nodes-meta-business.whatsAppCloud';
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/** Parameters for a message operation from the seeded account and number. */
function messageParams(seed, operation, extra = {}) {
	return {
		authentication: 'metaAccessTokenApi',
		resource: 'message',
		operation,
		wabaId: rl(seed.waba.id),
		phoneNumberId: rl(seed.waba.phoneNumberId),
		...extra,
	};
}

function templateParams(seed, name, language, values, extra = {}) {
	return messageParams(seed, 'sendTemplate', {
		templateName: rl(name, 'name'),
		templateLanguage: language,
		templateVariables: { mappingMode: 'defineBelow', value: values, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
		...extra,
	});
}

function systemUserCredential(fx) {
	return fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.systemUser });
}

/** Messages the sandbox accepted, with their payloads. */
function accepted(fx) {
	return whatsappAdmin(fx.sandbox.state).accepted();
}

module.exports = { NODE_TYPE, rl, messageParams, templateParams, systemUserCredential, accepted, whatsappAdmin, templatesOf };

/**
 * Calls one of the node's editor methods (listSearch, loadOptions, resourceMapping) in n8n-core's real
 * LoadOptionsContext, with `parameters` as the node's current parameters.
 */
async function callMethod(fx, credentials, parameters, kind, name, ...args) {
	const core = require('n8n-core');
	const { Workflow } = require('n8n-workflow');
	const engine = fx.engine;
	const node = { id: 'wa', name: 'WhatsApp Cloud', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials };
	const workflow = new Workflow({ id: 'methods', name: 'methods', active: false, nodeTypes: engine.nodeTypeProvider, nodes: [node], connections: {} });
	const additionalData = { ...engine.additionalData(workflow), currentNodeParameters: parameters };
	const context = new core.LoadOptionsContext(workflow, node, additionalData, `parameters.${name}`);
	return await engine.nodeTypeProvider.getByNameAndVersion(NODE_TYPE, 1).methods[kind][name].call(context, ...args);
}

/** Replaces the harness's start node so its items can carry binary data ({json, binary:{field:{data(base64), mimeType, fileName}}}). */
function useBinaryStart(fx) {
	fx.engine.nodeTypes['test.start'] = {
		...fx.engine.nodeTypes['test.start'],
		async execute() {
			const items = JSON.parse(this.getNodeParameter('items', 0, '[]'));
			return [items.map((item, i) => ({ ...item, pairedItem: { item: i } }))];
		},
	};
}

module.exports.callMethod = callMethod;
module.exports.useBinaryStart = useBinaryStart;
