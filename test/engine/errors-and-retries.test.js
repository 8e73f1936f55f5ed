'use strict';
// Meta errors injected by the sandbox become NodeApiErrors with a category and a plain sentence; retries follow
// the usage headers and never repeat a call whose outcome is unknown.
const { useFixture, FAST_RETRY, seedManyPages } = require('../support/fixture');

const fixture = useFixture();
let fx;
beforeEach(() => {
	fx = fixture();
});

function userCredential() {
	const { app, tokens } = fx.seed;
	return fx.credential('metaAccessTokenApi', { accessToken: tokens.adaUser, appId: app.id, appSecret: app.secret });
}

async function failingRun(fault, parameters = {}) {
	const creds = userCredential();
	await fx.probe(creds, { path: 'me' }); // settles the credential session first
	fx.admin.clearCalls();
	fx.admin.addFault({ match: { path: '/me' }, ...fault });
	return await fx.probe(creds, { path: 'me', retry: { ...FAST_RETRY, maxRetries: 0 }, ...parameters });
}

function describeError(error) {
	return `${error.message} ${error.description ?? ''}`;
}

describe('every error category comes out of a real Meta error with its sentence', () => {
	const cases = [
		{ name: 'expired token', fault: { kind: 'expire' }, category: 'reconnect', code: 190, subcode: 463, text: /reconnect/i },
		{ name: 'bad parameter', fault: { kind: 'error', code: 100, subcode: 33, message: 'Unsupported get request.' }, category: 'fix_configuration', code: 100, subcode: 33, text: /Meta said: Unsupported get request/ },
		{ name: 'app throttled', fault: { kind: 'throttle', code: 4 }, category: 'quota', code: 4, text: /too many requests.*Application request limit reached/ },
		{ name: 'Meta outage', fault: { kind: 'http5xx', code: 2 }, category: 'retry_later', code: 2, text: /temporar|later/i },
		{ name: 'policy block', fault: { kind: 'error', code: 368, message: 'Temporarily blocked for policies violations' }, category: 'policy', code: 368, text: /polic/i },
	];
	test.each(cases)('$name → $category', async ({ fault, category, code, subcode, text }) => {
		const run = await failingRun(fault);
		expect(run.error).toBeDefined();
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.context.metaError).toMatchObject({ category, code, ...(subcode ? { subcode } : {}) });
		expect(run.error.context.metaError.fbtraceId).toMatch(/\w{6,}/);
		expect(describeError(run.error)).toMatch(text);
		expect(run.error.description).toContain(`fbtrace_id ${run.error.context.metaError.fbtraceId}`);
		expect(run.error.failure).toBeDefined();
	});

	test('an unknown code keeps Meta’s own words and takes its category from is_transient', async () => {
		const transient = await failingRun({ kind: 'error', code: 987654, message: 'Something odd happened', isTransient: true });
		expect(transient.error.context.metaError.category).toBe('retry_later');
		expect(transient.error.description).toMatch(/Something odd happened/);
		fx.admin.clearFaults();
		const permanent = await failingRun({ kind: 'error', code: 987655, message: 'Something wrong with the request', isTransient: false });
		expect(permanent.error.context.metaError.category).toBe('fix_configuration');
		expect(permanent.error.description).toMatch(/Something wrong with the request/);
	});
});

