import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { worstStatus } from '../doctor/checks';
import { credentialChecks, summaryLine } from '../doctor/runChecks';
import { renewAccessTokenSession } from './accessTokenSession';
import { inspectCredentialToken } from './inspectToken';
import { attemptTokenCall } from './tokenCalls';

/** Credential tests only get n8n's legacy `request` helper; this adapts it to the `httpRequest` shape our token calls use. */
function requestHelperOf(ctx: ICredentialTestFunctions): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const response = (await ctx.helpers.request({
					method: options.method ?? 'GET',
					uri: options.url,
					qs: options.qs,
					headers: options.headers,
					body: options.body,
					json: true,
					resolveWithFullResponse: true,
					simple: false,
					timeout: options.timeout,
				})) as { statusCode: number; body: unknown; headers: unknown };
				return { statusCode: response.statusCode, body: response.body, headers: response.headers };
			},
		},
	};
}

/**
 * `testedBy` credential test: the Setup Doctor's token and permission checks in one line (valid?, type and expiry,
 * data access, which product features the permissions cover). A pasted short-lived token is first exchanged, as the
 * credential itself would. Any failed check fails the test.
 */
export async function testMetaCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const helper = requestHelperOf(this);
	let data: ICredentialDataDecryptedObject = { ...(credential.data ?? {}) };
	if (credential.type === 'metaAccessTokenApi') {
		const renewed = await attemptTokenCall(async () => await renewAccessTokenSession(helper, data));
		if (!renewed.ok) return { status: 'Error', message: renewed.error.message };
		data = { ...data, ...renewed.value } as ICredentialDataDecryptedObject;
	}
	const report = await inspectCredentialToken(helper, credential.type, data);
	const checks = credentialChecks(report);
	return { status: worstStatus(checks) === 'fail' ? 'Error' : 'OK', message: summaryLine(checks) };
}

/** The `methods.credentialTest` entry every node using a Meta token credential declares (`testedBy`). */
export const META_CREDENTIAL_TEST = { metaCredentialTest: testMetaCredential };
export const META_CREDENTIAL_TEST_NAME = 'metaCredentialTest';
