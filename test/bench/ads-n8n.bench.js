'use strict';
/**
 * Benchmark (not a test): the Meta Ads node reading an insights report inside a real n8n 2.41.1 (the packed package,
 * installed as users install it), beside n8n's own HTTP Request node following `paging.next` through the same report
 * in the same n8n, executions alternating. Each node's own execution time (n8n's `executionTime`), median of the
 * runs after a warm-up. In-process benchmarks (ads-insights.bench.js) cannot show what n8n charges per request in a
 * real n8n: an expression is evaluated in an isolate there, and a credential read resolves the credential's
 * expressions (docs/performance.md, session 25).
 *
 *   npm run bench -- ads-n8n
 */
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox');
const { packPackage, startN8n, PACKAGE_NAME } = require('../e2e/n8n-instance');
const { insightsParameters } = require('../support/ads');

const RUNS = Number(process.env.BENCH_ADS_N8N_RUNS || 5);
const ACCOUNT = '900000000000078';
const PAGE_SIZE = 100;
const FIELDS = ['ad_id', 'impressions', 'clicks', 'spend', 'ctr', 'actions'];
const RANGE = { since: '2025-09-01', until: '2026-01-08' };

function workflow(name, node) {
	return {
		name,
		nodes: [
			{ id: 'trigger', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'reader', position: [260, 0], ...node },
		],
		connections: { 'Manual Trigger': { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

async function main() {
	const sb = createSandbox();
	await sb.start();
	const seed = sb.seedResult;
	sb.admin.seed({ adAccounts: [{ id: ACCOUNT, userIds: [seed.users.ada.id], dataDays: 400, structure: { campaigns: 10, adsetsPerCampaign: 10, adsPerAdset: 1 } }] });
	sb.admin.settings({ adsInsightsSyncMaxRows: 10_000_000, adsInsightsMaxLimit: 5000 });
	const tarball = await packPackage({ log: (line) => console.error(line) });
	const n8n = await startN8n({ tarball, log: (line) => console.error(line) });
	try {
		const credential = await n8n.createCredential({
			name: 'Meta (bench)',
			type: 'metaAccessTokenApi',
			data: { accessToken: seed.tokens.adaUser, appId: seed.app.id, appSecret: seed.app.secret, baseUrlOverride: sb.url },
		});
		const fx = { seed: { ...seed, adAccount: { id: `act_${ACCOUNT}` } } };
		const ours = await n8n.createWorkflow(
			workflow('Meta Ads report (bench)', {
				name: 'Meta Ads',
				type: `${PACKAGE_NAME}.metaAds`,
				typeVersion: 1,
				credentials: { metaAccessTokenApi: { id: credential.id, name: credential.name } },
				// Simplify off: the rows as Meta sends them, as the HTTP Request node gets them.
				parameters: insightsParameters(fx, { level: 'ad', fields: FIELDS, datePreset: 'custom', since: RANGE.since, until: RANGE.until, timeIncrement: '1', simplify: false, options: { mode: 'sync', pageSize: PAGE_SIZE } }),
			}),
		);
		const query = { access_token: seed.tokens.adaUser, level: 'ad', fields: FIELDS.join(','), time_range: JSON.stringify(RANGE), time_increment: '1', limit: String(PAGE_SIZE) };
		const peer = await n8n.createWorkflow(
			workflow('HTTP Request report (bench)', {
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					url: `${sb.url}/graph.facebook.com/v26.0/act_${ACCOUNT}/insights`,
					sendQuery: true,
					queryParameters: { parameters: Object.entries(query).map(([name, value]) => ({ name, value })) },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'responseContainsNextURL',
								nextURL: '={{ $response.body.paging.next }}',
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.paging || !$response.body.paging.next }}',
							},
						},
					},
				},
			}),
		);
		const targets = [
			{ label: 'Meta Ads node, direct, Simplify off', workflow: ours, node: 'Meta Ads', rowsOf: (items) => items.length },
			{ label: "n8n's HTTP Request node following paging.next", workflow: peer, node: 'HTTP Request', rowsOf: (items) => items.reduce((n, item) => n + (item.json.data?.length ?? 0), 0) },
		];
		const times = targets.map(() => []);
		const seen = targets.map(() => ({}));
		for (let run = 0; run <= RUNS; run++) {
			for (const [index, target] of targets.entries()) {
				sb.admin.clearUsage();
				const seq = sb.state.callSeq;
				const execution = await n8n.runManually(target.workflow.id, 'Manual Trigger', { timeoutMs: 600000 });
				if (execution.status !== 'success') throw new Error(`${target.label}: execution ${execution.status}`);
				const nodeRun = execution.data.resultData.runData[target.node][0];
				seen[index] = { rows: target.rowsOf(nodeRun.data.main[0]), pages: sb.admin.calls({ since: seq }).filter((c) => c.path.endsWith('/insights')).length };
				if (run > 0) times[index].push(nodeRun.executionTime); // run 0 warms up
			}
		}
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const ratios = times[0].map((ms, run) => ms / times[1][run]).sort((a, b) => a - b);
		console.log(`\nOne report (${seen[0].rows} rows, ${PAGE_SIZE} a page) in a real n8n 2.41.1, ${RUNS} executions of each after a warm-up, alternating; node execution time as n8n records it\n`);
		console.log('| what | median ms | runs ms | rows | pages |');
		console.log('|---|---|---|---|---|');
		for (const [index, target] of targets.entries()) console.log(`| ${target.label} | ${median(times[index])} | ${times[index].join(' ')} | ${seen[index].rows} | ${seen[index].pages} |`);
		console.log(`\nMeta Ads node / HTTP Request node: ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}× (median of each run's ratio)`);
	} finally {
		await n8n.stop({ removeUserFolder: true });
		await sb.stop();
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
