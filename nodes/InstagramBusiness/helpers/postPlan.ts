import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { InstagramCall } from './context';
import {
	ALT_TEXT_MAX_CHARACTERS,
	MAX_COLLABORATORS,
	validateCaption,
	validateCarouselSize,
	validateMediaUrl,
} from './validation';
import { readOptionalText, readText, readUrl, textValue } from '../../shared/parameters';

export type PostType = 'image' | 'reel' | 'carousel' | 'story';

/** What to create on Meta for one post: child containers (carousel), the main container, an optional upload. */
export interface PostPlan {
	postType: PostType;
	/** Where the published post is listed: stories are not in /media. */
	edge: 'media' | 'stories';
	children: IDataObject[];
	main: IDataObject;
	video?: Buffer;
}

interface CarouselItem {
	mediaType?: 'image' | 'video';
	url?: string;
	altText?: string;
}

/** Options that only some post types take (reference §2.2), with the types that take them. */
export const OPTION_SCOPE: Record<string, { label: string; types: PostType[] }> = {
	altText: { label: 'Alt Text', types: ['image'] },
	locationId: { label: 'Location ID', types: ['image', 'reel', 'carousel'] },
	userTags: { label: 'User Tags', types: ['image', 'reel', 'story'] },
	collaborators: { label: 'Collaborators', types: ['image', 'reel', 'carousel'] },
	coverUrl: { label: 'Cover URL', types: ['reel'] },
	thumbOffset: { label: 'Thumbnail Offset', types: ['reel'] },
	shareToFeed: { label: 'Share to Feed', types: ['reel'] },
	audioName: { label: 'Audio Name', types: ['reel'] },
};

function refuse(call: InstagramCall, message: string): never {
	throw new NodeOperationError(call.ctx.getNode(), message, { itemIndex: call.itemIndex });
}

function checkOptionScope(call: InstagramCall, postType: PostType, options: IDataObject): void {
	for (const [key, scope] of Object.entries(OPTION_SCOPE)) {
		const value = options[key];
		const given = value !== undefined && value !== '' && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);
		if (given && !scope.types.includes(postType)) {
			refuse(call, `${scope.label} does not apply to a ${postType} post: Instagram accepts it for ${scope.types.join(', ')} posts only; remove it from Options`);
		}
	}
}

function userTagsOf(call: InstagramCall, options: IDataObject, needsPosition: boolean): IDataObject[] | undefined {
	const tags = ((options.userTags as IDataObject | undefined)?.tag ?? []) as IDataObject[];
	if (!tags.length) return undefined;
	return tags.map((tag, index) => {
		const username = String(tag.username ?? '').trim().replace(/^@/, '');
		if (!username) refuse(call, `User Tags: tag ${index + 1} has no username; enter the Instagram username to tag`);
		const x = tag.x === undefined || tag.x === '' ? undefined : Number(tag.x);
		const y = tag.y === undefined || tag.y === '' ? undefined : Number(tag.y);
		if (needsPosition && (x === undefined || y === undefined)) refuse(call, `User Tags: tag @${username} needs X and Y on an image (0.0 = left/top, 1.0 = right/bottom)`);
		for (const [axis, v] of [['X', x], ['Y', y]] as const) {
			if (v !== undefined && !(v >= 0 && v <= 1)) refuse(call, `User Tags: ${axis} of @${username} is ${v}; use a number from 0.0 to 1.0`);
		}
		return { username, ...(x !== undefined ? { x } : {}), ...(y !== undefined ? { y } : {}) };
	});
}

function collaboratorsOf(call: InstagramCall, options: IDataObject): string[] | undefined {
	// A list of usernames is as good as a comma-separated text; anything else must be text.
	const given = options.collaborators;
	const listed = Array.isArray(given) && given.every((n) => typeof n === 'string') ? given.join(',') : given;
	const raw = textValue(call.ctx.getNode(), listed, 'Collaborators', call.itemIndex, { required: false }).trim();
	if (!raw) return undefined;
	const names = raw.split(/[\s,]+/).map((n) => n.replace(/^@/, '')).filter(Boolean);
	if (names.length > MAX_COLLABORATORS) refuse(call, `Collaborators lists ${names.length} accounts: a post can invite at most ${MAX_COLLABORATORS}`);
	return names;
}

function altTextOf(call: InstagramCall, text: unknown, label: string): string | undefined {
	const value = String(text ?? '').trim();
	if (!value) return undefined;
	if ([...value].length > ALT_TEXT_MAX_CHARACTERS) refuse(call, `${label} is ${[...value].length} characters long: at most ${ALT_TEXT_MAX_CHARACTERS}`);
	return value;
}

