import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_GRAPH_VERSION, type MetaHost } from '../constants';

/** Fields every Meta credential shares: the Graph version and the sandbox base-URL override. */
export const graphVersionField: INodeProperties = {
	displayName: 'Graph API Version',
	name: 'graphApiVersion',
	type: 'string',
	default: DEFAULT_GRAPH_VERSION,
	description: 'Leave as is unless you need to pin another version',
};

export const baseUrlOverrideField: INodeProperties = {
	displayName: 'Base URL Override',
	name: 'baseUrlOverride',
	type: 'string',
	default: '',
	placeholder: 'http://127.0.0.1:4010',
	description: 'For testing against a local Meta sandbox only; leave empty to talk to Meta',
};

/**
 * An n8n expression for the base URL of a Meta host, honouring the override the way `hostBaseUrl()` does.
 * `source` is `$self` inside credential fields and `$credentials` inside credential tests.
 */
export function hostUrlExpression(host: MetaHost | string, source: '$self' | '$credentials', suffix = ''): string {
	return `={{ (${source}.baseUrlOverride ? String(${source}.baseUrlOverride).replace(/\\/+$/, "") + "/" : "https://") + ${host.startsWith('(') ? host : JSON.stringify(host)}${suffix} }}`;
}

/** `"/" + version`, for appending to a host expression. */
export function versionSuffix(source: '$self' | '$credentials'): string {
	return ` + "/" + (${source}.graphApiVersion || ${JSON.stringify(DEFAULT_GRAPH_VERSION)})`;
}
