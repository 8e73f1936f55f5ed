import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { credentialTest } from '../methods';

/** What every version shares (n8n's VersionedNodeType base description): name, icon, subtitle, first set by version 1. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Meta Setup Doctor',
	name: 'metaSetupDoctor',
	icon: { light: 'file:metaDoctor.svg', dark: 'file:metaDoctor.dark.svg' },
	group: ['transform'],
	// The chosen operation's action in words (test/unit/node-subtitles.test.js keeps it in step with the operations).
	subtitle:
		'={{ ({"token:check":"Check the token"})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}',
	description: 'Checks a Meta connection and says what is broken and how to fix it',
	defaultVersion: 2,
	usableAsTool: true,
};

/** Version 1, as first published. */
export class MetaSetupDoctorV1 implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription(baseDescription, 1),
		// The node's own icon and subtitle (baseDescription), named here as n8n's community lint asks of a node class.
		icon: baseDescription.icon,
		subtitle: baseDescription.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
