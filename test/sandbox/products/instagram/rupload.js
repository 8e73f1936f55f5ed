'use strict';
// Resumable video upload on rupload.facebook.com (reference §2.3): POST /ig-api-upload/{v}/{container} with
// `Authorization: OAuth <token>`, `offset` and `file_size` headers and raw bytes (or a `file_url` header). Chunks must
// continue at the offset already received. How Meta reports that offset is [UNCONFIRMED] (a GET on the same URL is
// the reference's guess), so GET answers only with the setting igRuploadOffsetQuery.
const express = require('express');
const { requireToken } = require('../../core/tokens');
const { graphError, errors } = require('../../core/errors');
const { store } = require('./store');
const { mayAct } = require('./access');
const { describeUrl, videoProblem } = require('./remote-media');

function processingFailed(res, message, status = 400) {
	return res.status(status).json({ debug_info: { retriable: false, type: 'ProcessingFailedError', message } });
}

/** The container of this upload URL, if the token may act on its account. */
function uploadTarget(state, req, res) {
	const container = store(state).containers.get(req.params.id);
	if (!container || !container.upload) {
		processingFailed(res, `No resumable upload session for media container ${req.params.id}.`);
		return null;
	}
	const account = state.igAccounts.get(container.igUserId);
	if (!account || !mayAct(state, 'graph.facebook.com', req.token, account)) {
		graphError(res, errors.unsupportedRequest(req.method, req.params.id));
		return null;
	}
	return container;
}

/** All bytes are in: processing starts now, with the checks Meta runs on a video. */
function startProcessing(state, container, info) {
	container.startedAtMs = state.nowMs();
	container.problem = videoProblem(info, { story: container.kind === 'STORIES' });
	if (info.processingSeconds !== undefined) container.processingMs = info.processingSeconds * 1000;
}

/**
 * rupload takes the token as `Authorization: OAuth <token>` (reference §0, §2.3), not as Bearer. Meta's answer to a
 * Bearer token there is not documented: the sandbox refuses it as a token it cannot read (190).
 */
function oauthSchemeOnly(req, res, next) {
	const auth = String(req.headers.authorization || '');
	if (/^Bearer\s/i.test(auth.trim())) return graphError(res, errors.cannotParseToken());
	next();
}

function register({ state, routers }) {
	const router = routers['rupload.facebook.com'];
	const guard = requireToken(state, { types: ['USER', 'PAGE', 'SYSTEM_USER'] });

	router.get('/ig-api-upload/:version/:id', oauthSchemeOnly, guard, (req, res) => {
		if (!state.settings.igRuploadOffsetQuery) return processingFailed(res, 'Unsupported request: GET on an upload URL (the sandbox answers offsets only with igRuploadOffsetQuery).', 405);
		const container = uploadTarget(state, req, res);
		if (!container) return;
		res.json({ offset: container.upload.received, file_size: container.upload.fileSize });
	});

	router.post('/ig-api-upload/:version/:id', express.raw({ type: () => true, limit: '400mb' }), oauthSchemeOnly, guard, (req, res) => {
		const container = uploadTarget(state, req, res);
		if (!container) return;
		const upload = container.upload;
		if (container.startedAtMs !== null) return processingFailed(res, 'The upload for this container is already complete.');
		const fileUrl = req.headers.file_url;
		if (fileUrl) {
			startProcessing(state, container, describeUrl(String(fileUrl)));
			upload.fileSize = upload.received = 0;
			return res.json({ success: true, message: 'Upload successful.' });
		}
		const offset = Number(req.headers.offset);
		const fileSize = Number(req.headers.file_size);
		if (!Number.isInteger(offset) || offset < 0) return processingFailed(res, 'Missing or invalid offset header.');
		if (!Number.isInteger(fileSize) || fileSize <= 0) return processingFailed(res, 'Missing or invalid file_size header.');
		if (upload.fileSize !== null && upload.fileSize !== fileSize) return processingFailed(res, `file_size ${fileSize} does not match the ${upload.fileSize} bytes announced before.`);
		if (offset !== upload.received) return processingFailed(res, `Offset ${offset} does not match the ${upload.received} bytes received so far; resume at offset ${upload.received}.`);
		const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		if (offset + bytes.length > fileSize) return processingFailed(res, `The upload is larger than file_size ${fileSize}.`);
		upload.fileSize = fileSize;
		if (offset === 0) upload.isMp4 = bytes.length >= 8 && bytes.slice(4, 8).toString('latin1') === 'ftyp';
		upload.received += bytes.length;
		if (upload.received < fileSize) return res.json({ success: true, message: 'Chunk received.', offset: upload.received });
		// Uploaded files are described by what the sandbox can see: their size and the MP4/MOV signature.
		startProcessing(state, container, { reachable: true, format: upload.isMp4 ? 'mp4' : 'unknown', bytes: fileSize, width: 1080, height: 1920, duration: 30 });
		res.json({ success: true, message: 'Upload successful.' });
	});
}

module.exports = { register };
