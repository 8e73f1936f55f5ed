'use strict';
// What Meta finds when it fetches a media URL (reference §2.1, §2.7). The sandbox cannot download anything, so a
// URL describes its file: `.invalid` hosts (or "unreachable" in the host) cannot be fetched; query parameters
// `sandbox_bytes`, `sandbox_width`, `sandbox_height`, `sandbox_duration` (s) and `sandbox_processing` (s) describe
// the file and its processing time, `sandbox_error_subcode` a processing failure Meta reports only by subcode;
// the extension gives the format (or `sandbox_format`).

const MB = 1024 * 1024;
const IMAGE_DEFAULT = { bytes: 400 * 1024, width: 1080, height: 1080 };
const VIDEO_DEFAULT = { bytes: 20 * MB, width: 1080, height: 1920, duration: 30 };

function num(params, name) {
	const v = params.get(name);
	return v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
}

/**
 * @param {string} url
 * @returns {{reachable:boolean, format:string, bytes:number, width:number, height:number, duration:number, processingSeconds?:number}}
 */
function describeUrl(url) {
	let parsed;
	try {
		parsed = new URL(String(url));
	} catch {
		return { reachable: false, format: 'unknown', ...IMAGE_DEFAULT, duration: 0 };
	}
	// Meta needs a public http(s) URL with ASCII only (reference §2.1).
	const reachable =
		/^https?:$/.test(parsed.protocol) &&
		!/\.invalid$/i.test(parsed.hostname) &&
		!/unreachable/i.test(parsed.hostname) &&
		/^[\x20-\x7e]*$/.test(String(url));
	const ext = (/\.([a-z0-9]+)$/i.exec(parsed.pathname) || [])[1];
	const format = (parsed.searchParams.get('sandbox_format') || ext || 'unknown').toLowerCase().replace('jpeg', 'jpg');
	const isVideo = ['mp4', 'mov'].includes(format);
	const base = isVideo ? VIDEO_DEFAULT : { ...IMAGE_DEFAULT, duration: 0 };
	const p = parsed.searchParams;
	return {
		reachable,
		format,
		bytes: num(p, 'sandbox_bytes') ?? base.bytes,
		width: num(p, 'sandbox_width') ?? base.width,
		height: num(p, 'sandbox_height') ?? base.height,
		duration: num(p, 'sandbox_duration') ?? base.duration,
		processingSeconds: num(p, 'sandbox_processing'),
		/** Processing ends in ERROR with this subcode (Meta's status names only the subcode). */
		errorSubcode: num(p, 'sandbox_error_subcode'),
	};
}

/** Publishing error table rows used by the fetch checks (reference §2.8). */
const FETCH_ERRORS = {
	unreachable: { code: 9004, subcode: 2207052, message: "Media download has failed. The media URI doesn't meet our requirements.", userTitle: 'Media download failed', userMsg: 'The media could not be fetched from the URI provided. Make sure the URI is valid and publicly accessible.' },
	imageTooLarge: { code: 36000, subcode: 2207004, message: 'The image size is too large.', userTitle: 'Image size too large', userMsg: 'The image is too large to upload. It should be less than 8 MiB.' },
	imageFormat: { code: 36001, subcode: 2207005, message: 'The image format is not supported.', userTitle: 'Unsupported image format', userMsg: 'Only JPEG images can be published.' },
	aspectRatio: { code: 36003, subcode: 2207009, message: 'The submitted image with aspect ratio is not supported.', userTitle: 'Aspect ratio not supported', userMsg: 'The aspect ratio must be between 4:5 and 1.91:1.' },
	videoFormat: { code: 352, subcode: 2207026, message: 'The video format is not supported. Please check spec for supported video format.', userTitle: 'Unsupported video format', userMsg: 'Use an MOV or MP4 (MPEG-4 Part 14) video.' },
	videoTooLarge: { code: -1, subcode: 2207053, message: 'The video file is too large.', userTitle: 'Video too large', userMsg: 'Reels can be up to 300 MB, story videos up to 100 MB.' },
	videoDuration: { code: -1, subcode: 2207053, message: 'The video duration is not supported.', userTitle: 'Video duration not supported', userMsg: 'Reels must be 3 s to 15 min long, story videos 3 to 60 s.' },
};

/** Problems of an image for a feed post, carousel child or story; null when it passes. */
function imageProblem(info, { story }) {
	if (!info.reachable) return FETCH_ERRORS.unreachable;
	if (info.format !== 'jpg') return FETCH_ERRORS.imageFormat;
	if (info.bytes > 8 * MB) return FETCH_ERRORS.imageTooLarge;
	const ratio = info.width / info.height;
	if (!story && (ratio < 0.8 - 1e-9 || ratio > 1.91 + 1e-9)) return FETCH_ERRORS.aspectRatio;
	return null;
}

/** Problems of a video (reel, story, carousel child); found while processing, so they end in status ERROR. */
function videoProblem(info, { story }) {
	if (!info.reachable) return FETCH_ERRORS.unreachable;
	if (info.errorSubcode) return { subcode: info.errorSubcode };
	if (!['mp4', 'mov'].includes(info.format)) return FETCH_ERRORS.videoFormat;
	if (info.bytes > (story ? 100 : 300) * MB) return FETCH_ERRORS.videoTooLarge;
	const ratio = info.width / info.height;
	if (ratio < (story ? 0.1 : 0.01) || ratio > 10) return { ...FETCH_ERRORS.aspectRatio, message: 'The video aspect ratio is not supported.' };
	if (info.duration < 3 || info.duration > (story ? 60 : 900)) return FETCH_ERRORS.videoDuration;
	return null;
}

module.exports = { describeUrl, imageProblem, videoProblem, FETCH_ERRORS, MB };
