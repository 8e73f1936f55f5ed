import { DEFAULT_GRAPH_VERSION, type MetaHost } from './constants';

/**
 * Builds the base URL of one Meta host. With an override (the sandbox, or a proxy), the host name stays as the
 * first path segment so a single local server can stand in for every Meta host.
 */
export function hostBaseUrl(host: MetaHost, baseUrlOverride?: string): string {
	const override = (baseUrlOverride ?? '').trim().replace(/\/+$/, '');
	return override ? `${override}/${host}` : `https://${host}`;
}

/** Graph API version from a credential, normalised to `vNN.0`; empty means the package default. */
export function normaliseGraphVersion(version: unknown): string {
	const text = typeof version === 'string' ? version.trim() : '';
	if (!text) return DEFAULT_GRAPH_VERSION;
	const match = /^v?(\d{1,3})(?:\.(\d))?$/.exec(text);
	if (!match) {
		throw new Error(`Graph API version "${text}" is not valid: use the form v26.0`);
	}
	return `v${match[1]}.${match[2] ?? '0'}`;
}

/** Joins a base URL, a version and a Graph path ("me/accounts" or "/me/accounts"). */
export function graphUrl(base: string, version: string, path: string): string {
	const cleanPath = path.replace(/^\/+/, '');
	return version ? `${base}/${version}/${cleanPath}` : `${base}/${cleanPath}`;
}
