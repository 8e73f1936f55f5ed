'use strict';
/**
 * The structural floor for a community trigger in n8n 2.41.1: a package with one trigger node that does the least a
 * verifying trigger can do (read its credential, compare one header, emit one item), installed next to ours. n8n
 * treats every node type other than its own Webhook node alike on the webhook path (an isolate for the webhook phase,
 * a credential read, and at typeVersion 1 a `binaryData` expression: docs/performance.md), so what ours costs beyond
 * this node is ours; what this node costs beyond n8n's Webhook node is n8n's.
 */
const fs = require('fs');
const path = require('path');

const PACKAGE = 'n8n-nodes-bench-minimal';
const NODE_TYPE = `${PACKAGE}.benchMinimalTrigger`;

const NODE_SOURCE = `'use strict';
class BenchMinimalTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal Trigger',
			name: 'benchMinimalTrigger',
			group: ['trigger'],
			version: [1, 2],
			defaultVersion: 2,
			description: 'Benchmark peer: reads its credential, checks one header, emits one item',
			defaults: { name: 'Bench Minimal Trigger' },
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'httpHeaderAuth', required: true }],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'minimal' }],
			properties: [],
		};
	}
	async webhook() {
		const credential = await this.getCredentials('httpHeaderAuth');
		const sent = this.getHeaderData()[String(credential.name).toLowerCase()];
		const res = this.getResponseObject();
		if (sent !== credential.value) {
			res.status(403).json({ error: 'refused' });
			return { noWebhookResponse: true };
		}
		res.status(200).json({ received: true });
		return { workflowData: [[{ json: this.getBodyData() }]], noWebhookResponse: true };
	}
}
module.exports = { BenchMinimalTrigger };
`;

/** Writes the package into `<userFolder>/.n8n/nodes/node_modules`, where n8n 2.41.1 loads community packages at start. */
function installMinimalTrigger(userFolder) {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'dist', 'BenchMinimalTrigger.node.js'), NODE_SOURCE);
	const pkg = { name: PACKAGE, version: '1.0.0', main: 'index.js', keywords: ['n8n-community-node-package'], n8n: { n8nNodesApiVersion: 1, nodes: ['dist/BenchMinimalTrigger.node.js'], credentials: [] } };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
	fs.writeFileSync(path.join(dir, 'index.js'), 'module.exports = {};\n');
	const ledgerFile = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	const ledger = fs.existsSync(ledgerFile) ? JSON.parse(fs.readFileSync(ledgerFile, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies[PACKAGE] = pkg.version;
	fs.writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
}

module.exports = { installMinimalTrigger, MINIMAL_TRIGGER_TYPE: NODE_TYPE };
