import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's subtitle (the grey line under its name on the canvas): the chosen operation's action text, e.g.
 * "Send a template", instead of raw values such as "sendTemplate: message". The labels come from the operation
 * options themselves, so a new operation is covered without touching this.
 */
export function actionSubtitle(...descriptions: INodeProperties[][]): string {
	const labels: Record<string, string> = {};
	for (const property of descriptions.flat()) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource as string[] | undefined) ?? [''];
		for (const option of property.options ?? []) {
			if (!('value' in option)) continue;
			const label = ('action' in option && option.action) || option.name;
			for (const resource of resources) labels[`${resource}:${String(option.value)}`] = String(label);
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}
