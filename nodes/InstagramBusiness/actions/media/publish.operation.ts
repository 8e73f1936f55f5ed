import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { createContainer } from '../../helpers/api';
import { accountIdOf, instagramCall, type InstagramCall } from '../../helpers/context';
import { buildPostPlan, type PostPlan } from '../../helpers/postPlan';
import { scopedToPostType } from '../../helpers/postOptions';
import { quotaReachedError, readPublishingQuota } from '../../helpers/quota';
import { passOn } from '../../helpers/errors';
import { publishContainerSafely, publishedJson, type PostSignature } from '../../helpers/safePublish';
import { SKIP_DONE_IN_EARLIER_EXECUTIONS, skipDoneWritesOption } from '../../../shared/descriptions/skipDoneWrites';
import { bytesDigest, notRepeatedError, settleFailedWrite, writeLedger } from '../../../shared/idempotency';
import type { ProcessingKind } from '../../helpers/processingHistory';
import { createUploadedContainer } from '../../helpers/upload';
import { waitForContainers, waitOptionsOf } from '../../helpers/waitForContainers';
import { accountLocator, retryWaitOption, waitOptions } from '../common';

const show = { resource: ['media'], operation: ['publish'] };

export const description: INodeProperties[] = [
	accountLocator('media', ['publish']),
	{
		displayName: 'Post Type',
		name: 'postType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Carousel', value: 'carousel', description: '2 to 10 photos and videos in one post' },
			{ name: 'Image', value: 'image', description: 'A single photo in the feed (JPEG)' },
			{ name: 'Reel', value: 'reel', description: 'A video (MP4 or MOV, 3 s to 15 min)' },
			{ name: 'Story (Image)', value: 'storyImage', description: 'A photo that disappears after 24 hours' },
			{ name: 'Story (Video)', value: 'storyVideo', description: 'A video (3 to 60 s) that disappears after 24 hours' },
		],
		default: 'image',
		displayOptions: { show },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		description: 'Public URL of a JPEG that Meta can download (no login, max 8 MB)',
		displayOptions: { show: { ...show, postType: ['image', 'storyImage'] } },
	},
	{
		displayName: 'Video Source',
		name: 'videoSource',
		type: 'options',
		options: [
			{ name: 'Public URL', value: 'url', description: 'Meta downloads the video from a URL' },
			{ name: 'Binary File', value: 'binary', description: 'Upload a video from an earlier node (Facebook Login only)' },
		],
		default: 'url',
		description: 'Whether Meta downloads the video from a public URL or the node uploads it from a binary field',
		displayOptions: { show: { ...show, postType: ['reel', 'storyVideo'] } },
	},
	{
		displayName: 'Video URL',
		name: 'videoUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/clip.mp4',
		description: 'A public http(s) link to the MP4 or MOV file; Meta downloads it from there',
		displayOptions: { show: { ...show, postType: ['reel', 'storyVideo'], videoSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field of the input item that holds the video',
		displayOptions: { show: { ...show, postType: ['reel', 'storyVideo'], videoSource: ['binary'] } },
	},
	{
		displayName: 'Carousel Items',
		name: 'carouselItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Item',
		description: '2 to 10 images and videos, in the order they are shown',
		displayOptions: { show: { ...show, postType: ['carousel'] } },
		options: [
			{
				displayName: 'Item',
				name: 'items',
				values: [
					{
						displayName: 'Media Type',
						name: 'mediaType',
						type: 'options',
						options: [
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
						],
						default: 'image',
						description: 'Whether this carousel item is an image or a video',
					},
					{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Public URL Meta can download' },
					{ displayName: 'Alt Text', name: 'altText', type: 'string', default: '', description: 'Description for screen readers (images only)' },
				],
			},
		],
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Up to 2,200 characters, 30 hashtags and 20 @-mentions',
		displayOptions: { show: { ...show, postType: ['image', 'reel', 'carousel'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: scopedToPostType([
			{ displayName: 'Alt Text', name: 'altText', type: 'string', default: '', description: 'Image posts: description for screen readers (max 1,000 characters)' },
			{ displayName: 'Audio Name', name: 'audioName', type: 'string', default: '', description: 'Reels: name of the reel’s original audio' },
			{
				displayName: 'Check Quota First',
				name: 'checkQuotaFirst',
				type: 'boolean',
				default: false,
				description: 'Whether to read the 24-hour publishing quota before creating anything, and stop with a quota error if it is used up',
			},
			{ displayName: 'Collaborators', name: 'collaborators', type: 'string', default: '', placeholder: 'jane, joe', description: 'Up to 3 usernames invited as collaborators (not stories)' },
			{ displayName: 'Cover URL', name: 'coverUrl', type: 'string', default: '', description: 'Reels: public URL of a JPEG cover image (wins over Thumbnail Offset)' },
			{
				displayName: 'Learn Processing Time',
				name: 'learnProcessingTime',
				type: 'boolean',
				default: true,
				description:
					'Whether to time how long Meta takes for each kind of media and check around that time for the next ones (fewer status checks and a quicker publish when posts are alike)',
			},
			{ displayName: 'Location ID', name: 'locationId', type: 'string', default: '', description: 'ID of a Facebook Page with a location (not stories)' },
			{ displayName: 'Share to Feed', name: 'shareToFeed', type: 'boolean', default: true, description: 'Whether the reel also appears in the profile grid' },
			skipDoneWritesOption('post'),
			{ displayName: 'Thumbnail Offset (Ms)', name: 'thumbOffset', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Reels: the frame used as cover, in milliseconds from the start' },
			{
				displayName: 'User Tags',
				name: 'userTags',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Tag',
				description: 'People to tag; on images X and Y say where (0.0–1.0 from the left/top)',
				options: [
					{
						displayName: 'Tag',
						name: 'tag',
						values: [
							{ displayName: 'Username', name: 'username', type: 'string', default: '', description: 'The Instagram username to tag, without the @' },
							{ displayName: 'X', name: 'x', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0.5, description: 'Where the tag sits across the image, from 0 (left edge) to 1 (right edge)' },
							{ displayName: 'Y', name: 'y', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0.5, description: 'Where the tag sits down the image, from 0 (top edge) to 1 (bottom edge)' },
						],
					},
				],
			},
			{
				displayName: 'Wait and Publish',
				name: 'waitAndPublish',
				type: 'boolean',
				default: true,
				description: 'Whether to wait until Meta has processed the media and publish it; when off, the container ID is returned for Publish Container',
			},
			...waitOptions,
			retryWaitOption,
		]),
	},
];

function processingKindOf(plan: PostPlan): ProcessingKind {
	if (plan.postType === 'carousel') return 'carousel';
	return plan.main.image_url ? 'image' : 'video';
}

/** Creates the containers of a post: carousel children first (all FINISHED before the parent), then the main one. */
async function createPostContainers(call: InstagramCall, accountId: string, plan: PostPlan) {
	const wait = waitOptionsOf(call);
	let statusChecks = 0;
	const childIds: string[] = [];
	for (const child of plan.children) childIds.push((await createContainer(call, accountId, child)).id);
	if (childIds.length) statusChecks += (await waitForContainers(call, childIds, wait)).statusChecks;
	const main: IDataObject = childIds.length ? { ...plan.main, children: childIds.join(',') } : plan.main;
	const container = plan.video ? await createUploadedContainer(call, accountId, main, plan.video) : await createContainer(call, accountId, main);
	return { containerId: container.id, childIds, statusChecks };
}

/** How the post reads back once published, to recognise it if Meta's answer to the publish is lost. */
function signatureOf(plan: PostPlan): PostSignature {
	const caption = typeof plan.main.caption === 'string' && plan.main.caption ? plan.main.caption : null;
	switch (plan.postType) {
		case 'carousel':
			return { caption, mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' };
		case 'reel':
			return { caption, mediaType: 'VIDEO', productType: 'REELS' };
		case 'story':
			return { caption: null, mediaType: plan.main.image_url ? 'IMAGE' : 'VIDEO', productType: 'STORY' };
		default:
			return { caption, mediaType: 'IMAGE', productType: 'FEED' };
	}
}

/** Creates, waits for and publishes one post. */
async function publishPost(call: InstagramCall, accountId: string, plan: PostPlan): Promise<IDataObject> {
	const started = Date.now();
	const created = await createPostContainers(call, accountId, plan);
	const containers = { containerId: created.containerId, childContainerIds: created.childIds };
	const wait = waitOptionsOf(call);
	const ready = await waitForContainers(call, [created.containerId], wait, processingKindOf(plan));
	const waitedMs = Date.now() - started;
	const outcome = await publishContainerSafely(call, accountId, created.containerId, plan.edge, wait, signatureOf(plan));
	return await publishedJson(call, outcome, {
		postType: plan.postType,
		...containers,
		waitedMs,
		statusChecks: created.statusChecks + ready.statusChecks + outcome.extraStatusChecks,
	});
}

/**
 * Publishes one item's post exactly once: a post that an earlier try (Retry On Fail) or a retried execution already
 * published is returned, not published again; one whose outcome was unknown is reported, never repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const call = await instagramCall(this, itemIndex);
	const accountId = accountIdOf(call);
	const plan = await buildPostPlan(call);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.waitAndPublish === false) {
		// Containers only: nothing is posted, and a container created twice just expires unused.
		const created = await createPostContainers(call, accountId, plan);
		const json = { published: false, postType: plan.postType, containerId: created.containerId, childContainerIds: created.childIds, statusChecks: created.statusChecks };
		return [{ json, pairedItem: { item: itemIndex } }];
	}
	const ledger = writeLedger(this);
	const intent = ledger.intent(itemIndex, 'instagram.publish', { accountId, plan: { ...plan, video: bytesDigest(plan.video) } }, options[SKIP_DONE_IN_EARLIER_EXECUTIONS] === true);
	const earlier = await ledger.begin(intent);
	if (earlier.state === 'done') {
		return [{ json: earlier.earlierExecution ? { ...earlier.result, alreadyPublished: true } : earlier.result, pairedItem: { item: itemIndex } }];
	}
	if (earlier.state === 'unknown') throw notRepeatedError(this, itemIndex, earlier.reason);
	try {
		if (options.checkQuotaFirst) {
			const quota = await readPublishingQuota(call, accountId);
			if (quota.remaining === 0) throw await quotaReachedError(call, accountId);
		}
		const json = await publishPost(call, accountId, plan);
		await ledger.succeeded(intent, json);
		return [{ json, pairedItem: { item: itemIndex } }];
	} catch (error) {
		await settleFailedWrite(ledger, intent, error);
		throw passOn(call, error);
	}
}
