/**
 * Meta error catalog: one plain-language explanation for every Graph API error code (and
 * code/subcode pair) listed in the error tables of the shared Meta Graph reference
 * (`meta-graph-reference.md` §2.8 Instagram publishing, §3.6 Instagram messaging, §5.7 WhatsApp,
 * §6.4 Ads Insights, §7.3 BUC throttles, §9.2 common codes and the code 190 subcode table).
 *
 * Conventions used when filling the table:
 * - `retryable` is true only when repeating the *same* call automatically after a pause can
 *   succeed: transient Meta faults and short, rolling throttles (≤ about an hour). Quotas that
 *   only free up after ~24 h (Instagram daily publishing limit, WhatsApp per-user marketing cap),
 *   and faults that need the operation restarted from scratch (new Instagram upload), are
 *   `retryable: false` even though waiting or starting over may help.
 * - Where the same code appears in several tables, one code-level entry carries the generic
 *   meaning and subcode-level entries carry the specific ones (e.g. 4, 4/2207051, 4/1504022).
 * - Codes the reference only lists together with a subcode (e.g. 9004/2207052, -3/1504045) also
 *   get a code-level fallback, so an unknown subcode still finds a sensible explanation.
 * - WhatsApp template-creation errors (2388019, 2388040, …) and the Instagram beta error 2534068
 *   are listed as bare codes because that is how the reference lists them.
 * - Sentences are for no-code n8n users: one sentence, what happened and what to do, no codes
 *   (the caller appends code/subcode/fbtrace_id), never a token.
 *
 * This module must stay free of runtime imports.
 */

export type MetaErrorCategory = 'retry_later' | 'reconnect' | 'fix_configuration' | 'quota' | 'policy';

export interface MetaErrorEntry {
	/** Graph `error.code`. */
	code: number;
	/** Inclusive upper bound when the entry covers a range of codes (200–299, 80000–80014, 133000–133016). */
	codeTo?: number;
	/** `error_subcode`; omitted = entry for the code in general. */
	subcode?: number;
	/** Short name, e.g. 'Access token expired'. */
	title: string;
	category: MetaErrorCategory;
	/** True only when the same call may be repeated automatically later (transient server errors, throttles). */
	retryable: boolean;
	/** One plain sentence for a no-code n8n user: what happened and what to do. */
	sentence: string;
	/** The reference section the row comes from. */
	source: '2.8' | '3.6' | '5.7' | '6.4' | '7.3' | '9.2';
	/** A row the reference's tables do not have: the public source it rests on instead. */
	beyondReference?: string;
}

const RECONNECT = 'reconnect the Meta credential in n8n';

