import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';
import { baseDescription, InstagramBusinessV1 } from './v1/InstagramBusinessV1.node';
import { InstagramBusinessV2 } from './v2/InstagramBusinessV2.node';

/** Saved workflows keep the version they were built with; a node added to the canvas gets `defaultVersion`. */
export class InstagramBusiness extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new InstagramBusinessV1(),
			2: new InstagramBusinessV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
