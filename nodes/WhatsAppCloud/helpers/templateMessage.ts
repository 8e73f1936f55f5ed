import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { placeholders, templateVariables, type TemplateVariable, type WhatsAppTemplate } from './template';

export type MediaKind = 'image' | 'video' | 'document' | 'audio' | 'sticker';

/** Turns a header media value (URL, media id or binary field name) into `{link}` or `{id}`, uploading binary data. */
export type MediaResolver = (kind: MediaKind, value: string, field: string) => Promise<IDataObject>;

/** Meta refuses a hydrated body longer than this with 132005 (reference §5.7). */
const MAX_BODY_LENGTH = 1024;

const EXTENSION_KIND: Record<string, MediaKind> = {
	jpg: 'image',
	jpeg: 'image',
	png: 'image',
	webp: 'image',
	mp4: 'video',
	'3gp': 'video',
	pdf: 'document',
	doc: 'document',
	docx: 'document',
	xls: 'document',
	xlsx: 'document',
	ppt: 'document',
	pptx: 'document',
	txt: 'document',
};

function headerKind(format: string): MediaKind {
	return format === 'IMAGE' ? 'image' : format === 'DOCUMENT' ? 'document' : 'video';
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** A URL whose extension names another media kind than the template's header (e.g. a .jpg for a DOCUMENT header). */
export function urlKindMismatch(url: string, kind: MediaKind): MediaKind | undefined {
	const match = /\.([a-z0-9]+)(?:$|[?#])/i.exec(url.split('?')[0]);
	const found = match ? EXTENSION_KIND[match[1].toLowerCase()] : undefined;
	if (kind === 'sticker' && found === 'image') return undefined;
	return found && found !== kind ? found : undefined;
}

function checkValues(node: INode, template: WhatsAppTemplate, variables: TemplateVariable[], values: IDataObject, itemIndex: number): void {
	const known = new Set(variables.map((v) => v.id));
	const extra = Object.keys(values).filter((key) => !known.has(key) && !isEmpty(values[key]));
	if (extra.length) {
		throw new NodeOperationError(node, `"${extra.join('", "')}" ${extra.length === 1 ? 'is not a variable' : 'are not variables'} of the template "${template.name}" (${template.language})`, {
			itemIndex,
			description: `The template's variables are: ${variables.map((v) => v.displayName).join(', ') || 'none'}. Refresh "Template Variables" (the template may have changed) and remove the extra field.`,
		});
	}
	const missing = variables.filter((v) => v.required && isEmpty(values[v.id]));
	if (missing.length) {
		throw new NodeOperationError(node, `The template variable "${missing[0].displayName}" is empty`, {
			itemIndex,
			description: `Map a value to ${missing.map((v) => `"${v.displayName}"`).join(', ')} in "Template Variables": the template "${template.name}" needs ${missing.length === 1 ? 'it' : 'them'}.`,
		});
	}
}

function locationValue(node: INode, values: IDataObject, itemIndex: number): IDataObject {
	const latitude = Number(values.header_location_latitude);
	const longitude = Number(values.header_location_longitude);
	if (!Number.isFinite(latitude) || Math.abs(latitude) > 90 || !Number.isFinite(longitude) || Math.abs(longitude) > 180) {
		throw new NodeOperationError(node, `The header location ${String(values.header_location_latitude)}, ${String(values.header_location_longitude)} is not on the map`, {
			itemIndex,
			description: '"Header Location Latitude" is -90 to 90 and "Header Location Longitude" -180 to 180.',
		});
	}
	const location: IDataObject = { latitude, longitude };
	if (!isEmpty(values.header_location_name)) location.name = String(values.header_location_name);
	if (!isEmpty(values.header_location_address)) location.address = String(values.header_location_address);
	return location;
}

function textParameter(named: boolean, name: string, value: unknown): IDataObject {
	return { type: 'text', ...(named ? { parameter_name: name } : {}), text: String(value) };
}

/**
 * The `components` of a template message, built from the template's own components and the mapped values, after
 * the checks Meta would otherwise answer with 132000/132012/132005: every variable filled, nothing extra, the header
 * media of the template's kind, the body not too long once filled in.
 */
export async function buildTemplateComponents(
	node: INode,
	template: WhatsAppTemplate,
	values: IDataObject,
	resolveMedia: MediaResolver,
	itemIndex: number,
): Promise<IDataObject[]> {
	const variables = templateVariables(template);
	checkValues(node, template, variables, values, itemIndex);
	const named = String(template.parameter_format ?? 'POSITIONAL').toUpperCase() === 'NAMED';
	const components: IDataObject[] = [];

	const headerText = variables.filter((v) => v.kind === 'headerText');
	const headerMedia = variables.find((v) => v.kind === 'headerMedia');
	if (headerText.length) components.push({ type: 'header', parameters: headerText.map((v) => textParameter(named, v.name as string, values[v.id])) });
	if (headerMedia) {
		const kind = headerKind(headerMedia.format as string);
		const media = await resolveMedia(kind, String(values[headerMedia.id]).trim(), headerMedia.displayName);
		const filename = values.header_filename;
		if (kind === 'document' && !isEmpty(filename)) media.filename = String(filename);
		components.push({ type: 'header', parameters: [{ type: kind, [kind]: media }] });
	}

	const location = variables.filter((v) => v.kind === 'headerLocation');
	if (location.length) components.push({ type: 'header', parameters: [{ type: 'location', location: locationValue(node, values, itemIndex) }] });

	const body = variables.filter((v) => v.kind === 'body');
	if (body.length) {
		const bodyText = String((template.components ?? []).find((c) => String(c.type).toUpperCase() === 'BODY')?.text ?? '');
		const filled = bodyText.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (_m, name: string) => String(values[`body_${name}`] ?? ''));
		if (filled.length > MAX_BODY_LENGTH) {
			throw new NodeOperationError(node, `The template body is ${filled.length} characters long once filled in; WhatsApp allows ${MAX_BODY_LENGTH}`, {
				itemIndex,
				description: 'Shorten the values mapped to the body variables.',
			});
		}
		const order = placeholders(bodyText);
		components.push({ type: 'body', parameters: order.map((name) => textParameter(named, name, values[`body_${name}`])) });
	}

	for (const v of variables.filter((x) => x.kind.startsWith('button'))) {
		const value = values[v.id];
		if (isEmpty(value)) continue;
		const index = String(v.index);
		if (v.kind === 'buttonUrl') components.push({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: String(value) }] });
		if (v.kind === 'buttonPayload') components.push({ type: 'button', sub_type: 'quick_reply', index, parameters: [{ type: 'payload', payload: String(value) }] });
		if (v.kind === 'buttonCoupon') components.push({ type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: String(value) }] });
	}
	return components;
}
