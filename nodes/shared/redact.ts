/**
 * Removes access tokens, app secrets and appsecret_proof values from text that may be shown to a user or logged.
 * Known secret values are replaced wherever they occur; token-shaped strings and secret-bearing parameters are
 * replaced by pattern (as `name=value`, `name: value` or JSON), so a URL or body echoed by an error cannot leak them.
 */
/** Parameters and fields whose value is a secret, whatever the notation around them. */
const SECRET_NAMES = 'access_token|input_token|fb_exchange_token|client_secret|appsecret_proof|app_secret|refresh_token';
/** `name=value` (query or form); `code=` is an OAuth authorization code there (as a field, `code` is Meta's error code). */
const SECRET_PARAMS = new RegExp(`((?:${SECRET_NAMES}|code)=)[^&\\s"'#]+`, 'gi');
/** `"name":"value"`, `'name': 'value'`, `name: value` (JSON, logs, headers). */
const SECRET_FIELDS = new RegExp(`((?:["']?)\\b(?:${SECRET_NAMES})\\b["']?\\s*:\\s*["']?)[^"'\\s,;&}\\]]+`, 'gi');
const AUTH_HEADER_VALUE = /\b(Bearer|OAuth)\s+[A-Za-z0-9._|-]{8,}/g;
/** Facebook (EAA…) and Instagram (IGAA…, IGQV…, other IG…) tokens. */
const TOKEN_SHAPES = /\b(?:EAA[A-Za-z0-9]{10,}|IG[A-Z]{2}[A-Za-z0-9_-]{16,})\b/g;
/** App tokens `{app-id}|{app-secret}` or `{app-id}|{hash}`. */
const APP_TOKEN_SHAPE = /\b\d{6,}\|[A-Za-z0-9_-]{10,}\b/g;

export const REDACTED = '[redacted]';

export function redactText(text: string, knownSecrets: readonly string[] = []): string {
	let out = text;
	for (const secret of knownSecrets) {
		if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
	}
	return out
		.replace(SECRET_PARAMS, `$1${REDACTED}`)
		.replace(SECRET_FIELDS, `$1${REDACTED}`)
		.replace(AUTH_HEADER_VALUE, `$1 ${REDACTED}`)
		.replace(TOKEN_SHAPES, REDACTED)
		.replace(APP_TOKEN_SHAPE, REDACTED);
}

/** Deep copy of a JSON-like value with every string redacted. */
export function redactValue<T>(value: T, knownSecrets: readonly string[] = []): T {
	if (typeof value === 'string') return redactText(value, knownSecrets) as T;
	if (Array.isArray(value)) return value.map((v) => redactValue(v, knownSecrets)) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			out[key] = /^(access_token|input_token|client_secret|appsecret_proof|app_secret|token|refresh_token)$/i.test(key)
				? REDACTED
				: redactValue(inner, knownSecrets);
		}
		return out as T;
	}
	return value;
}
