import type { INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from '../actions/versionDescription';
import { baseDescription, MetaAdsV1 } from '../v1/MetaAdsV1.node';

/**
 * Version 2: Authentication defaults to an access token (a system user token, as the README advises for ads); n8n's Wait Between Tries sets the retry wait (docs/versions.md).
 * Same operations, methods and execution as version 1 (version differences at run time read the node's typeVersion).
 */
export class MetaAdsV2 extends MetaAdsV1 {
	description: INodeTypeDescription = versionDescription(baseDescription, 2);
}
