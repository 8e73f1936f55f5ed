import type { IDataObject } from 'n8n-workflow';

/** File extensions of the media types WhatsApp carries (reference §5.1), by the MIME type's base. */
const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
	'video/3gpp': '3gp',
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/ogg': 'ogg',
	'text/plain': 'txt',
	'application/pdf': 'pdf',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** `audio/ogg; codecs=opus` → `audio/ogg`: Meta adds parameters to voice notes' MIME types. */
export function mimeBase(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase();
}

/** The sender's own file name, without any folder part; empty when there is none. */
function cleanName(name: unknown): string {
	return typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '').trim() : '';
}

/**
 * The name a downloaded file gets: the one given, else the one the incoming message item carries for this media
 * (a document's `filename` in the WhatsApp Cloud Trigger's item), else `whatsapp-<media id>.<extension>`.
 */
export function mediaFileName(mediaId: string, mimeType: string, given: string, item: IDataObject): string {
	const fromItem = Object.values(item).find((value) => {
		const media = value as IDataObject | null;
		return typeof media === 'object' && media !== null && String(media.id ?? '') === mediaId && typeof media.filename === 'string';
	}) as IDataObject | undefined;
	return cleanName(given) || cleanName(fromItem?.filename) || `whatsapp-${mediaId}.${EXTENSIONS[mimeBase(mimeType)] ?? 'bin'}`;
}
