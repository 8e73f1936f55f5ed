'use strict';
/** The workflows saved with version 1 of the action nodes (test/fixtures/saved-v1) and the credentials they name. */
const fs = require('fs');
const path = require('path');

const FOLDER = path.resolve(__dirname, '../fixtures/saved-v1');
const FILES = fs.readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort();

function savedWorkflow(file) {
	return JSON.parse(fs.readFileSync(path.join(FOLDER, file.endsWith('.json') ? file : `${file}.json`), 'utf8'));
}

/** What each credential id stored in the saved workflows holds, from the sandbox's seed. */
function savedCredentialData(seed, baseUrlOverride) {
	const { app, tokens } = seed;
	return {
		savedUserToken: { type: 'metaAccessTokenApi', data: { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret, baseUrlOverride } },
		savedSystemToken: { type: 'metaAccessTokenApi', data: { accessToken: tokens.systemUser, baseUrlOverride } },
		savedFacebookLogin: {
			type: 'metaOAuth2Api',
			data: { clientId: app.id, clientSecret: app.secret, baseUrlOverride, oauthTokenData: { access_token: tokens.adaUser, token_type: 'bearer', expires_in: 5183944 } },
		},
	};
}

const CUSTOMER = '16505551234';

module.exports = { FILES, savedWorkflow, savedCredentialData, CUSTOMER };
