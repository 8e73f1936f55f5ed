'use strict';
/** Helpers for Meta Conversions API node tests: a token with ads_management, parameters, what the sandbox kept. */
const { conversionsAdmin, DEFAULT_PIXEL } = require('../sandbox/products/conversions');

const NODE = 'n8n-nodes-meta-business.metaConversionsApi';
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

function conversionsTools(fx) {
	/** A system user token with ads_management, as Conversions API tokens from Events Manager are. */
	const credential = () => {
		const { tokens } = fx.admin.seed({
			tokens: [{ type: 'SYSTEM_USER', appId: fx.seed.app.id, userId: fx.seed.systemUser.id, scopes: [...fx.seed.scopes.facebook, 'ads_management'], expiresIn: 0 }],
		});
		return fx.credential('metaAccessTokenApi', { accessToken: tokens[0], appId: fx.seed.app.id, appSecret: fx.seed.app.secret });
	};
	return {
		credential,
		admin: () => conversionsAdmin(fx.sandbox.state),
		events: () => conversionsAdmin(fx.sandbox.state).events(),
		parameters: (extra = {}) => ({ authentication: 'metaAccessTokenApi', resource: 'event', operation: 'send', pixel: rl(DEFAULT_PIXEL.id), ...extra }),
		async run(parameters, options = {}) {
			return await fx.engine.runNode({ type: NODE, parameters: this.parameters(parameters), credentials: options.creds ?? credential(), ...options });
		},
	};
}

module.exports = { conversionsTools, NODE, DEFAULT_PIXEL, rl };
