import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * An API key of this n8n, for the Setup Doctor's refused-deliveries check: the refusals a trigger records live in
 * its workflow's static data, which a node can read only through n8n's public API (`GET /api/v1/workflows`).
 * A package of its own: the community lint forbids nodes to use n8n's built-in `n8nApi` credential.
 */
export class MetaN8nApi implements ICredentialType {
	name = 'metaN8nApi';

	displayName = 'Meta Setup Doctor N8n API';

	icon: Icon = { light: 'file:icons/meta.svg', dark: 'file:icons/meta.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-meta-business/n8n-nodes-meta-business#meta-setup-doctor';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create one in n8n: Settings > n8n API > Create an API key (scopes, where offered: workflow:list and workflow:read)',
		},
		{
			displayName: 'n8n Address',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678',
			required: true,
			placeholder: 'https://n8n.example.com',
			description: "This n8n's address as the n8n process reaches it (the editor's address, without /api/v1)",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/api/v1',
			url: '/workflows',
			qs: { limit: 1, excludePinnedData: true },
		},
	};
}