const ENTRIES: MetaErrorEntry[] = [
	// ───────────── §9.2 Common codes ─────────────
	{
		code: 1,
		title: 'Unknown, possibly temporary error',
		category: 'retry_later',
		retryable: true,
		sentence:
			'Meta reported an unknown error that is often temporary; wait a few minutes and run again, and if it keeps happening check that the chosen operation is available for this account.',
		source: '9.2',
	},
	{
		code: 2,
		title: 'Meta service temporarily unavailable',
		category: 'retry_later',
		retryable: true,
		sentence: "Meta's service is temporarily unavailable; wait a few minutes and run the workflow again.",
		source: '9.2',
	},
	{
		code: 3,
		title: 'Capability or permission missing',
		category: 'reconnect',
		retryable: false,
		sentence: `The Meta credential is not allowed to use this feature; ${RECONNECT} and grant every permission it asks for.`,
		source: '9.2',
	},
	{
		code: 4,
		title: 'Too many calls from the app',
		category: 'quota',
		retryable: true,
		sentence:
			'The Meta app has made too many requests recently; wait about an hour, or run the workflow less often, before trying again.',
		source: '9.2',
	},
	{
		code: 10,
		title: 'Permission denied',
		category: 'reconnect',
		retryable: false,
		sentence: `The Meta credential is missing a permission this action needs, or it was removed; ${RECONNECT} and grant every permission it asks for.`,
		source: '9.2',
	},
	{
		code: 17,
		title: 'User request limit reached',
		category: 'quota',
		retryable: true,
		sentence: 'The connected Meta user has made too many requests; wait about an hour before running the workflow again.',
		source: '9.2',
	},
	{
		code: 32,
		title: 'Page request limit reached',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many requests were made for this Page with a personal login; wait about an hour before running the workflow again.',
		source: '9.2',
	},
	{
		code: 100,
		title: 'Invalid parameter',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"Meta rejected a value in the request as missing, misspelled or not supported; check the node's fields and IDs, then run again.",
		source: '9.2',
	},
	{
		code: 100,
		subcode: 33,
		title: 'Object not found or not accessible',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The requested item does not exist, does not support this action, or the connected account cannot see it; check the ID and that the credential has access to it (a Page, Instagram account, WhatsApp account or ad account that was not shared at login: reconnect and tick it, or add it to the system user).',
		source: '9.2',
	},
	{
		code: 102,
		title: 'Login session invalid',
		category: 'reconnect',
		retryable: false,
		sentence: `The Meta login session is no longer valid; ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		title: 'Access token invalid or expired',
		category: 'reconnect',
		retryable: false,
		sentence: `The login saved in the Meta credential has expired, was revoked or is not valid; ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 458,
		title: 'App removed by the user',
		category: 'reconnect',
		retryable: false,
		sentence: `The connected account removed this app's access; ${RECONNECT} and approve the app again.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 459,
		title: 'Account checkpointed',
		category: 'reconnect',
		retryable: false,
		sentence: `Facebook has locked the connected account for a security check; log in at facebook.com to clear it, then ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 460,
		title: 'Password changed',
		category: 'reconnect',
		retryable: false,
		sentence: `The password of the connected account was changed, which ended the login; ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 463,
		title: 'Access token expired',
		category: 'reconnect',
		retryable: false,
		sentence: `The login saved in the Meta credential has expired; ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 464,
		title: 'Account not confirmed',
		category: 'reconnect',
		retryable: false,
		sentence: `The connected Facebook account has not been confirmed yet; confirm it on facebook.com, then ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 467,
		title: 'Access token invalid',
		category: 'reconnect',
		retryable: false,
		sentence: `The login saved in the Meta credential is no longer valid, for example because the user logged out; ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 190,
		subcode: 492,
		title: 'Session invalid for this Page',
		category: 'reconnect',
		retryable: false,
		sentence: `The person who connected the credential no longer has a role on this Page; give them a Page role again, then ${RECONNECT}.`,
		source: '9.2',
	},
	{
		code: 200,
		codeTo: 299,
		title: 'Permission error',
		category: 'reconnect',
		retryable: false,
		sentence: `The Meta credential lacks a permission needed for this action; ${RECONNECT} and grant every permission it asks for, or ask an admin to give the account access.`,
		source: '9.2',
	},
	{
		code: 341,
		title: 'Application limit reached',
		category: 'quota',
		retryable: true,
		sentence: 'The Meta app has reached a usage limit; wait about an hour before running the workflow again.',
		source: '9.2',
	},
	{
		code: 368,
		title: 'Temporarily blocked for policy reasons',
		category: 'policy',
		retryable: false,
		sentence:
			"Meta has temporarily blocked this action because it looks like it breaks Meta's rules; pause the workflow for a while and check the content and the account's status before trying again.",
		source: '9.2',
	},
	{
		code: 506,
		title: 'Duplicate post',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'This exact post was already published; change the text or media before posting again.',
		source: '9.2',
	},
	{
		code: 613,
		title: 'Rate limit exceeded',
		category: 'quota',
		retryable: true,
		sentence:
			'Calls to this Meta feature have gone over its rate limit; wait about an hour and run the workflow less often.',
		source: '9.2',
	},
	{
		code: 803,
		title: 'Requested IDs do not exist',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'Some of the requested IDs or names do not exist; check the IDs entered in the node.',
		source: '9.2',
	},
	{
		code: 2500,
		title: 'Request could not be understood',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"Meta could not understand the request, usually because of a wrong ID or field name or a missing login; check the node's fields and the selected credential.",
		source: '9.2',
	},
	{
		code: 1609005,
		title: 'Link could not be read',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'Meta could not read the link being posted; check that the URL is correct and publicly reachable.',
		source: '9.2',
	},
	{
		code: 80000,
		codeTo: 80014,
		title: 'Business rate limit reached',
		category: 'quota',
		retryable: true,
		sentence:
			'Meta is limiting calls for this business account because too many were made; wait until the limit clears, usually within an hour, then run again.',
		source: '9.2',
	},

	// ───────────── §7.3 Business use case (BUC) throttles ─────────────
	{
		code: 80000,
		title: 'Ads reporting rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many ad reporting requests were made for this ad account; wait until the limit clears, usually within an hour, and request less data per run.',
		source: '7.3',
	},
	{
		code: 80000,
		subcode: 2446079,
		title: 'Ads reporting rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many ad reporting requests were made for this ad account; wait until the limit clears, usually within an hour, and request less data per run.',
		source: '7.3',
	},
	{
		code: 80001,
		title: 'Page rate limit',
		category: 'quota',
		retryable: true,
		sentence: 'There have been too many calls for this Page; wait a while, usually less than an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80002,
		title: 'Instagram rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many calls were made for this Instagram account; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80003,
		title: 'Custom audience rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many custom audience requests were made for this ad account; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80003,
		subcode: 2446079,
		title: 'Custom audience rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many custom audience requests were made for this ad account; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80004,
		title: 'Ads management rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many changes were requested for this ad account; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80004,
		subcode: 2446079,
		title: 'Ads management rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many changes were requested for this ad account; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80005,
		title: 'Lead ads rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many lead form requests were made for this Page; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80006,
		title: 'Messaging rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many messaging calls were made for this Page or Instagram account; wait a few minutes, then send again more slowly.',
		source: '7.3',
	},
	{
		code: 80008,
		title: 'WhatsApp management rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many template or phone number management requests were made for this WhatsApp Business account; wait about an hour before running again.',
		source: '7.3',
	},
	{
		code: 80009,
		title: 'Catalog rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many catalog requests were made; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},
	{
		code: 80014,
		title: 'Catalog batch rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many catalog batch updates were made; wait until the limit clears, usually within an hour, then run again.',
		source: '7.3',
	},

	// ───────────── §6.4 Ads Insights ─────────────
	{
		code: 100,
		subcode: 1487534,
		title: 'Too much data requested',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The report asks for too much data at once; use a shorter date range, fewer fields or fewer breakdowns, or run it as a background report.',
		source: '6.4',
	},
	{
		code: 100,
		subcode: 1504018,
		title: 'Report timed out',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The report took too long to prepare; use a shorter date range or fewer fields, or run it as a background report.',
		source: '6.4',
	},
	{
		code: 2,
		subcode: 1504038,
		title: 'Report timed out',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The report took too long to prepare; use a shorter date range or fewer fields, or run it as a background report.',
		source: '6.4',
	},
	{
		code: 4,
		subcode: 1504022,
		title: 'Too many reporting requests',
		category: 'quota',
		retryable: true,
		sentence: 'Too many ad reporting requests are being made right now; wait a few minutes, then run again.',
		source: '6.4',
	},
	{
		code: 4,
		subcode: 1504039,
		title: 'Too many reporting requests',
		category: 'quota',
		retryable: true,
		sentence: 'Too many ad reporting requests were made; wait a few minutes, then run again.',
		source: '6.4',
	},
	{
		code: 2,
		subcode: 1504041,
		title: 'Invalid breakdowns',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The chosen breakdowns cannot be combined with these metrics; change or remove the breakdowns.',
		source: '6.4',
	},
	{
		code: 2,
		subcode: 1504042,
		title: 'Invalid custom metrics',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'One of the custom metrics in the report is not valid; check or remove the custom metrics.',
		source: '6.4',
	},
	{
		code: 2,
		subcode: 1504043,
		title: 'Intermittent reporting error',
		category: 'retry_later',
		retryable: true,
		sentence: 'Meta reporting had a brief problem; wait a minute and run again.',
		source: '6.4',
	},
	{
		code: 2,
		subcode: 1504044,
		title: 'Unknown reporting error',
		category: 'retry_later',
		retryable: true,
		sentence:
			'The report failed because of an unknown problem at Meta; wait a few minutes and run again, or run it as a background report.',
		source: '6.4',
	},
	{
		code: -2,
		subcode: 2490547,
		title: 'Background report failed',
		category: 'retry_later',
		retryable: true,
		sentence: 'Meta could not finish the background report; wait a few minutes and run it again.',
		source: '6.4',
	},
	{
		code: -3,
		title: 'Report could not be produced',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Meta could not produce the report; make it smaller with a shorter date range or fewer fields, then run again.',
		source: '6.4',
	},
	{
		code: -3,
		subcode: 1504045,
		title: 'Background report too large',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The background report is too large; split it into shorter date ranges or fewer accounts and run each part separately.',
		source: '6.4',
	},
	{
		code: 100,
		subcode: 3191001,
		title: 'No access to this ad account',
		category: 'reconnect',
		retryable: false,
		sentence: `The connected account is not allowed to read this ad account's data; ask an admin to give it access, then ${RECONNECT}.`,
		source: '6.4',
	},
	{
		code: 3018,
		title: 'Start date too far in the past',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'Ad reports can only go back 37 months; choose a later start date.',
		source: '6.4',
	},
	{
		code: 17,
		subcode: 2446079,
		title: 'Ads user rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many ad requests were made by the connected user; wait until the limit clears, usually within an hour, then run again.',
		source: '6.4',
	},

	// ───────────── §2.8 Instagram publishing ─────────────
	{
		code: -2,
		title: 'Temporary Instagram media error',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram had a temporary problem handling the media; wait a few minutes and run again.',
		source: '2.8',
	},
	{
		code: -2,
		subcode: 2207003,
		title: 'Media download timed out',
		category: 'retry_later',
		retryable: true,
		sentence:
			'Instagram timed out while downloading the media file; run again, and if it keeps happening use a smaller file or a faster host.',
		source: '2.8',
	},
	{
		code: -2,
		subcode: 2207020,
		title: 'Prepared media expired',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The uploaded media expired because it was not published within 24 hours; run the post again from the start so the media is uploaded again.',
		source: '2.8',
	},
	{
		code: -1,
		title: 'Instagram server error',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram had an internal error; wait a few minutes and run again.',
		source: '2.8',
	},
	{
		code: -1,
		subcode: 2207001,
		title: 'Instagram server error',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram had an internal error; wait a few minutes and run again.',
		source: '2.8',
	},
	{
		code: -1,
		subcode: 2207032,
		title: 'Media could not be created',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram could not create the media; wait a few minutes and run again.',
		source: '2.8',
	},
	{
		code: -1,
		subcode: 2207053,
		title: 'Video upload failed',
		category: 'retry_later',
		retryable: false,
		sentence:
			"Instagram could not process the uploaded video; run the post again from the start, and if it keeps failing check that the video meets Instagram's requirements.",
		source: '2.8',
	},
	{
		code: 1,
		subcode: 2207057,
		title: 'Thumbnail time out of range',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The time chosen for the video's thumbnail is outside the video; pick a time within the video's length.",
		source: '2.8',
	},
	{
		code: 4,
		subcode: 2207051,
		title: 'Action blocked as spam',
		category: 'policy',
		retryable: false,
		sentence:
			'Instagram blocked this action because it looks like spam or the account is restricted; pause posting for a while and check the account in the Instagram app.',
		source: '2.8',
	},
	{
		code: 9,
		title: 'Publishing limit reached',
		category: 'quota',
		retryable: false,
		sentence:
			'This Instagram account has reached a publishing limit; wait several hours before publishing again.',
		source: '2.8',
	},
	{
		code: 9,
		subcode: 2207042,
		title: 'Daily publishing limit reached',
		category: 'quota',
		retryable: false,
		sentence:
			'This Instagram account has published the maximum number of posts allowed in 24 hours; wait until earlier posts are more than 24 hours old before publishing again.',
		source: '2.8',
	},
	{
		code: 24,
		title: 'Media not found',
		category: 'fix_configuration',
		retryable: false,
		sentence: `Instagram could not find the media; run the post again from the start, and ${RECONNECT} if it keeps happening.`,
		source: '2.8',
	},
	{
		code: 24,
		subcode: 2207006,
		title: 'Media not found',
		category: 'reconnect',
		retryable: false,
		sentence: `Instagram could not find the media, usually because the credential expired or lacks a permission; ${RECONNECT} and run again.`,
		source: '2.8',
	},
	{
		code: 24,
		subcode: 2207008,
		title: 'Uploaded media not found',
		category: 'retry_later',
		retryable: true,
		sentence:
			'Instagram has not finished registering the uploaded media, or it has expired; wait a minute and run again, and start the post over if it still fails.',
		source: '2.8',
	},
	{
		code: 25,
		title: 'Instagram account restricted',
		category: 'policy',
		retryable: false,
		sentence: 'The Instagram account is restricted or needs attention; log in to the Instagram app to resolve it, then run again.',
		source: '2.8',
	},
	{
		code: 25,
		subcode: 2207050,
		title: 'Instagram account restricted',
		category: 'policy',
		retryable: false,
		sentence:
			'The Instagram account is restricted, inactive or held for a security check; log in to the Instagram app to resolve it, then run again.',
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207023,
		title: 'Unknown media type',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The media type is not recognised; choose a supported type such as image, video, reel, story or carousel.',
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207028,
		title: 'Wrong number of carousel items',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'A carousel must contain between 2 and 10 images or videos; change the number of items.',
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207035,
		title: 'Product tag positions not allowed on video',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'Product tags on videos cannot have a position; remove the positions from the video product tags.',
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207036,
		title: 'Product tag positions required',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'Product tags on photos need a position; add x and y positions to each photo product tag.',
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207037,
		title: 'Invalid product tags',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"One or more product tags are not valid; check the product IDs and that they belong to the account's catalog.",
		source: '2.8',
	},
	{
		code: 100,
		subcode: 2207040,
		title: 'Too many account tags',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'A post can tag or mention at most 20 accounts; remove some tags or mentions.',
		source: '2.8',
	},
	{
		code: 352,
		title: 'Unsupported video format',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The video format is not supported; upload an MOV or MP4 file.',
		source: '2.8',
	},
	{
		code: 352,
		subcode: 2207026,
		title: 'Unsupported video format',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The video format is not supported; upload an MOV or MP4 file.',
		source: '2.8',
	},
	{
		code: 9004,
		title: 'Media could not be fetched',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Instagram could not download the media from the given URL; make sure the link is public and points directly to the file.',
		source: '2.8',
	},
	{
		code: 9004,
		subcode: 2207052,
		title: 'Media could not be fetched',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Instagram could not download the media from the given URL; make sure the link is public and points directly to the file.',
		source: '2.8',
	},
	{
		code: 9007,
		title: 'Media not ready',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram is still processing the media; wait a minute and publish again.',
		source: '2.8',
	},
	{
		code: 9007,
		subcode: 2207027,
		title: 'Media not ready',
		category: 'retry_later',
		retryable: true,
		sentence: 'Instagram is still processing the media; wait a minute and publish again.',
		source: '2.8',
	},
	{
		code: 36000,
		title: 'Image too large',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The image is larger than 8 MB; use a smaller image.',
		source: '2.8',
	},
	{
		code: 36000,
		subcode: 2207004,
		title: 'Image too large',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The image is larger than 8 MB; use a smaller image.',
		source: '2.8',
	},
	{
		code: 36001,
		title: 'Unsupported image format',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The image format is not supported; use a JPEG image.',
		source: '2.8',
	},
	{
		code: 36001,
		subcode: 2207005,
		title: 'Unsupported image format',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The image format is not supported; use a JPEG image.',
		source: '2.8',
	},
	{
		code: 36003,
		title: 'Aspect ratio not supported',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"The image's shape is not supported; crop feed images to between 4:5 portrait and 1.91:1 landscape.",
		source: '2.8',
	},
	{
		code: 36003,
		subcode: 2207009,
		title: 'Aspect ratio not supported',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"The image's shape is not supported; crop feed images to between 4:5 portrait and 1.91:1 landscape.",
		source: '2.8',
	},
	{
		code: 36004,
		title: 'Caption too long',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The caption is too long; shorten it to at most 2,200 characters.',
		source: '2.8',
	},
	{
		code: 36004,
		subcode: 2207010,
		title: 'Caption too long',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The caption is too long; shorten it to at most 2,200 characters.',
		source: '2.8',
	},

	// Subcodes Meta names only inside a failed container's status ("Error: Media upload has failed with error code
	// 2207082"), outside the reference's §2.8 table. Listed as bare numbers like 2534068, since no code comes with
	// them. Meanings from public reports, not from Meta: 2207077 video download failed, 2207082 audio added to a
	// video without a sound track, 2207085 format, duration or resolution (gitroomhq/postiz-app #1992, #2033, its
	// Instagram provider); 2207076 a video that does not meet the reels specs (a single public report).
	{
		code: 2207076,
		title: 'Video could not be processed',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"Instagram could not process the video, which usually means it does not meet Instagram's reels specs; export it as MP4 (H.264 video, AAC audio, 9:16) and publish again.",
		source: '2.8',
		beyondReference: 'one public report (see above)',
	},
	{
		code: 2207077,
		title: 'Video download failed',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Instagram could not download the video from its URL; make sure the link is public, stays reachable while Instagram fetches it and points straight at an MP4 or MOV file of at most 300 MB, then publish again.',
		source: '2.8',
		beyondReference: 'gitroomhq/postiz-app Instagram provider',
	},
	{
		code: 2207082,
		title: 'Video and audio could not be combined',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Instagram could not process the video, which has been reported when audio is added to a video without a sound track; publish the video with its own sound track, or without added audio.',
		source: '2.8',
		beyondReference: 'gitroomhq/postiz-app PR #2033',
	},
	{
		code: 2207085,
		title: 'Video could not be processed',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"Instagram could not process the video; check its format (MP4 or MOV), duration and resolution against Instagram's reels specs, then publish again.",
		source: '2.8',
		beyondReference: 'gitroomhq/postiz-app PR #1992',
	},

	// Marketing API budget refusals: not in the reference nor in Meta's Marketing API error-reference page; the codes
	// are seen in public code and reports (test/sandbox/README.md "Ads status and budgets").
	{
		code: 100,
		subcode: 1885272,
		title: 'Budget too low',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The budget is below Meta's minimum for this ad account's currency and optimisation goal; raise it to at least the amount Meta names below, then run again.",
		source: '6.4',
		beyondReference: 'public reports: facebook/facebook-php-business-sdk #148, #338 ("Budget Is Too Low"); error_subcode 1885272 in public Marketing API clients',
	},
	{
		code: 100,
		subcode: 1885621,
		title: 'Campaign already has a budget',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"This ad set's campaign uses a campaign budget (Advantage campaign budget), so the ad set cannot have its own; change the campaign's budget instead, or switch the campaign to ad set budgets in Ads Manager.",
		source: '6.4',
		beyondReference: 'pipeboard-co/meta-ads-mcp PR #71 (subcode 1885621) and PR #112 ("Budget Conflict: Campaign Already Has a Budget")',
	},

	// ───────────── Conversions API (not in the reference) ─────────────
	{
		code: 100,
		subcode: 2804003,
		title: 'Event time too old',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Meta only takes server events up to 7 days after they happened, and refuses the whole request when one event is older; send events sooner, or drop the old ones and send the rest again.',
		source: '9.2',
		beyondReference: 'rudderlabs/rudder-transformer Facebook Pixel network handler (2804003 "event being sent after seven days"); Meta\'s Server Event Parameters page for the 7-day rule',
	},

	// ───────────── §3.6 Instagram messaging ─────────────
	{
		code: 10,
		subcode: 2534022,
		title: 'Outside the messaging window',
		category: 'policy',
		retryable: false,
		sentence:
			"Instagram only allows replies within 24 hours of the person's last message; wait until they write to the account again.",
		source: '3.6',
	},
	{
		code: 10,
		subcode: 2018278,
		title: 'Outside the 24-hour window',
		category: 'policy',
		retryable: false,
		sentence:
			"Messages can only be sent within 24 hours of the person's last message; wait until they write to the Page again.",
		source: '3.6',
	},
	{
		code: 10,
		subcode: 2534025,
		title: 'Private reply not allowed',
		category: 'policy',
		retryable: false,
		sentence:
			'A private reply was already sent for this comment or is no longer allowed; each comment can get only one private reply, within 7 days.',
		source: '3.6',
	},
	{
		code: 100,
		subcode: 2534025,
		title: 'Private reply not allowed',
		category: 'policy',
		retryable: false,
		sentence:
			'A private reply was already sent for this comment or is no longer allowed; each comment can get only one private reply, within 7 days.',
		source: '3.6',
	},
	{
		code: 100,
		subcode: 2534014,
		title: 'Recipient not found',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The person to message could not be found; use the sender ID from an incoming Instagram message or comment.',
		source: '3.6',
	},
	{
		code: 100,
		subcode: 2018001,
		title: 'No matching recipient',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'No person matches the recipient ID; use the sender ID from an incoming message.',
		source: '3.6',
	},
	{
		code: 551,
		title: 'Person not available',
		category: 'policy',
		retryable: false,
		sentence:
			'This person cannot receive messages from the account right now, for example because they blocked it; do not retry this recipient.',
		source: '3.6',
	},
	{
		code: 551,
		subcode: 1545041,
		title: 'Person not available',
		category: 'policy',
		retryable: false,
		sentence:
			'This person cannot receive messages from the account right now, for example because they blocked it; do not retry this recipient.',
		source: '3.6',
	},
	{
		code: 2,
		subcode: 2018344,
		title: 'Temporary send failure',
		category: 'retry_later',
		retryable: true,
		sentence: 'The message could not be sent because of a temporary problem at Meta; wait a moment and send it again.',
		source: '3.6',
	},
	{
		code: 2534068,
		title: 'Multiple images not available yet',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Sending several images in one message is not available for this account yet; send the images one at a time.',
		source: '3.6',
	},

	// ───────────── §5.7 WhatsApp ─────────────
	{
		code: 0,
		title: 'WhatsApp could not authenticate',
		category: 'reconnect',
		retryable: false,
		sentence: `WhatsApp could not sign in with the Meta credential because its login is invalid or expired; ${RECONNECT}.`,
		source: '5.7',
	},
	{
		code: 33,
		title: 'Phone number deleted',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The WhatsApp business phone number has been deleted; select a phone number that still exists in WhatsApp Manager.',
		source: '5.7',
	},
	{
		code: 80007,
		title: 'WhatsApp Business account rate limit',
		category: 'quota',
		retryable: true,
		sentence:
			'Too many requests were made for this WhatsApp Business account; wait a few minutes, then run again more slowly.',
		source: '5.7',
	},
	{
		code: 130403,
		title: 'Blocked between business and person',
		category: 'policy',
		retryable: false,
		sentence:
			'The person has blocked this business, or the business has blocked them, so the message cannot be sent; remove this number from the send list.',
		source: '5.7',
	},
	{
		code: 130429,
		title: 'Sending too fast',
		category: 'quota',
		retryable: true,
		sentence:
			'The phone number is sending messages faster than WhatsApp allows; slow down and send the rest after a short pause.',
		source: '5.7',
	},
	{
		code: 130472,
		title: 'Recipient in a WhatsApp experiment',
		category: 'policy',
		retryable: false,
		sentence:
			"This person's number is part of a WhatsApp experiment and cannot receive this marketing message; do not retry it.",
		source: '5.7',
	},
	{
		code: 130497,
		title: 'Country restricted',
		category: 'policy',
		retryable: false,
		sentence:
			'The business is not allowed to message people in this country; remove this recipient or check the countries the account may message.',
		source: '5.7',
	},
	{
		code: 131000,
		title: 'Unknown WhatsApp error',
		category: 'retry_later',
		retryable: true,
		sentence: 'WhatsApp hit an unknown error; wait a few minutes and send again.',
		source: '5.7',
	},
	{
		code: 131005,
		title: 'Access denied',
		category: 'reconnect',
		retryable: false,
		sentence: `The Meta credential is not allowed to do this in WhatsApp; ${RECONNECT} and grant the WhatsApp permissions it asks for.`,
		source: '5.7',
	},
	{
		code: 131008,
		title: 'Required field missing',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'A required field is missing from the message; fill in all required fields in the node.',
		source: '5.7',
	},
	{
		code: 131009,
		title: 'Invalid field value',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"One of the values in the message is not valid; check the node's fields, such as the phone number, IDs and media links.",
		source: '5.7',
	},
	{
		code: 131016,
		title: 'WhatsApp service unavailable',
		category: 'retry_later',
		retryable: true,
		sentence: 'WhatsApp is temporarily unavailable; wait a few minutes and send again.',
		source: '5.7',
	},
	{
		code: 131021,
		title: 'Sender and recipient are the same',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The message was addressed to the business's own phone number; choose a different recipient.",
		source: '5.7',
	},
	{
		code: 131026,
		title: 'Message undeliverable',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"The message could not be delivered, for example because the number is not on WhatsApp or the person's app is out of date; check the phone number and do not resend automatically.",
		source: '5.7',
	},
	{
		code: 131031,
		title: 'Business account locked',
		category: 'policy',
		retryable: false,
		sentence:
			'The WhatsApp Business account has been locked or restricted; check its status and any notices from Meta in WhatsApp Manager.',
		source: '5.7',
	},
	{
		code: 131037,
		title: 'Display name not approved',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The phone number needs an approved display name before it can send messages; set one in WhatsApp Manager and wait for approval.',
		source: '5.7',
	},
	{
		code: 131042,
		title: 'Eligibility or payment problem',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"There is a problem with the WhatsApp Business account's eligibility or payment method; fix the payment settings in WhatsApp Manager.",
		source: '5.7',
	},
	{
		code: 131045,
		title: 'Phone number registration error',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The sending phone number is not correctly registered; register it again in WhatsApp Manager.',
		source: '5.7',
	},
	{
		code: 131047,
		title: 'Template required',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'Use an approved template: more than 24 hours have passed since the customer last wrote, so only template messages can be sent.',
		source: '5.7',
	},
	{
		code: 131048,
		title: 'Spam rate limit',
		category: 'policy',
		retryable: false,
		sentence:
			'WhatsApp limited sending because of spam signals such as low quality or blocks; send less, improve the messages and try again later.',
		source: '5.7',
	},
	{
		code: 131049,
		title: 'Per-person marketing limit',
		category: 'quota',
		retryable: false,
		sentence:
			'WhatsApp held back this marketing message because the person has already received many; wait at least 24 hours before trying this person again.',
		source: '5.7',
	},
	{
		code: 131050,
		title: 'Marketing messages turned off',
		category: 'policy',
		retryable: false,
		sentence: 'This person has turned off marketing messages from the business; do not send them marketing templates.',
		source: '5.7',
	},
	{
		code: 131051,
		title: 'Unsupported message type',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'This message type is not supported; choose a different message type.',
		source: '5.7',
	},
	{
		code: 131052,
		title: 'Incoming media download failed',
		category: 'retry_later',
		retryable: false,
		sentence:
			'WhatsApp could not download the media the customer sent; ask the customer to send it again, or try again later.',
		source: '5.7',
	},
	{
		code: 131053,
		title: 'Media upload failed',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"WhatsApp could not upload the message's media; check that the file type and size are supported and that the link is publicly reachable.",
		source: '5.7',
	},
	{
		code: 131056,
		title: 'Too many messages to one person',
		category: 'quota',
		retryable: true,
		sentence: 'Too many messages were sent to this same person in a short time; wait a little before messaging them again.',
		source: '5.7',
	},
	{
		code: 131057,
		title: 'Account in maintenance',
		category: 'retry_later',
		retryable: true,
		sentence: 'The WhatsApp account is briefly in maintenance; wait a minute and send again.',
		source: '5.7',
	},
	{
		code: 131062,
		title: 'Business-scoped user ID not supported for this message',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"This message cannot be sent to a business-scoped user ID (one-tap, zero-tap and copy-code authentication templates need the person's phone number); send it to the phone number instead.",
		source: '5.7',
		beyondReference: 'third-party BSUID guides (gallabox.com, 8x8 release notes 2026-07-21); not on Meta\'s error page as captured in the reference',
	},
	{
		code: 131063,
		title: 'Marketing messages disabled',
		category: 'policy',
		retryable: false,
		sentence:
			'Marketing messages are turned off for this account in the WhatsApp Cloud API; enable them in WhatsApp Manager or use a non-marketing template.',
		source: '5.7',
	},
	{
		code: 131064,
		title: 'Template category violations limit',
		category: 'policy',
		retryable: false,
		sentence:
			'The account has reached its limit of template category violations; review the categories of the templates in WhatsApp Manager before sending more.',
		source: '5.7',
	},
	{
		code: 132000,
		title: 'Template variable count mismatch',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The number of template values sent does not match the template; provide exactly one value for each variable in the template.',
		source: '5.7',
	},
	{
		code: 132001,
		title: 'Template not found',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The template does not exist in the chosen language or is not approved; check the template name and language in WhatsApp Manager.',
		source: '5.7',
	},
	{
		code: 132005,
		title: 'Template text too long',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The template text becomes too long once the values are filled in; shorten the values.',
		source: '5.7',
	},
	{
		code: 132007,
		title: 'Template format policy violation',
		category: 'policy',
		retryable: false,
		sentence: "The template content breaks WhatsApp's format rules; edit the template or the values filled into it.",
		source: '5.7',
	},
	{
		code: 132012,
		title: 'Template value format mismatch',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'A template value has the wrong format; check that each value matches the kind of variable the template expects.',
		source: '5.7',
	},
	{
		code: 132015,
		title: 'Template paused',
		category: 'policy',
		retryable: false,
		sentence:
			'The template is paused because of low quality; use a different template or wait until WhatsApp resumes it.',
		source: '5.7',
	},
	{
		code: 132016,
		title: 'Template disabled',
		category: 'policy',
		retryable: false,
		sentence: 'The template was permanently disabled because of low quality; create and use a different template.',
		source: '5.7',
	},
	{
		code: 132068,
		title: 'Flow blocked',
		category: 'policy',
		retryable: false,
		sentence: 'The WhatsApp Flow is blocked; fix the Flow in WhatsApp Manager or use a different one.',
		source: '5.7',
	},
	{
		code: 132069,
		title: 'Flow throttled',
		category: 'quota',
		retryable: false,
		sentence: 'The WhatsApp Flow is being throttled; send fewer messages with this Flow for now and try again later.',
		source: '5.7',
	},
	{
		code: 133000,
		codeTo: 133016,
		title: 'Phone number registration error',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			"Registering the phone number or checking its PIN failed; check the number's registration and two-step verification PIN in WhatsApp Manager.",
		source: '5.7',
	},
	{
		code: 133010,
		title: 'Phone number not registered',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The phone number is not registered with the WhatsApp Cloud API; register it in WhatsApp Manager before sending.',
		source: '5.7',
	},
	{
		code: 133016,
		title: 'Too many registration attempts',
		category: 'quota',
		retryable: false,
		sentence: 'Too many registration attempts were made for this phone number; wait several hours before trying to register it again.',
		source: '5.7',
	},
	{
		code: 135000,
		title: 'Generic WhatsApp request error',
		category: 'fix_configuration',
		retryable: false,
		sentence: "WhatsApp rejected the request because of an unspecified problem with its values; check the node's fields.",
		source: '5.7',
	},
	{
		code: 2388019,
		title: 'Template could not be created',
		category: 'fix_configuration',
		retryable: false,
		sentence: "WhatsApp could not create the template; review the template's content against WhatsApp's template rules.",
		source: '5.7',
	},
	{
		code: 2388024,
		title: 'Template already exists',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'A template with this name already exists in this language (or its deletion is still being processed); edit that template, or use another name or language.',
		source: '5.7',
		beyondReference: 'community code mapping subcode 2388024 to a duplicate name/language (public repositories, 2026); Meta\'s number unconfirmed',
	},
	{
		code: 2388040,
		title: 'Template field too long',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'A template field is longer than allowed; shorten the text.',
		source: '5.7',
	},
	{
		code: 2388047,
		title: 'Template header invalid',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The template's header is not valid; check its format and length.",
		source: '5.7',
	},
	{
		code: 2388072,
		title: 'Template body invalid',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The template's body is not valid; check its text and variables.",
		source: '5.7',
	},
	{
		code: 2388073,
		title: 'Template footer invalid',
		category: 'fix_configuration',
		retryable: false,
		sentence: "The template's footer is not valid; check its text and length.",
		source: '5.7',
	},
	{
		code: 2388293,
		title: 'Too many variables for the text',
		category: 'fix_configuration',
		retryable: false,
		sentence: 'The template has too many variables for the amount of text; add more words or use fewer variables.',
		source: '5.7',
	},
	{
		code: 2388299,
		title: 'Variable at start or end of template',
		category: 'fix_configuration',
		retryable: false,
		sentence:
			'The template text must not start or end with a variable; add words before the first and after the last variable.',
		source: '5.7',
	},
];

for (const entry of ENTRIES) Object.freeze(entry);

export const META_ERROR_CATALOG: readonly MetaErrorEntry[] = Object.freeze(ENTRIES);

function keyOf(code: number, subcode?: number): string {
	return subcode === undefined ? String(code) : `${code}/${subcode}`;
}

const EXACT = new Map<string, MetaErrorEntry>();
const RANGES: MetaErrorEntry[] = [];
/**
 * Template refusals (2388…) are listed as bare codes, but Meta sends them as code 100 with the number as
 * `error_subcode` [community]: each such row answers both forms.
 */
const TEMPLATE_REFUSALS = { from: 2388000, to: 2388999 };
for (const entry of META_ERROR_CATALOG) {
	if (entry.codeTo !== undefined) RANGES.push(entry);
	else EXACT.set(keyOf(entry.code, entry.subcode), entry);
	if (entry.subcode === undefined && entry.code >= TEMPLATE_REFUSALS.from && entry.code <= TEMPLATE_REFUSALS.to) EXACT.set(keyOf(100, entry.code), entry);
}
// Narrowest range first, so a more specific range would win over a wider one.
RANGES.sort((a, b) => (a.codeTo ?? a.code) - a.code - ((b.codeTo ?? b.code) - b.code));

/** Most specific match first: exact code+subcode, then code without subcode, then a range. */
export function findMetaError(code: number, subcode?: number): MetaErrorEntry | undefined {
	if (typeof code !== 'number' || !Number.isFinite(code)) return undefined;
	if (typeof subcode === 'number' && Number.isFinite(subcode)) {
		const exact = EXACT.get(keyOf(code, subcode));
		if (exact) return exact;
	}
	const general = EXACT.get(keyOf(code));
	if (general) return general;
	return RANGES.find((range) => code >= range.code && code <= (range.codeTo ?? range.code));
}
