import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { localMetaError, metaNodeApiError } from './errors/toNodeError';
import { textValue } from './parameters';

/**
 * The Send API rules Instagram Direct and Messenger share (reference §3.2, §3.3; Messenger's quick-replies page):
 * quick replies, the 24-hour window and the HUMAN_AGENT tag for a person answering up to 7 days later.
 */
export const QUICK_REPLIES_MAX = 13;
export const QUICK_REPLY_TITLE_MAX = 20;

export const humanAgentOption: INodeProperties = {
	displayName: 'Human Agent',
	name: 'humanAgent',
	type: 'boolean',
	default: false,
	description:
		'Whether a person (not an automation) is answering: sends with the HUMAN_AGENT tag, allowed up to 7 days after the person’s last message. Only for Meta apps with the Human Agent feature approved in App Review (most apps do not have it); Meta refuses the tag otherwise.',
};

/** The quick-reply buttons field, shown for `show`. */
export function quickRepliesProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Quick Replies',
		name: 'quickReplies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Quick Reply',
		description: 'Up to 13 buttons the person can tap to answer (shown on phones)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Quick Reply',
				name: 'reply',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Button text, at most 20 characters' },
					{ displayName: 'Payload', name: 'payload', type: 'string', default: '', description: 'Sent back to your webhook when tapped' },
				],
			},
		],
	};
}

/** The quick replies of one item, checked before any call; `app` names the app in errors (Instagram, Messenger). */
export function quickRepliesOf(ctx: IExecuteFunctions, itemIndex: number, app: string): IDataObject[] | undefined {
	const replies = ((ctx.getNodeParameter('quickReplies', itemIndex, {}) as IDataObject).reply ?? []) as IDataObject[];
	if (!replies.length) return undefined;
	const node = ctx.getNode();
	const refuse = (message: string) => new NodeOperationError(node, message, { itemIndex });
	if (replies.length > QUICK_REPLIES_MAX) throw refuse(`Quick Replies has ${replies.length} buttons: ${app} shows at most ${QUICK_REPLIES_MAX}; remove ${replies.length - QUICK_REPLIES_MAX}`);
	return replies.map((reply, index) => {
		const title = textValue(node, reply.title, `Quick reply ${index + 1} title`, itemIndex, { required: false }).trim();
		if (!title) throw refuse(`Quick reply ${index + 1} has no title: enter the button text`);
		if ([...title].length > QUICK_REPLY_TITLE_MAX) throw refuse(`Quick reply title "${title}" is ${[...title].length} characters: at most ${QUICK_REPLY_TITLE_MAX} (${app} would cut it)`);
		return { content_type: 'text', title, payload: textValue(node, reply.payload, `Quick reply ${index + 1} payload`, itemIndex, { required: false }) || title };
	});
}

/** RESPONSE inside the window; the HUMAN_AGENT tag when the Human Agent option is on (reference §3.3). */
export function taggingOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const humanAgent = ctx.getNodeParameter('options.humanAgent', itemIndex, false) as boolean;
	return humanAgent ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
}

const HUMAN_AGENT_REFUSED =
	'Meta refused the Human Agent tag: this Meta app does not have the Human Agent feature. Request it in the app dashboard (App Review → Permissions and Features → Human Agent) and send again once it is approved, or turn the Human Agent option off and reply within 24 hours of the person’s last message.';

/**
 * What a refused send means for the user. A HUMAN_AGENT send refused for permission (code 10 or 200–299, not one
 * of `ownSubcodes`, e.g. the window's) is the missing Human Agent feature; a window refusal gets `windowHelp` added.
 */
export function explainSendRefusal(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	error: unknown,
	rules: { windowSubcodes: number[]; ownSubcodes: number[]; windowHelp: string },
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const meta = (error.context?.metaError ?? {}) as IDataObject;
	const code = Number(meta.code);
	const subcode = Number(meta.subcode);
	const permission = (code === 10 || (code >= 200 && code <= 299)) && !rules.windowSubcodes.includes(subcode) && !rules.ownSubcodes.includes(subcode);
	if (body.tag === 'HUMAN_AGENT' && permission) {
		const classified = localMetaError('fix_configuration', HUMAN_AGENT_REFUSED, { code, title: 'Human Agent feature not approved' });
		const metaWords = (error.errorResponse as IDataObject | undefined)?.meta_message;
		return metaNodeApiError(ctx.getNode(), classified, { itemIndex, extra: metaWords ? `Meta said: ${String(metaWords)}` : undefined });
	}
	if (rules.windowSubcodes.includes(subcode)) error.description = `${error.description ?? ''} ${rules.windowHelp}`.trim();
	return error;
}
