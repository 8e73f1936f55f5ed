import { NodeOperationError, type INode } from 'n8n-workflow';

/** Instagram's caption rules (reference §2.1), checked before anything is sent to Meta. */
export const CAPTION_MAX_CHARACTERS = 2200;
export const CAPTION_MAX_HASHTAGS = 30;
export const CAPTION_MAX_MENTIONS = 20;
export const CAROUSEL_MIN_ITEMS = 2;
export const CAROUSEL_MAX_ITEMS = 10;
export const ALT_TEXT_MAX_CHARACTERS = 1000;
export const MAX_COLLABORATORS = 3;

export function validateCaption(node: INode, caption: string, itemIndex: number): void {
	const length = [...caption].length;
	if (length > CAPTION_MAX_CHARACTERS) {
		throw new NodeOperationError(node, `Caption is ${length} characters long: Instagram allows at most ${CAPTION_MAX_CHARACTERS}; shorten it by ${length - CAPTION_MAX_CHARACTERS}`, { itemIndex });
	}
	const hashtags = caption.match(/#[^\s#]+/g) ?? [];
	if (hashtags.length > CAPTION_MAX_HASHTAGS) {
		throw new NodeOperationError(node, `Caption has ${hashtags.length} hashtags: Instagram allows at most ${CAPTION_MAX_HASHTAGS}; remove ${hashtags.length - CAPTION_MAX_HASHTAGS}`, { itemIndex });
	}
	const mentions = caption.match(/@[A-Za-z0-9._]+/g) ?? [];
	if (mentions.length > CAPTION_MAX_MENTIONS) {
		throw new NodeOperationError(node, `Caption mentions ${mentions.length} accounts: Instagram allows at most ${CAPTION_MAX_MENTIONS} @-mentions; remove ${mentions.length - CAPTION_MAX_MENTIONS}`, { itemIndex });
	}
}

/** Meta downloads media itself, so it needs a public http(s) URL with ASCII characters only (reference §2.1). */
export function validateMediaUrl(node: INode, field: string, url: string, itemIndex: number): string {
	const value = url.trim();
	if (!value) throw new NodeOperationError(node, `${field} is empty: give a public URL of the file`, { itemIndex });
	let parsed: URL | undefined;
	try {
		parsed = new URL(value);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol)) {
		throw new NodeOperationError(node, `${field} "${value}" is not a web address: give a public http(s) URL Meta can download`, { itemIndex });
	}
	if (!/^[\x20-\x7e]*$/.test(value)) {
		throw new NodeOperationError(node, `${field} contains non-ASCII characters: Meta only downloads URLs with plain ASCII characters; percent-encode them`, { itemIndex });
	}
	return value;
}

export function validateCarouselSize(node: INode, count: number, itemIndex: number): void {
	if (count < CAROUSEL_MIN_ITEMS || count > CAROUSEL_MAX_ITEMS) {
		throw new NodeOperationError(node, `Carousel Items has ${count} item(s): a carousel needs ${CAROUSEL_MIN_ITEMS} to ${CAROUSEL_MAX_ITEMS} images or videos`, { itemIndex });
	}
}