async function videoSource(call: InstagramCall): Promise<{ url?: string; bytes?: Buffer }> {
	const ctx: IExecuteFunctions = call.ctx;
	const source = ctx.getNodeParameter('videoSource', call.itemIndex, 'url') as string;
	if (source === 'url') return { url: validateMediaUrl(ctx.getNode(), 'Video URL', readUrl(ctx, 'videoUrl', call.itemIndex, 'Video URL'), call.itemIndex) };
	if (call.platform === 'instagram') {
		refuse(call, 'Video Source "Binary File" needs Facebook Login: Instagram Login accounts cannot use Meta’s resumable upload; give a public Video URL, or connect with Facebook Login');
	}
	const property = readText(ctx, 'binaryPropertyName', call.itemIndex, 'Input Binary Field').trim();
	ctx.helpers.assertBinaryData(call.itemIndex, property);
	const bytes = await ctx.helpers.getBinaryDataBuffer(call.itemIndex, property);
	if (!bytes.length) refuse(call, `Input Binary Field "${property}" is empty: pass the video file produced earlier in the workflow`);
	return { bytes };
}

/** Reads and validates the Publish parameters: every mistake is reported here, before any call to Meta. */
export async function buildPostPlan(call: InstagramCall): Promise<PostPlan> {
	const ctx = call.ctx;
	const i = call.itemIndex;
	const node = ctx.getNode();
	const chosen = ctx.getNodeParameter('postType', i) as PostType | 'storyImage' | 'storyVideo';
	const postType: PostType = chosen === 'storyImage' || chosen === 'storyVideo' ? 'story' : chosen;
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	checkOptionScope(call, postType, options);
	const caption = postType === 'story' ? '' : readOptionalText(ctx, 'caption', i, 'Caption');
	if (caption) validateCaption(node, caption, i);

	const common: IDataObject = {};
	if (caption) common.caption = caption;
	const locationId = textValue(node, options.locationId, 'Location ID', i, { required: false, acceptIntegers: true }).trim();
	if (locationId) common.location_id = locationId;
	const collaborators = collaboratorsOf(call, options);
	if (collaborators) common.collaborators = collaborators;

	if (postType === 'image') {
		const imageUrl = validateMediaUrl(node, 'Image URL', readUrl(ctx, 'imageUrl', i, 'Image URL'), i);
		const tags = userTagsOf(call, options, true);
		const altText = altTextOf(call, options.altText, 'Alt Text');
		return { postType, edge: 'media', children: [], main: { ...common, image_url: imageUrl, ...(tags ? { user_tags: tags } : {}), ...(altText ? { alt_text: altText } : {}) } };
	}

	if (postType === 'reel') {
		const { url, bytes } = await videoSource(call);
		const tags = userTagsOf(call, options, false);
		const main: IDataObject = { ...common, media_type: 'REELS', ...(url ? { video_url: url } : { upload_type: 'resumable' }) };
		if (tags) main.user_tags = tags;
		const coverUrl = textValue(node, options.coverUrl, 'Cover URL', i, { required: false });
		if (coverUrl) main.cover_url = validateMediaUrl(node, 'Cover URL', coverUrl, i);
		if (options.thumbOffset !== undefined && options.thumbOffset !== '') main.thumb_offset = Number(options.thumbOffset);
		if (options.shareToFeed !== undefined) main.share_to_feed = Boolean(options.shareToFeed);
		const audioName = textValue(node, options.audioName, 'Audio Name', i, { required: false });
		if (audioName) main.audio_name = audioName;
		return { postType, edge: 'media', children: [], main, video: bytes };
	}

	if (postType === 'story') {
		const tags = userTagsOf(call, options, false);
		const main: IDataObject = { media_type: 'STORIES', ...(tags ? { user_tags: tags } : {}) };
		if (chosen === 'storyImage') {
			main.image_url = validateMediaUrl(node, 'Image URL', readUrl(ctx, 'imageUrl', i, 'Image URL'), i);
			return { postType, edge: 'stories', children: [], main };
		}
		const { url, bytes } = await videoSource(call);
		if (url) main.video_url = url;
		else main.upload_type = 'resumable';
		return { postType, edge: 'stories', children: [], main, video: bytes };
	}

	const items = ((ctx.getNodeParameter('carouselItems', i, {}) as IDataObject).items ?? []) as CarouselItem[];
	validateCarouselSize(node, items.length, i);
	const children = items.map((item, index) => {
		const label = `Carousel item ${index + 1}`;
		const url = validateMediaUrl(node, `${label} URL`, textValue(node, item.url, `${label} URL`, i), i);
		if (item.mediaType === 'video') return { is_carousel_item: true, media_type: 'VIDEO', video_url: url };
		const altText = altTextOf(call, item.altText, `${label} Alt Text`);
		return { is_carousel_item: true, image_url: url, ...(altText ? { alt_text: altText } : {}) };
	});
	return { postType, edge: 'media', children, main: { ...common, media_type: 'CAROUSEL' } };
}
