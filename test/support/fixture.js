'use strict';
/** One sandbox on loopback plus one real-engine harness per test file. */
const crypto = require('crypto');
const { createSandbox } = require('../sandbox');
const { Engine } = require('../harness/engine');
const { graphProbeNodeType } = require('../fixtures/graph-probe.node');

const PROBE = 'test.graphProbe';

async function startFixture() {
	const sandbox = createSandbox();
	const { url } = await sandbox.start();
	const fixture = {
		sandbox,
		url,
		seed: sandbox.seedResult,
		admin: sandbox.admin,
		engine: new Engine({ extraNodeTypes: { [PROBE]: graphProbeNodeType } }),
		/** Fresh sandbox state and a fresh engine (empty credential store) for each test. */
		reset() {
			sandbox.admin.reset();
			sandbox.admin.seed('default');
			fixture.engine = new Engine({ extraNodeTypes: { [PROBE]: graphProbeNodeType } });
		},
		calls(filter = {}) {
			return sandbox.admin.calls(filter);
		},
		/** Adds a stored credential of `type` and returns the node's credentials block. */
		credential(type, data) {
			return { [type]: fixture.engine.credentials.add(type, { baseUrlOverride: url, ...data }) };
		},
		/** Runs the Graph Probe node once. */
		async probe(credentials, parameters = {}, options = {}) {
			const authentication = Object.keys(credentials)[0];
			return await fixture.engine.runNode({
				type: PROBE,
				parameters: { authentication, ...stringifyJson(parameters) },
				credentials,
				...options,
			});
		},
		stop: () => sandbox.stop(),
	};
	return fixture;
}

function stringifyJson(parameters) {
	const out = { ...parameters };
	for (const key of ['qs', 'body', 'retry', 'batch']) {
		if (out[key] !== undefined && typeof out[key] !== 'string') out[key] = JSON.stringify(out[key]);
	}
	return out;
}

function proofFor(token, secret) {
	return crypto.createHmac('sha256', secret).update(token).digest('hex');
}

/** Fast retries for tests: real back-off shape, milliseconds instead of seconds. */
const FAST_RETRY = { maxRetries: 3, baseDelayMs: 20, maxWaitMs: 5000, slowDownFromPercent: 75, slowDownMaxDelayMs: 400 };

module.exports = { startFixture, proofFor, FAST_RETRY, PROBE };

/** Gives Ada `count` more Pages (ids 1290000000000001…), for paging and batch tests. */
function seedManyPages(fx, count) {
	const ids = [];
	const pages = [];
	const roles = [];
	for (let i = 1; i <= count; i++) {
		const id = String(1290000000000000 + i);
		ids.push(id);
		pages.push({ id, name: `Branch ${String(i).padStart(3, '0')}` });
		roles.push({ userId: fx.seed.users.ada.id, pageId: id });
	}
	fx.admin.seed({ pages, roles });
	return ids;
}

module.exports.seedManyPages = seedManyPages;

/**
 * Registers the usual jest hooks (one sandbox per file, fresh state per test) and returns a getter for the fixture.
 * Use as `const fixture = useFixture();` then `const fx = fixture();` inside tests.
 */
function useFixture() {
	let fx;
	beforeAll(async () => {
		fx = await startFixture();
	});
	afterAll(async () => fx.stop());
	beforeEach(() => fx.reset());
	return () => fx;
}

module.exports.useFixture = useFixture;

/**
 * For trigger tests: the usual fixture plus `trigger(type, parameters, credentials)` which starts a webhook harness
 * for one of our trigger nodes and stops it after the test.
 */
function useTriggerFixture() {
	const fixture = useFixture();
	const { WebhookHarness } = require('../harness/webhooks');
	const started = [];
	afterEach(async () => {
		while (started.length) await started.pop().stop();
	});
	return {
		fixture,
		async start(type, parameters, credentials, webhookId) {
			const harness = await new WebhookHarness(fixture().engine, { type: `n8n-nodes-meta-business.${type}`, parameters, credentials, webhookId }).start();
			started.push(harness);
			return harness;
		},
	};
}

module.exports.useTriggerFixture = useTriggerFixture;

/** A Meta Access Token credential as n8n would have stored it after an earlier run: pasted token plus its saved session, next check due at `dueAt`. */
function storedSession(token, issuedAt, dueAt) {
	const { sessionStateExpression } = require('../../dist/nodes/shared/auth/accessTokenSession');
	return {
		accessToken: token,
		sessionToken: token,
		sessionTokenSuffix: token.slice(-6),
		sessionIssuedAt: issuedAt,
		sessionExpiresAt: issuedAt + 60 * 86400,
		sessionState: sessionStateExpression(token, dueAt),
	};
}
module.exports.storedSession = storedSession;
