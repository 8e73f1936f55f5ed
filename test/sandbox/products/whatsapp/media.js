'use strict';
// Media (reference §5.4): multipart upload to /{phone-number-id}/media → {id}; GET /{media-id} → short-lived url;
// the url (lookaside host) downloads the bytes only with the same token in `Authorization: Bearer`; DELETE.
const crypto = require('crypto');
const { graphError, errors } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const ids = require('../../core/ids');
const { guards, canReach, MESSAGING } = require('./access');
const { waStore, wabaRecord, phoneNumber } = require('./store');
const { waError } = require('./templates');

const MB = 1024 * 1024;
/** MIME types and size limits per reference §5.1. */
const LIMITS = {
	'image/jpeg': 5 * MB,
	'image/png': 5 * MB,
	'video/mp4': 16 * MB,
	'video/3gpp': 16 * MB,
	'audio/aac': 16 * MB,
	'audio/amr': 16 * MB,
	'audio/mpeg': 16 * MB,
	'audio/mp4': 16 * MB,
	'audio/ogg': 16 * MB,
	'text/plain': 100 * MB,
	'application/pdf': 100 * MB,
	'application/msword': 100 * MB,
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
	'application/vnd.ms-excel': 100 * MB,
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
	'application/vnd.ms-powerpoint': 100 * MB,
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
	'image/webp': 500 * 1024,
};
/** Download URL lifetime ~5 minutes ([UNCONFIRMED], reference §5.4). */
const URL_TTL_SECONDS = 300;

function urlSignature(state, id, expires) {
	return crypto.createHmac('sha256', state.cursorSalt).update(`${id}:${expires}`).digest('hex').slice(0, 24);
}

/** Put media in the store directly (tests: inbound media ids). */
function storeMedia(state, { phoneNumberId, data, mimeType, filename, id }) {
	const buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data ?? ''));
	const media = {
		id: String(id || ids.numericId(16)),
		phoneNumberId: String(phoneNumberId),
		mime_type: mimeType,
		filename,
		data: buf,
		sha256: crypto.createHash('sha256').update(buf).digest('hex'),
		file_size: buf.length,
		createdAt: state.nowSec(),
	};
	waStore(state).media.set(media.id, media);
	return media;
}

function register({ state, routers }) {
	const fb = routers['graph.facebook.com'];
	const guard = guards(state);
	state.nodeTypeResolvers.push((id) => (waStore(state).media.has(id) ? 'WhatsAppBusinessMedia' : null));

	fb.post('/:phoneNumberId/media', (req, res, next) => {
		const number = phoneNumber(state, req.params.phoneNumberId);
		if (!number) return next();
		return guard.messaging(req, res, () => {
			if (!canReach(state, req.token, wabaRecord(state, number.wabaId))) return graphError(res, errors.unsupportedRequest('POST', number.id));
			const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
			if (body.messaging_product !== 'whatsapp') return graphError(res, { code: 100, message: 'The parameter messaging_product is required.' });
			const file = body.file;
			if (!file || !Buffer.isBuffer(file.data)) return graphError(res, { code: 100, message: 'The parameter file is required.' });
			const type = String(body.type || file.contentType || '').split(';')[0].trim().toLowerCase();
			if (!(type in LIMITS)) return graphError(res, waError(131053, 'Media upload error', `Unsupported media type ${type || '(none)'}`));
			if (file.data.length > LIMITS[type]) return graphError(res, waError(131053, 'Media upload error', `${type} files are at most ${LIMITS[type]} bytes; got ${file.data.length}`));
			const media = storeMedia(state, { phoneNumberId: number.id, data: file.data, mimeType: type, filename: file.filename });
			res.json({ id: media.id });
		});
	});

	const mediaRoute = (handler) => (req, res, next) => {
		const media = waStore(state).media.get(req.params.mediaId);
		if (!media) return next();
		return guard.messaging(req, res, () => handler(req, res, media));
	};

	fb.get(
		'/:mediaId',
		mediaRoute((req, res, media) => {
			const expires = state.nowSec() + URL_TTL_SECONDS;
			const url = `${req.protocol}://${req.headers.host}/lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${media.id}&ext=${expires}&hash=${urlSignature(state, media.id, expires)}`;
			res.json({ messaging_product: 'whatsapp', url, mime_type: media.mime_type, sha256: media.sha256, file_size: media.file_size, id: media.id });
		}),
	);

	fb.delete(
		'/:mediaId',
		mediaRoute((req, res, media) => {
			waStore(state).media.delete(media.id);
			res.json({ success: true });
		}),
	);

	// The download: Bearer token required (a browser without it gets an error page, as with Meta).
	routers['lookaside.fbsbx.com'].get('/whatsapp_business/attachments', requireToken(state, { types: ['USER', 'SYSTEM_USER'], scopes: [MESSAGING] }), (req, res) => {
		const { mid, ext, hash } = req.query;
		const media = waStore(state).media.get(String(mid));
		const expired = !ext || Number(ext) < state.nowSec();
		if (!media || expired || hash !== urlSignature(state, String(mid), Number(ext))) {
			return res.status(404).type('text/plain').send('URL signature expired or media not found');
		}
		res.setHeader('Content-Type', media.mime_type);
		res.setHeader('Content-Length', String(media.data.length));
		res.end(media.data);
	});
}

module.exports = { register, storeMedia, LIMITS };
