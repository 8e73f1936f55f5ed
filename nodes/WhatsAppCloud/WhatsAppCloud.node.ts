import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';
import { baseDescription, WhatsAppCloudV1 } from './v1/WhatsAppCloudV1.node';
import { WhatsAppCloudV2 } from './v2/WhatsAppCloudV2.node';

/** Saved workflows keep the version they were built with; a node added to the canvas gets `defaultVersion`. */
export class WhatsAppCloud extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new WhatsAppCloudV1(),
			2: new WhatsAppCloudV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
