import type { INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription, InstagramBusinessV1 } from '../v1/InstagramBusinessV1.node';

/**
 * Version 2: no Retry Wait option; n8n's Retry On Fail → Wait Between Tries sets the wait (docs/versions.md).
 * Same operations, methods and execution as version 1 (version differences at run time read the node's typeVersion).
 */
export class InstagramBusinessV2 extends InstagramBusinessV1 {
	description: INodeTypeDescription = versionDescription(baseDescription, 2);
}
