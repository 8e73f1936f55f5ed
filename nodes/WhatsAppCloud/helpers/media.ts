import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { graphRequest, type GraphLayerOptions } from '../../shared/request';
import { multipartBody } from '../../shared/multipart';
import { urlKindMismatch, type MediaKind, type MediaResolver } from './templateMessage';

export type MediaSource = 'url' | 'id' | 'binary';

/** Which MIME types fit a media kind (reference §5.1). */
function mimeFits(kind: MediaKind, mime: string): boolean {
	if (kind === 'sticker') return mime === 'image/webp';
	if (kind === 'image') return mime === 'image/jpeg' || mime === 'image/png';
	if (kind === 'video' || kind === 'audio') return mime.startsWith(`${kind}/`);
	return !/^(image|video|audio)\//.test(mime);
}

/** Uploads an item's binary data to the phone number and returns the media id. */
export async function uploadBinary(
	ctx: IExecuteFunctions,
	layer: GraphLayerOptions,
	phoneNumberId: string,
	itemIndex: number,
	binaryField: string,
	expected?: { kind: MediaKind; field: string },
): Promise<string> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, binaryField);
	const mime = String(binary.mimeType || 'application/octet-stream').split(';')[0].trim().toLowerCase();
	if (expected && !mimeFits(expected.kind, mime)) {
		throw new NodeOperationError(ctx.getNode(), `The binary field "${binaryField}" holds ${mime}, which is not a ${expected.kind} (field "${expected.field}")`, {
			itemIndex,
			description: `This needs a ${expected.kind}${expected.kind === 'image' ? ' (JPEG or PNG)' : expected.kind === 'sticker' ? ' (WebP)' : ''}: pass a file of that kind.`,
		});
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryField);
	const { body, contentType } = multipartBody({ messaging_product: 'whatsapp', type: mime }, [
		{ field: 'file', data, filename: binary.fileName || `upload.${binary.fileExtension || 'bin'}`, contentType: mime },
	]);
	const response = await graphRequest<IDataObject>(ctx, layer, {
		method: 'POST',
		path: `${phoneNumberId}/media`,
		binary: body,
		headers: { 'content-type': contentType },
		idempotent: false,
		itemIndex,
	});
	return String(response.body.id);
}

/** `{link}` / `{id}` for a media value, per source; binary data is uploaded first. */
export function mediaResolver(ctx: IExecuteFunctions, layer: GraphLayerOptions, phoneNumberId: string, source: MediaSource, itemIndex: number): MediaResolver {
	return async (kind, value, field) => {
		const node = ctx.getNode();
		if (!value) throw new NodeOperationError(node, `"${field}" is empty`, { itemIndex });
		if (source === 'binary') return { id: await uploadBinary(ctx, layer, phoneNumberId, itemIndex, value, { kind, field }) };
		if (source === 'id') {
			if (!/^\d+$/.test(value)) throw new NodeOperationError(node, `"${field}" should be a WhatsApp media ID (digits), got "${value}"`, { itemIndex });
			return { id: value };
		}
		if (!/^https?:\/\/\S+$/i.test(value)) {
			throw new NodeOperationError(node, `"${field}" should be a public http(s) URL, got "${value}"`, {
				itemIndex,
				description: 'Or change the media source to "Media ID" or "Binary Data".',
			});
		}
		const other = urlKindMismatch(value, kind);
		if (other) {
			throw new NodeOperationError(node, `"${field}" points to a ${other} file, but this needs a ${kind}`, {
				itemIndex,
				description: `The template's header is a ${kind} header: give a ${kind} URL, or pick a template with a ${other} header.`,
			});
		}
		return { link: value };
	};
}
