import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readMedia } from '../../helpers/api';
import { graphIdOf, instagramCall } from '../../helpers/context';
import { asItems, checkMetrics, metricItems, readInsights, readMetricList, readOtherMetrics, refuseRetired, simplifiedRows } from '../../helpers/insights';
import { GROUP_LABEL, MEDIA_METRICS, mediaGroupOf, metricOptions, retiredMediaMetricsFor, type MediaGroup } from '../../helpers/insightMetrics';
import { resolveConnection } from '../../../shared/connection';
import { metaNodeApiError, localMetaError } from '../../../shared/errors/toNodeError';
import { accountLocator, mediaLocator, optionsCollection } from '../common';
import { otherMetricsProperty, showFor, simplifyProperty } from './shared';

const OPERATION = 'getMediaInsights';
const ALL_MEDIA_METRICS = [...new Set(Object.values(MEDIA_METRICS).flat())];

export const description: INodeProperties[] = [
	{ ...accountLocator('insights', [OPERATION]), required: false, description: 'Only used to list media to pick from' },
	storiesTooPicker(mediaLocator('insights', [OPERATION])),
	{
		displayName: 'Metrics',
		name: 'metricSelection',
		type: 'options',
		default: 'all',
		displayOptions: showFor([OPERATION]),
		options: [
			{ name: 'All for the Media Type', value: 'all', description: 'Every metric Meta offers for this kind of media' },
			{ name: 'Chosen Metrics', value: 'chosen' },
		],
		description: 'Which metrics to get: every metric Meta offers for the kind of media, or only those chosen below',
	},
	{
		displayName: 'Chosen Metrics',
		name: 'mediaMetrics',
		type: 'multiOptions',
		default: ['reach', 'views', 'total_interactions'],
		displayOptions: showFor([OPERATION], { metricSelection: ['chosen'] }),
		options: metricOptions(ALL_MEDIA_METRICS),
		description:
			'Posts and carousels: comments, follows, likes, profile activity and visits, reach, saved, shares, total interactions, views. Reels: comments, likes, reach, saved, shares, total interactions, views, watch times. Stories: follows, navigation, profile activity and visits, reach, replies, shares, total interactions, views.',
	},
	otherMetricsProperty(OPERATION),
	simplifyProperty(OPERATION, 'Whether to return one row for the media with a column per metric, instead of one item per metric'),
	optionsCollection('insights', [OPERATION]),
];

/** The media picker listing the account's current stories as well. */
function storiesTooPicker(locator: INodeProperties): INodeProperties {
	const modes = (locator.modes ?? []).map((mode) => (mode.name === 'list' ? { ...mode, typeOptions: { ...mode.typeOptions, searchListMethod: 'searchMediaAndStories' } } : mode));
	return { ...locator, modes, description: 'A post, reel, story or carousel of the account: pick it (current stories first), or map its ID' };
}

/** The media's type, read first: which metrics Meta serves depends on it. */
const MEDIA_TYPE_FIELDS = 'id,media_type,media_product_type,timestamp,permalink';

function unsupportedError(ctx: IExecuteFunctions, itemIndex: number, metrics: string[], group: MediaGroup): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Chosen Metrics: Meta does not offer ${metrics.join(', ')} for ${GROUP_LABEL[group]}`, {
		itemIndex,
		description: `For ${GROUP_LABEL[group]} Meta offers ${MEDIA_METRICS[group].join(', ')}. Remove the others, or choose "All for the Media Type".`,
	});
}

/** Meta's own refusals explained for this operation: too few viewers, and metrics not served for this media type. */
function explained(ctx: IExecuteFunctions, itemIndex: number, error: unknown, group: MediaGroup): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const meta = (error.context?.metaError ?? {}) as IDataObject;
	const description = error.description ?? '';
	if (meta.code === 10 && /not enough viewers/i.test(description)) {
		return metaNodeApiError(
			ctx.getNode(),
			localMetaError('fix_configuration', 'Instagram shows no insights for this media because too few people have seen it; try again once more people have viewed it.', {
				title: 'Not enough viewers',
				code: 10,
			}),
			{ itemIndex },
		);
	}
	if (meta.code === 100 && /metric/i.test(description)) {
		error.description = `${description} Meta offers for ${GROUP_LABEL[group]}: ${MEDIA_METRICS[group].join(', ')}.`;
	}
	return error;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const selection = this.getNodeParameter('metricSelection', itemIndex, 'all') as string;
	const chosen = selection === 'chosen' ? readMetricList(this, 'mediaMetrics', 'Chosen Metrics', itemIndex) : [];
	const other = readOtherMetrics(this, itemIndex);
	const call = await instagramCall(this, itemIndex);
	const retired = retiredMediaMetricsFor((await resolveConnection(this, call.layer.credentialType)).version);
	if (selection === 'chosen') checkMetrics(this, itemIndex, [...chosen, ...other], retired, 'Chosen Metrics');
	else refuseRetired(this, itemIndex, other, retired);
	const mediaId = graphIdOf(call, 'media', 'Media');
	const media = await readMedia(call, mediaId, MEDIA_TYPE_FIELDS);
	const group = mediaGroupOf(media.media_product_type);
	const unsupported = chosen.map((m) => m.name).filter((name) => !MEDIA_METRICS[group].includes(name));
	if (unsupported.length) throw unsupportedError(this, itemIndex, unsupported, group);
	const metrics = [...new Set([...(selection === 'chosen' ? chosen.map((m) => m.name) : MEDIA_METRICS[group]), ...other.map((m) => m.name)])];
	let rows;
	try {
		rows = await readInsights(call, mediaId, { metric: metrics.join(',') });
	} catch (error) {
		throw explained(this, itemIndex, error, group);
	}
	const base: IDataObject = {
		mediaId,
		mediaType: media.media_type ?? null,
		mediaProductType: media.media_product_type ?? null,
		timestamp: media.timestamp ?? null,
		permalink: media.permalink ?? null,
	};
	const items = metricItems(rows, metrics, base);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return asItems(simplify ? simplifiedRows(items, base) : items, itemIndex);
}
