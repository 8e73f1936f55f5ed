import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions, type INode } from 'n8n-workflow';
import { graphPaginate } from '../../shared/pagination';
import type { GraphLayerOptions } from '../../shared/request';

/** A message template as Meta lists it (reference §5.3). */
export interface WhatsAppTemplate {
	id: string;
	name: string;
	language: string;
	status: string;
	category?: string;
	parameter_format?: string;
	components?: IDataObject[];
}

export const TEMPLATE_FIELDS = 'id,name,language,status,category,parameter_format,components';

/** One value the template needs at send time: a form field of the resource mapper. */
export interface TemplateVariable {
	id: string;
	displayName: string;
	required: boolean;
	kind: 'headerText' | 'headerMedia' | 'headerFilename' | 'headerLocation' | 'body' | 'buttonUrl' | 'buttonPayload' | 'buttonCoupon';
	/** Placeholder name (`1`, `customer_name`). */
	name?: string;
	/** Button position in the template's BUTTONS. */
	index?: number;
	/** Header format: IMAGE, VIDEO, DOCUMENT, GIF. */
	format?: string;
}

/** `{{1}}` / `{{first_name}}` placeholders of a text, distinct, in order. */
export function placeholders(text: unknown): string[] {
	const seen: string[] = [];
	for (const match of String(text ?? '').matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)) if (!seen.includes(match[1])) seen.push(match[1]);
	return seen;
}

function component(template: WhatsAppTemplate, type: string): IDataObject | undefined {
	return (template.components ?? []).find((c) => String(c.type).toUpperCase() === type);
}

const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF'];

/** The variables of a template, read from its own components. */
export function templateVariables(template: WhatsAppTemplate): TemplateVariable[] {
	const out: TemplateVariable[] = [];
	const header = component(template, 'HEADER');
	const format = String(header?.format ?? 'TEXT').toUpperCase();
	if (header && format === 'TEXT') {
		for (const name of placeholders(header.text)) out.push({ id: `header_${name}`, displayName: `Header {{${name}}}`, required: true, kind: 'headerText', name });
	} else if (header && MEDIA_FORMATS.includes(format)) {
		const label = format === 'GIF' ? 'GIF (Video)' : format.charAt(0) + format.slice(1).toLowerCase();
		out.push({ id: 'header_media', displayName: `Header ${label} (URL, Media ID or Binary Field per "Header Media Source")`, required: true, kind: 'headerMedia', format });
		if (format === 'DOCUMENT') out.push({ id: 'header_filename', displayName: 'Header Document File Name', required: false, kind: 'headerFilename', format });
	} else if (header && format === 'LOCATION') {
		for (const [name, required] of [['latitude', true], ['longitude', true], ['name', false], ['address', false]] as const) {
			out.push({ id: `header_location_${name}`, displayName: `Header Location ${name.charAt(0).toUpperCase()}${name.slice(1)}`, required, kind: 'headerLocation', name });
		}
	}
	for (const name of placeholders(component(template, 'BODY')?.text)) out.push({ id: `body_${name}`, displayName: `Body {{${name}}}`, required: true, kind: 'body', name });
	const buttons = (component(template, 'BUTTONS')?.buttons as IDataObject[] | undefined) ?? [];
	buttons.forEach((button, index) => {
		const type = String(button.type).toUpperCase();
		const label = `Button ${index + 1}${button.text ? ` "${String(button.text)}"` : ''}`;
		if (type === 'URL' && placeholders(button.url).length) out.push({ id: `button_${index}_url`, displayName: `${label} URL Suffix`, required: true, kind: 'buttonUrl', index });
		if (type === 'OTP') out.push({ id: `button_${index}_url`, displayName: `${label} One-Time Code`, required: true, kind: 'buttonUrl', index });
		if (type === 'QUICK_REPLY') out.push({ id: `button_${index}_payload`, displayName: `${label} Quick-Reply Payload`, required: false, kind: 'buttonPayload', index });
		if (type === 'COPY_CODE') out.push({ id: `button_${index}_coupon_code`, displayName: `${label} Coupon Code`, required: true, kind: 'buttonCoupon', index });
	});
	return out;
}

/** Every translation of a template name in an account. */
export async function templatesNamed(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	layer: GraphLayerOptions,
	wabaId: string,
	name: string,
	itemIndex?: number,
	fields = TEMPLATE_FIELDS,
): Promise<WhatsAppTemplate[]> {
	const rows = await graphPaginate(ctx, layer, { method: 'GET', path: `${wabaId}/message_templates`, qs: { name, fields }, itemIndex }, { returnAll: true, pageSize: 100 });
	return (rows as unknown as WhatsAppTemplate[]).filter((t) => t.name === name);
}

/** Picks the translation to send, refusing what Meta would refuse with 132001 (missing language, not approved). */
export function chooseTranslation(node: INode, translations: WhatsAppTemplate[], name: string, language: string, itemIndex: number): WhatsAppTemplate {
	if (!translations.length) {
		throw new NodeOperationError(node, `The template "${name}" does not exist in this WhatsApp Business Account`, {
			itemIndex,
			description: 'Pick the template from the list in "Template", or check its name in WhatsApp Manager.',
		});
	}
	const chosen = translations.find((t) => t.language === language);
	if (!chosen) {
		throw new NodeOperationError(node, `The template "${name}" has no "${language}" translation (field "Language")`, {
			itemIndex,
			description: `It exists in: ${translations.map((t) => `${t.language} (${t.status})`).join(', ')}. Pick one of those languages.`,
		});
	}
	if (chosen.status !== 'APPROVED') {
		throw new NodeOperationError(node, `The template "${name}" (${language}) is ${chosen.status}, not approved, so it cannot be sent`, {
			itemIndex,
			description:
				chosen.status === 'PAUSED'
					? 'Meta paused it for low quality: wait until it is active again or use another template.'
					: 'Only approved templates can be sent: wait for Meta to approve it, or pick an approved template.',
		});
	}
	return chosen;
}
