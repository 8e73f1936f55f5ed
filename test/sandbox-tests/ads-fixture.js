'use strict';
// Jest hooks for the ads sandbox tests: one sandbox per file, default scenario per test, Graph helpers.
const { startSandbox } = require('./helpers');

/** @returns {() => Awaited<ReturnType<typeof startSandbox>> & {get:Function}} */
function useAdsSandbox() {
	let ctx;
	beforeAll(async () => {
		ctx = await startSandbox();
		/** GET on graph.facebook.com as Ada (or `token`). */
		ctx.get = (path, params = {}, token = ctx.seed.tokens.adaUser) => ctx.api.get(ctx.fb(path), { params: { access_token: token, ...params } });
	});
	afterAll(() => ctx.sandbox.stop());
	beforeEach(() => {
		ctx.sandbox.admin.reset();
		ctx.sandbox.admin.seed('default');
	});
	return () => ctx;
}

module.exports = { useAdsSandbox };
