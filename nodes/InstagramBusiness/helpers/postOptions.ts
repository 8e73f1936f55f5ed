import type { INodeProperties } from 'n8n-workflow';
import { OPTION_SCOPE, type PostType } from './postPlan';

/** The Post Type values of the Publish operation for each kind of post. */
const POST_TYPE_VALUES: Record<PostType, string[]> = {
	image: ['image'],
	reel: ['reel'],
	carousel: ['carousel'],
	story: ['storyImage', 'storyVideo'],
};

/**
 * Shows each publishing option only for the post types Instagram accepts it on (OPTION_SCOPE, the same table the
 * run-time check uses). n8n drops a hidden option's stored value when it loads a workflow, so a saved workflow that
 * held one (it was refused at run time before) now runs without it.
 */
export function scopedToPostType(options: INodeProperties[]): INodeProperties[] {
	return options.map((option) => {
		const scope = OPTION_SCOPE[option.name];
		if (!scope) return option;
		const postTypes = scope.types.flatMap((type) => POST_TYPE_VALUES[type]);
		return { ...option, displayOptions: { show: { '/postType': postTypes } } };
	});
}
