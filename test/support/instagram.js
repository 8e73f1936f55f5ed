'use strict';
/** Helpers for Instagram Business node tests: parameters, credentials, a Start node that can emit binary data. */

const NODE = 'n8n-nodes-meta-business.instagramBusiness';
const IMAGE = 'https://cdn.example.com/photo.jpg';
const VIDEO = 'https://cdn.example.com/clip.mp4';
/** Fast retries and status checks for tests; the node's real back-off shape. */
const FAST = { retryWaitSeconds: 0.02 };

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/** A Start node whose items may carry binary data: `{json, binary: {data: {data: base64, mimeType, fileName}}}`. */
const binaryStartNodeType = {
	description: {
		displayName: 'Binary Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits fixed items with binary data',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	},
	async execute() {
		const raw = this.getNodeParameter('items', 0, '[{}]');
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((item, i) => ({ json: item.json ?? {}, binary: item.binary, pairedItem: { item: i } }))];
	},
};

/** An MP4-looking buffer (ftyp box first) of `size` bytes. */
function fakeMp4(size = 4096) {
	const head = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmp42')]);
	return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 9)]);
}

function binaryItem(buffer, fileName = 'clip.mp4', mimeType = 'video/mp4') {
	return { json: { name: fileName }, binary: { data: { data: buffer.toString('base64'), mimeType, fileName, fileSize: String(buffer.length) } } };
}

function instagramTools(fx) {
	const credentials = {
		facebook: () => fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.adaUser, appId: fx.seed.app.id, appSecret: fx.seed.app.secret }),
		instagram: () => fx.credential('metaAccessTokenApi', { accessToken: fx.seed.tokens.instagramLogin }),
	};
	const store = () => fx.sandbox.state.ns('instagram', () => null);
	return {
		credentials,
		/** Runs the node; `login` picks the credential, `options` merge over FAST. */
		async run(parameters, { login = 'facebook', items, continueOnFail, creds } = {}) {
			const { options, ...rest } = parameters;
			return await fx.engine.runNode({
				type: NODE,
				parameters: { authentication: 'metaAccessTokenApi', resource: 'media', account: rl(fx.seed.instagram.id), ...rest, options: { ...FAST, ...(options || {}) } },
				credentials: creds || credentials[login](),
				items,
				continueOnFail,
			});
		},
		/** Runs a listSearch method in n8n-core's real LoadOptionsContext, as the editor does for a resource locator. */
		async listSearch(method, { login = 'facebook', creds, parameters = {}, filter, paginationToken } = {}) {
			const core = require('n8n-core');
			const { Workflow } = require('n8n-workflow');
			const nodeParameters = { authentication: 'metaAccessTokenApi', resource: 'media', operation: 'getMany', ...parameters };
			const node = { id: 'n', name: 'Node', type: NODE, typeVersion: 1, position: [0, 0], parameters: nodeParameters, credentials: creds || credentials[login]() };
			const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: fx.engine.nodeTypeProvider });
			const additionalData = { ...fx.engine.additionalData(workflow), currentNodeParameters: nodeParameters };
			const context = new core.LoadOptionsContext(workflow, node, additionalData, 'account');
			const type = fx.engine.nodeTypeProvider.getByNameAndVersion(NODE, 1);
			return await type.methods.listSearch[method].call(context, filter, paginationToken);
		},
		useBinaryStart() {
			fx.engine.nodeTypes['test.start'] = binaryStartNodeType;
		},
		store,
		media: () => (store() ? [...store().media.values()] : []),
		/** A published image of the seeded account, made directly in the sandbox (no node run). */
		publishedMedia(caption = 'Our post') {
			const { createContainer } = require('../sandbox/products/instagram/containers');
			const { publish } = require('../sandbox/products/instagram/publishing');
			const state = fx.sandbox.state;
			const account = state.igAccounts.get(fx.seed.instagram.id);
			const container = createContainer(state, { igUserId: account.id, kind: 'IMAGE', params: { image_url: IMAGE, caption } });
			return publish(state, container, account);
		},
		containers: () => (store() ? [...store().containers.values()] : []),
	};
}

module.exports = { NODE, IMAGE, VIDEO, FAST, rl, instagramTools, fakeMp4, binaryItem, binaryStartNodeType };