describe('retries and pacing', () => {
	test('a throttle is retried after the wait the usage headers advise, shown in the call log', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({
			match: { path: '/me' },
			kind: 'throttle',
			code: 17,
			regainAfterMinutes: 0,
			headers: { 'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 1 }) },
		});
		const run = await fx.probe(creds, { path: 'me', retry: FAST_RETRY });
		expect(run.error).toBeUndefined();
		expect(run.items[0].attempts).toBe(2);
		const calls = fx.calls({ path: '/me' });
		expect(calls.map((c) => c.status)).toEqual([400, 200]);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1000);
	});

	test('transient errors on a read are retried with back-off until they clear', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({ match: { path: '/me' }, kind: 'http5xx', code: 1, times: 2 });
		const run = await fx.probe(creds, { path: 'me', retry: FAST_RETRY });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: '/me' }).map((c) => c.status)).toEqual([500, 500, 200]);
	});

	test('when Meta blocks longer than the node may wait, it fails at once and says for how long', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		const { page } = fx.seed;
		fx.admin.addFault({ match: { path: '/me' }, kind: 'throttle', code: 80001, businessId: page.id, regainAfterMinutes: 30, times: 0 });
		const run = await fx.probe(creds, { path: 'me', retry: { ...FAST_RETRY, maxWaitMs: 60_000 } });
		expect(run.error.context.metaError.category).toBe('quota');
		expect(run.error.description).toMatch(/blocked for about 30 minute/);
		expect(run.error.failure).toMatchObject({ cause: 'rate-limited', retryAfterMs: 30 * 60_000 });
		expect(fx.calls({ path: '/me' })).toHaveLength(1);
	});

	test('a write Meta answered with a temporary error (5xx envelope) is repeated, as Meta advises for codes 1 and 2', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({ match: { path: '/me' }, kind: 'http5xx', code: 2, times: 2 });
		const run = await fx.probe(creds, { method: 'POST', path: 'me', qs: { method: 'get' }, retry: FAST_RETRY });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: '/me' }).map((c) => c.status)).toEqual([500, 500, 200]);
	});

	test('a write without an answer (outcome unknown) is never repeated and never marked retryable', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({ match: { path: '/me' }, kind: 'lostResponse', times: 0 });
		const run = await fx.probe(creds, { method: 'POST', path: 'me', qs: { method: 'get' }, retry: FAST_RETRY });
		expect(fx.calls({ path: '/me' })).toHaveLength(1);
		expect(run.error.context.metaError).toMatchObject({ outcome: 'unknown', outcomeUnknown: true, retryable: false });
		expect(run.error.errorResponse?.retryable ?? false).toBe(false);
		expect(run.error.description).toMatch(/unknown whether this request went through/);
	});

	test('a write that Meta refused with a throttle is safe to repeat, and is', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({ match: { path: '/me' }, kind: 'throttle', code: 4, regainAfterMinutes: 0 });
		const run = await fx.probe(creds, { method: 'POST', path: 'me', qs: { method: 'get' }, retry: FAST_RETRY });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: '/me' }).map((c) => c.status)).toEqual([400, 200]);
	});

	test('a dropped connection on a read is retried', async () => {
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		fx.admin.clearCalls();
		fx.admin.addFault({ match: { path: '/me' }, kind: 'timeout', ms: 100 });
		const run = await fx.probe(creds, { path: 'me', retry: FAST_RETRY });
		expect(run.error).toBeUndefined();
		expect(fx.calls({ path: '/me' })).toHaveLength(2);
	});

	test('calls slow down when usage approaches the limit, before Meta refuses anything', async () => {
		seedManyPages(fx, 3);
		const creds = userCredential();
		await fx.probe(creds, { path: 'me' });
		const gapsAt = async (percent) => {
			fx.admin.setUsage({ scope: 'app', call_count: percent, total_time: 1, total_cputime: 1 });
			fx.admin.clearCalls();
			const run = await fx.probe(creds, { operation: 'paginate', path: 'me/accounts', returnAll: true, pageSize: 1, retry: FAST_RETRY });
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(4);
			const calls = fx.calls({ path: '/me/accounts' });
			expect(calls.length).toBeGreaterThanOrEqual(4); // Meta's pages may be short or empty: at least one call per item
			return calls.slice(1).map((c, i) => c.at - calls[i].at);
		};
		// At 95% of the limit the layer pauses (95-75)/25 of the 400 ms maximum = 320 ms between calls.
		for (const gap of await gapsAt(95)) expect(gap).toBeGreaterThanOrEqual(300);
		// Far from the limit it does not pause.
		for (const gap of await gapsAt(10)) expect(gap).toBeLessThan(300);
	});
});
