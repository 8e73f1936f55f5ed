import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { META_CREDENTIAL_TYPES } from '../shared/connection';
import { authenticationProperty } from '../shared/descriptions/authentication';
import { router } from './actions/router';
import * as token from './actions/token';
import { credentialTest } from './methods';

export class MetaSetupDoctor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Meta Setup Doctor',
		name: 'metaSetupDoctor',
		icon: { light: 'file:metaDoctor.svg', dark: 'file:metaDoctor.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
		subtitle:
			'={{ ({"token:check":"Check the token"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
		description: 'Checks a Meta connection and says what is broken and how to fix it',
		defaults: { name: 'Meta Setup Doctor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'metaOAuth2Api', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaOAuth2Api'] } } },
			{ name: 'metaAccessTokenApi', required: true, testedBy: 'metaCredentialTest', displayOptions: { show: { authentication: ['metaAccessTokenApi'] } } },
			// The app token reads the app itself and its webhook subscriptions: a second credential, asked for only
			// when the app is to be checked.
			{ name: 'metaAppApi', required: true, displayOptions: { show: { checkApp: [true] } } },
			// An API key of this n8n: the triggers' refusals live in workflow static data, readable only through n8n's API.
			{ name: 'metaN8nApi', required: true, displayOptions: { show: { checkRefusals: [true] } } },
		],
		properties: [
			authenticationProperty(META_CREDENTIAL_TYPES, 'metaAccessTokenApi'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Token', value: 'token' }],
				default: 'token',
			},
			...token.description,
			{
				displayName: 'Check App and Webhooks',
				name: 'checkApp',
				type: 'boolean',
				default: false,
				description: 'Whether to also check the Meta app (live mode, business portfolio) and its webhook subscriptions, with a Meta App credential',
				// No displayOptions: n8n's editor hides every parameter that a credential-controlling field's
				// displayOptions name (here it hid Resource and Operation).
			},
			{
				displayName: 'Check Refused Deliveries',
				name: 'checkRefusals',
				type: 'boolean',
				default: false,
				description:
					'Whether to list, for every active workflow with an Instagram, WhatsApp or Meta trigger, the last webhook deliveries it refused (wrong signature, wrong verify token, expired) with the reason and the fix, using an n8n API key',
			},
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
