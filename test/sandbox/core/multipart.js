'use strict';
// Minimal multipart/form-data parser (no extra npm package): text fields become strings, file parts
// {filename, contentType, data:Buffer}. Enough for OAuth token exchanges and media uploads.

/** @param {Buffer} buf @param {string} boundary */
function parseMultipart(buf, boundary) {
	/** @type {Record<string, any>} */
	const fields = {};
	const delimiter = Buffer.from(`--${boundary}`);
	let pos = buf.indexOf(delimiter);
	while (pos !== -1) {
		let start = pos + delimiter.length;
		if (buf.slice(start, start + 2).toString() === '--') break;
		if (buf.slice(start, start + 2).toString() === '\r\n') start += 2;
		const next = buf.indexOf(delimiter, start);
		if (next === -1) break;
		const part = buf.slice(start, next - 2); // drop CRLF before the next delimiter
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headerText = part.slice(0, headerEnd).toString('utf8');
			const data = part.slice(headerEnd + 4);
			const disposition = /content-disposition:[^\r\n]*/i.exec(headerText);
			const name = disposition && /\bname="([^"]*)"/i.exec(disposition[0]);
			const filename = disposition && /\bfilename="([^"]*)"/i.exec(disposition[0]);
			const type = /content-type:\s*([^\r\n]+)/i.exec(headerText);
			if (name) {
				fields[name[1]] = filename ? { filename: filename[1], contentType: type ? type[1].trim() : 'application/octet-stream', data } : data.toString('utf8');
			}
		}
		pos = next;
	}
	return fields;
}

/** Express middleware placed after express.raw({type:'multipart/form-data'}). */
function multipartMiddleware(req, res, next) {
	const type = req.headers['content-type'] || '';
	if (!/^multipart\/form-data/i.test(type) || !Buffer.isBuffer(req.body)) return next();
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!m) return next();
	req.body = parseMultipart(req.body, m[1] || m[2]);
	next();
}

module.exports = { parseMultipart, multipartMiddleware };
