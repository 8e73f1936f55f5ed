'use strict';
/**
 * Benchmark (not a test): how many container status calls the Instagram Business node makes and how long it
 * overshoots the moment Meta finished processing, beside a fixed 5-second poller and Meta's suggested
 * once-a-minute poller, measured the same way on the same sandbox state machine.
 *
 * - 1 s, 10 s, 60 s: real runs (wall clock), all at once: the node (each of its presets) through WorkflowExecute,
 *   the fixed pollers as plain loops over HTTP.
 * - 300 s, 900 s: the node's own schedule (pollTimesMs from the built node) and the fixed pollers replayed against
 *   the sandbox over HTTP, moving the sandbox clock to each check instead of waiting.
 * - "warm": the node after it has seen earlier media of the kind (Learn Processing Time, on by default). Real for 1 s
 *   and 10 s (two alike reels in one run, the second measured); replayed otherwise, with an earlier sample 10% off.
 * - A spread of 500 processing times (log-uniform 1–900 s) replayed the same way, so the figures do not hinge on
 *   round numbers; warm there means one earlier sample anywhere within ±30% of the true time.
 * Overshoot = first status read that saw FINISHED − the moment the container became ready.
 */
const path = require('path');
const axios = require('axios');
const { createSandbox } = require('../sandbox');
const { Engine } = require('../harness/engine');
const { instagramTools, VIDEO } = require('../support/instagram');
const { statusCode, readyAtMs } = require('../sandbox/products/instagram/containers');
const { POLLING_PLANS, pollTimesMs, estimateFrom } = require(path.resolve(__dirname, '../../dist/nodes/InstagramBusiness/helpers/pollSchedule'));

const REAL = [1, 10, 60];
const REPLAYED = [300, 900];
const PRESETS = Object.keys(POLLING_PLANS);
const FIXED = { 'fixed 5 s': 5000, 'once a minute': 60_000 };

function fixedTimes(intervalMs, untilMs) {
	const times = [0];
	while (times[times.length - 1] < untilMs) times.push(times[times.length - 1] + intervalMs);
	return times;
}

