import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';
import { baseDescription, MetaAdsV1 } from './v1/MetaAdsV1.node';
import { MetaAdsV2 } from './v2/MetaAdsV2.node';

/** Saved workflows keep the version they were built with; a node added to the canvas gets `defaultVersion`. */
export class MetaAds extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new MetaAdsV1(),
			2: new MetaAdsV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
