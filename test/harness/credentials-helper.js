'use strict';
/**
 * A credentials helper with the semantics of n8n 2.41's CLI CredentialsHelper (packages/cli/src/credentials-helper.ts),
 * written for this package: credentials are kept in memory instead of the database. What matters for our nodes is
 * reproduced exactly: defaults and expression resolution with `$self`, function and generic `authenticate`,
 * `preAuthentication` only when the hidden expirable field is empty (or on a retry), persisting its output, and
 * `runPreAuthentication` (called by requestOAuth2 before every OAuth2 request) transforming in memory only.
 */
const { ICredentialsHelper, NodeHelpers, Workflow, isExpression } = require('n8n-workflow');
const { Credentials } = require('n8n-core');

const mockNode = { name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };
const mockNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
};

class HarnessCredentialsHelper extends ICredentialsHelper {
	/** @param {Record<string, any>} credentialTypes */
	constructor(credentialTypes) {
		super();
		this.credentialTypes = credentialTypes;
		/** @type {Map<string, {id: string, name: string, type: string, data: Record<string, any>}>} */
		this.store = new Map();
		/** Every write n8n would make to the database, in order. */
		this.writes = [];
		/** Every decrypted read (a node's getCredentials, and n8n's own before it signs a request): `{id, type}`. */
		this.reads = [];
		this.nextId = 1;
	}

	/** Adds a stored credential; returns the `{id, name}` a workflow node references. */
	add(type, data, name = `${type} ${this.nextId}`) {
		const id = String(this.nextId++);
		this.store.set(id, { id, name, type, data: structuredClone(data) });
		return { id, name };
	}

	stored(id) {
		return structuredClone(this.store.get(String(id)).data);
	}

	typeOf(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name) {
		const parents = this.typeOf(name).extends ?? [];
		return parents.flatMap((p) => [p, ...this.getParentTypes(p)]);
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(name) {
		const type = this.typeOf(name);
		if (!type.extends) return type.properties;
		const merged = [];
		for (const parent of type.extends) NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}

	async getCredentials(nodeCredentials, type) {
		const entry = this.store.get(String(nodeCredentials.id));
		if (!entry || entry.type !== type) throw new Error(`Credential ${nodeCredentials.id} of type ${type} not found`);
		const credentials = new Credentials({ id: entry.id, name: entry.name }, type);
		credentials.setData(structuredClone(entry.data));
		return credentials;
	}

	resolve(type, data) {
		const properties = this.getCredentialsProperties(type);
		// Hidden OAuth endpoint fields always come from the type (n8n's OAUTH_PINNED_FIELDS).
		const stored = { ...data };
		for (const field of ['authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'scope', 'authQueryParameters']) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete stored[field];
		}
		let resolved = NodeHelpers.getNodeParameters(properties, stored, true, false, null, null);
		if (data.oauthTokenData !== undefined) resolved.oauthTokenData = data.oauthTokenData;
		const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
		resolved = workflow.expression.getComplexParameterValue(mockNode, resolved, 'internal', {}, undefined, undefined, resolved);
		return resolved;
	}

	async getDecrypted(_additionalData, nodeCredentials, type, _mode, _executeData, raw) {
		const entry = this.store.get(String(nodeCredentials.id));
		if (!entry) throw new Error(`Credential ${nodeCredentials.id} not found`);
		this.reads.push({ id: entry.id, type });
		if (raw === true) return structuredClone(entry.data);
		return this.resolve(type, structuredClone(entry.data));
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const type = this.typeOf(typeName);
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		if (type.authenticate && type.authenticate.type === 'generic') {
			for (const [outer, values] of Object.entries(type.authenticate.properties)) {
				requestOptions[outer] = requestOptions[outer] ?? {};
				for (const [key, value] of Object.entries(values)) {
					requestOptions[outer][key] = isExpression(value)
						? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '')
						: value;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			const ref = node.credentials[typeName];
			const storedData = this.stored(ref.id);
			const toPersist = { ...storedData };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(storedData[key])) toPersist[key] = value;
			}
			await this.updateCredentials(ref, typeName, toPersist);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) ?? undefined;
	}

	async updateCredentials(nodeCredentials, type, data) {
		const entry = this.store.get(String(nodeCredentials.id));
		entry.data = structuredClone(data);
		this.writes.push({ id: entry.id, type, kind: 'updateCredentials', data: structuredClone(data) });
	}

	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		const entry = this.store.get(String(nodeCredentials.id));
		entry.data = { ...entry.data, oauthTokenData: structuredClone(data.oauthTokenData) };
		this.writes.push({ id: entry.id, type, kind: 'updateCredentialsOauthTokenData', data: structuredClone(entry.data) });
	}
}

module.exports = { HarnessCredentialsHelper };