async function main() {
	const sandbox = createSandbox();
	const { url } = await sandbox.start(0);
	const fx = { sandbox, url, seed: sandbox.seedResult, admin: sandbox.admin, engine: new Engine(), calls: (f) => sandbox.admin.calls(f) };
	fx.credential = (type, data) => ({ [type]: fx.engine.credentials.add(type, { baseUrlOverride: url, ...data }) });
	const ig = instagramTools(fx);
	sandbox.admin.settings({ igPublishQuotaTotal: 100000 });
	const igId = fx.seed.instagram.id;
	const token = fx.seed.tokens.adaUser;
	const api = axios.create({ baseURL: `${url}/graph.facebook.com/v26.0`, validateStatus: () => true });
	const store = () => sandbox.state.ns('instagram', () => null);
	const rows = [];

	/** Status calls and overshoot of one container, read from the sandbox's call log. */
	function measure(containerId) {
		const container = store().containers.get(containerId);
		const ready = readyAtMs(container);
		const reads = fx.calls({ method: 'GET' }).filter((c) => c.path === `/${containerId}`);
		const seen = reads.find((c) => c.at >= ready);
		return { calls: reads.length, overshootMs: seen ? seen.at - ready : NaN };
	}

	async function createContainer(seconds) {
		const res = await api.post(`/${igId}/media`, new URLSearchParams({ media_type: 'REELS', video_url: `${VIDEO}?sandbox_processing=${seconds}`, access_token: token }).toString());
		return res.data.id;
	}

	async function fixedPollerReal(seconds, intervalMs) {
		const id = await createContainer(seconds);
		for (;;) {
			const res = await api.get(`/${id}`, { params: { fields: 'status_code', access_token: token } });
			if (res.data.status_code === 'FINISHED') break;
			await new Promise((r) => setTimeout(r, intervalMs));
		}
		await api.post(`/${igId}/media_publish`, new URLSearchParams({ creation_id: id, access_token: token }).toString());
		return measure(id);
	}

	/** Cold: learning off. Warm: two alike reels in one run, the second one measured. */
	async function nodeReal(seconds, preset, warm = false) {
		const run = await ig.run(
			{ operation: 'publish', postType: 'reel', videoSource: 'url', videoUrl: `=${VIDEO}?sandbox_processing=${seconds}&n={{ $json.n }}`, options: { polling: preset, learnProcessingTime: warm } },
			{ items: warm ? [{ n: 1 }, { n: 2 }] : [{ n: 1 }] },
		);
		if (run.error) throw run.error;
		return measure(run.items[run.items.length - 1].containerId);
	}

	/** Replays check times (ms from creation) against the sandbox over HTTP, moving its clock to each check. */
	async function replay(seconds, times) {
		const id = await createContainer(seconds);
		const start = store().containers.get(id).createdAtMs;
		for (const t of times) {
			sandbox.state.clockOffsetMs += start + t - sandbox.state.nowMs();
			const res = await api.get(`/${id}`, { params: { fields: 'status_code', access_token: token } });
			if (res.data.status_code === 'FINISHED') break;
		}
		return measure(id);
	}

	console.log(`Real runs (${REAL.join(' s, ')} s) in parallel, about ${Math.max(...REAL) + 10} s…`);
	const jobs = [];
	for (const seconds of REAL) {
		for (const preset of PRESETS) jobs.push(nodeReal(seconds, preset).then((m) => rows.push({ seconds, strategy: `node ${preset}`, how: 'real', ...m })));
		if (seconds <= 10) jobs.push(nodeReal(seconds, 'balanced', true).then((m) => rows.push({ seconds, strategy: 'node balanced, warm', how: 'real', ...m })));
		for (const [name, ms] of Object.entries(FIXED)) jobs.push(fixedPollerReal(seconds, ms).then((m) => rows.push({ seconds, strategy: name, how: 'real', ...m })));
	}
	await Promise.all(jobs);

	// Replays move the sandbox clock: only once the real runs are over. 60 s warm would take two real minutes.
	for (const seconds of REAL.filter((x) => x > 10)) {
		rows.push({ seconds, strategy: 'node balanced, warm', how: 'replay', ...(await replay(seconds, pollTimesMs(POLLING_PLANS.balanced, seconds * 1000 + 1, estimateFrom([seconds * 1100])))) });
	}
	for (const seconds of REPLAYED) {
		for (const preset of PRESETS) rows.push({ seconds, strategy: `node ${preset}`, how: 'replay', ...(await replay(seconds, pollTimesMs(POLLING_PLANS[preset], seconds * 1000 + 1))) });
		const warm = pollTimesMs(POLLING_PLANS.balanced, seconds * 1000 + 1, estimateFrom([seconds * 1100]));
		rows.push({ seconds, strategy: 'node balanced, warm', how: 'replay', ...(await replay(seconds, warm)) });
		for (const [name, ms] of Object.entries(FIXED)) rows.push({ seconds, strategy: name, how: 'replay', ...(await replay(seconds, fixedTimes(ms, seconds * 1000 + 1))) });
	}

	rows.sort((a, b) => a.seconds - b.seconds || a.strategy.localeCompare(b.strategy));
	console.log('\n| processing | strategy | measured | status calls | overshoot | overshoot % |');
	console.log('|---:|---|---|---:|---:|---:|');
	for (const r of rows) {
		console.log(`| ${r.seconds} s | ${r.strategy} | ${r.how} | ${r.calls} | ${(r.overshootMs / 1000).toFixed(2)} s | ${((100 * r.overshootMs) / (r.seconds * 1000)).toFixed(1)}% |`);
	}

	// The spread: the sandbox state machine in-process, clock moved to each check.
	const state = sandbox.state;
	const { createContainer: makeContainer } = require('../sandbox/products/instagram/containers');
	let seed = 42;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const spread = Array.from({ length: 500 }, () => Math.exp(Math.log(1) + random() * (Math.log(900) - Math.log(1))));
	const strategies = [
		...PRESETS.map((p) => [`node ${p}`, (ms) => pollTimesMs(POLLING_PLANS[p], ms)]),
		['node balanced, warm (1 sample ±30%)', (ms) => pollTimesMs(POLLING_PLANS.balanced, ms, estimateFrom([ms * (0.7 + 0.6 * random())]))],
		['node balanced, warm (3 samples ±10%)', (ms) => pollTimesMs(POLLING_PLANS.balanced, ms, estimateFrom([0, 1, 2].map(() => ms * (0.9 + 0.2 * random()))))],
		...Object.entries(FIXED).map(([n, i]) => [n, (ms) => fixedTimes(i, ms)]),
	];
	console.log('\nSpread of 500 processing times, log-uniform 1–900 s (replayed on the state machine):');
	console.log('| strategy | median calls | calls at ≤ 300 s (max) | median overshoot % | p90 overshoot % | max overshoot (s) |');
	console.log('|---|---:|---:|---:|---:|---:|');
	for (const [name, timesFor] of strategies) {
		const results = spread.map((seconds) => {
			const c = makeContainer(state, { igUserId: igId, kind: 'REELS', isVideo: true, processingSeconds: seconds });
			const start = c.createdAtMs;
			let calls = 0;
			let overshoot = NaN;
			for (const t of timesFor(seconds * 1000 + 1)) {
				state.clockOffsetMs += start + t - state.nowMs();
				calls += 1;
				if (statusCode(state, c) === 'FINISHED') {
					overshoot = t - seconds * 1000;
					break;
				}
			}
			return { seconds, calls, overshoot, pct: (100 * overshoot) / (seconds * 1000) };
		});
		const q = (arr, p) => [...arr].sort((a, b) => a - b)[Math.min(arr.length - 1, Math.floor(p * arr.length))];
		const upTo300 = results.filter((r) => r.seconds <= 300).map((r) => r.calls);
		console.log(
			`| ${name} | ${q(results.map((r) => r.calls), 0.5)} | ${Math.max(...upTo300)} | ${q(results.map((r) => r.pct), 0.5).toFixed(1)}% | ${q(results.map((r) => r.pct), 0.9).toFixed(1)}% | ${(Math.max(...results.map((r) => r.overshoot)) / 1000).toFixed(1)} |`,
		);
	}
	await sandbox.stop();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
