'use strict';
/**
 * Loads our node and credential types the way n8n does: from the built files listed in package.json's `n8n` field.
 * Test-only node types (under test/fixtures) can be added on top.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');

/** n8n's generic OAuth2 credential, reduced to the properties our OAuth2 credentials extend. */
const OAUTH2_BASE = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'options', default: 'authorizationCode', options: [] },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'options', default: 'header', options: [] },
	],
};

function instantiate(file) {
	const mod = require(file);
	const Exported = Object.values(mod).find((v) => typeof v === 'function');
	if (!Exported) throw new Error(`${file} exports no class`);
	return new Exported();
}

function loadPackageTypes() {
	const pkg = require(path.join(ROOT, 'package.json'));
	const credentialTypes = { oAuth2Api: OAUTH2_BASE };
	for (const rel of pkg.n8n.credentials) {
		const type = instantiate(path.join(ROOT, rel));
		credentialTypes[type.name] = type;
	}
	const nodeTypes = {};
	for (const rel of pkg.n8n.nodes) {
		const type = instantiate(path.join(ROOT, rel));
		nodeTypes[`n8n-nodes-meta-business.${type.description.name}`] = type;
	}
	return { credentialTypes, nodeTypes, packageJson: pkg };
}

/**
 * The full description of one version of a node type (n8n's VersionedNodeType hands out one class per version);
 * without `version`, the one the editor gives a node added to the canvas (`defaultVersion`).
 */
function versionDescription(type, version) {
	if (!('nodeVersions' in type)) return type.description;
	return type.getNodeType(version ?? type.description.defaultVersion ?? type.currentVersion).description;
}

module.exports = { loadPackageTypes, versionDescription, ROOT };
