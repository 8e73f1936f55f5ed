import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';
import { baseDescription, MetaSetupDoctorV1 } from './v1/MetaSetupDoctorV1.node';
import { MetaSetupDoctorV2 } from './v2/MetaSetupDoctorV2.node';

/** Saved workflows keep the version they were built with; a node added to the canvas gets `defaultVersion`. */
export class MetaSetupDoctor extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new MetaSetupDoctorV1(),
			2: new MetaSetupDoctorV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
