import { createHmac } from 'crypto';

/** appsecret_proof = lowercase hex HMAC-SHA256 of the access token keyed by the app secret (reference §1.8). */
export function appsecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
