/** A file part of a multipart upload. */
export interface MultipartFile {
	field: string;
	data: Buffer;
	filename: string;
	contentType: string;
}

/**
 * Builds a multipart/form-data body (for `graphRequest({ binary, headers })`), e.g. a WhatsApp media upload. Made by
 * hand so no runtime dependency is needed; the boundary is random per call.
 */
export function multipartBody(fields: Record<string, string>, files: MultipartFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nMetaBoundary${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
	const quote = (text: string) => text.replace(/["\r\n]/g, '_');
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	for (const file of files) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
