import type { INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription, MetaSetupDoctorV1 } from '../v1/MetaSetupDoctorV1.node';

/**
 * Version 2: with Retry On Fail on, a call Meta failed temporarily is repeated after n8n's Wait Between Tries (docs/versions.md).
 * Same operations, methods and execution as version 1 (version differences at run time read the node's typeVersion).
 */
export class MetaSetupDoctorV2 extends MetaSetupDoctorV1 {
	description: INodeTypeDescription = versionDescription(baseDescription, 2);
}
