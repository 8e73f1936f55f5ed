import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import type { MetaCredentialType } from '../connection';

/** The credential picker every Meta action node shows first. */
export function authenticationProperty(allowed: readonly MetaCredentialType[], defaultType: MetaCredentialType): INodeProperties {
	const labels: Record<MetaCredentialType, string> = {
		metaOAuth2Api: 'Facebook Login (OAuth2)',
		metaAccessTokenApi: 'Access Token (System User, Page or Pasted)',
		metaAppApi: 'Meta App (App Token)',
	};
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: allowed.map((value) => ({ name: labels[value], value })),
		default: defaultType,
		description: 'Which kind of Meta connection to act with; pick the matching credential below (the README says which one each task needs)',
	};
}

/** The matching credential slots, each shown for its authentication choice and tested by `testedBy`. */
export function metaCredentials(allowed: readonly MetaCredentialType[], testedBy?: string): INodeCredentialDescription[] {
	return allowed.map((name) => ({
		name,
		required: true,
		displayOptions: { show: { authentication: [name] } },
		...(testedBy && name !== 'metaAppApi' ? { testedBy } : {}),
	}));
}
