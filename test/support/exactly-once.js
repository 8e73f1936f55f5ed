'use strict';
/** Shared pieces of the exactly-once engine tests: n8n's node settings and an Instagram image publish run. */
const { NODE, rl, instagramTools } = require('./instagram');

/** n8n's Retry On Fail as users set it: 3 tries, waitBetweenTries 0 (n8n then waits its default second). */
const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const ERROR_OUTPUT = { onError: 'continueErrorOutput' };

/** Runs the Instagram node's image publish for `items`, with n8n node `settings` (Retry On Fail, On Error …). */
async function publishImages(fx, parameters, items, settings = {}) {
	return await fx.engine.runNode({
		type: NODE,
		credentials: instagramTools(fx).credentials.facebook(),
		parameters: {
			authentication: 'metaAccessTokenApi',
			resource: 'media',
			operation: 'publish',
			account: rl(fx.seed.instagram.id),
			postType: 'image',
			...parameters,
			options: { retryWaitSeconds: 0.02, ...(parameters.options || {}) },
		},
		items,
		...settings,
	});
}

module.exports = { RETRY_ON_FAIL, ERROR_OUTPUT, publishImages };
