import {
	NodeConnectionTypes,
	type INodeCredentialDescription,
	type INodeProperties,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Options that version 1 of the action nodes offers and version 2 drops, because one of n8n's own node settings does
 * the job: Retry Wait (Seconds) is replaced by Settings → Retry On Fail → Wait Between Tries (docs/versions.md).
 */
export const VERSION_1_ONLY_OPTIONS: readonly string[] = ['retryWaitSeconds'];

/**
 * `properties` without the named options inside their collections; a collection left with no option goes too. Works
 * on whatever operations actions/ defines, so an operation added there appears in every version.
 */
export function withoutOptions(properties: INodeProperties[], names: readonly string[]): INodeProperties[] {
	const kept: INodeProperties[] = [];
	for (const property of properties) {
		if (property.type !== 'collection' || !Array.isArray(property.options)) {
			kept.push(property);
			continue;
		}
		const options = (property.options as INodeProperties[]).filter((option) => !names.includes(option.name));
		if (options.length > 0) kept.push({ ...property, options });
	}
	return kept;
}

/**
 * One version of an action node: the base description (name, icon, subtitle), one main input and output, usable as an
 * AI tool, with this version's differences applied to `properties` (built from actions/ for every version alike).
 */
export function actionNodeVersion(
	baseDescription: INodeTypeBaseDescription,
	version: number,
	credentials: INodeCredentialDescription[],
	properties: INodeProperties[],
): INodeTypeDescription {
	return {
		...baseDescription,
		version,
		defaults: { name: baseDescription.displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: version >= 2 ? withoutOptions(properties, VERSION_1_ONLY_OPTIONS) : properties,
	};
}
