import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';
import { MetaComplianceTriggerV1 } from './v1/MetaComplianceTriggerV1.node';

/**
 * On n8n's VersionedNodeType from its first version, like every node of the package: a later default change becomes
 * a version 2 while saved workflows keep version 1 (docs/versions.md).
 */
export class MetaComplianceTrigger extends VersionedNodeType {
	constructor() {
		const v1 = new MetaComplianceTriggerV1();
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: v1 };
		const { displayName, name, icon, group, subtitle, description, usableAsTool } = v1.description;
		super(nodeVersions, { displayName, name, icon, group, subtitle, description, usableAsTool, defaultVersion: 1 });
	}
}
