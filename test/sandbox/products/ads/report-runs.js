'use strict';
// Async insights report runs (reference §6.3): GET /{report_run_id} walks a scripted state machine (settings
// adsReportScript: one step per status poll or per adsReportStepSeconds of sandbox clock, including stalls at
// 100% before "Job Completed"), GET /{report_run_id}/insights pages the rows once the job completed.
const { graphError, errors } = require('../../core/errors');
const { requireToken } = require('../../core/tokens');
const { selectFields } = require('../../core/fields');
const { adsStore, getAccount, guardNode } = require('./store');
const { pageOfRows } = require('./rows');

const RUN_TTL_SECONDS = 30 * 86400;
const TOO_LARGE = { status: 'Job Failed', percent: 0, error_code: -3, error_subcode: 1504045, error_message: 'Async report too large: request less data (fewer fields, a shorter range or fewer breakdowns) per report.' };

function createRun(state, plan) {
	const store = adsStore(state);
	store.runSeq += 1;
	const id = `60${String(state.nowSec()).slice(-6)}${String(store.runSeq).padStart(5, '0')}`;
	let script = state.settings.adsReportScript.map((step) => ({ ...step }));
	if (plan.rawCount > state.settings.adsInsightsAsyncMaxRows) script = [script[0], TOO_LARGE];
	const run = { id, accountId: plan.accountId, plan, createdAt: state.nowSec(), polls: 0, script, completedAt: null };
	store.runs.set(id, run);
	return run;
}

/** Current step; `poll` counts this read as one status poll. */
function stepOf(state, run, poll) {
	const elapsedSteps = Math.floor((state.nowSec() - run.createdAt) / Math.max(1, state.settings.adsReportStepSeconds));
	const index = Math.min(run.script.length - 1, run.polls + elapsedSteps);
	if (poll) run.polls += 1;
	const step = run.script[index];
	if (step.status === 'Job Completed' && !run.completedAt) run.completedAt = state.nowSec();
	return step;
}

function runGetters(state, run, step) {
	const failed = step.status === 'Job Failed';
	const error = (key, fallback) => () => (failed ? step[key] ?? fallback : undefined);
	return {
		id: () => run.id,
		account_id: () => run.accountId,
		time_ref: () => run.createdAt,
		time_completed: () => (step.status === 'Job Completed' ? run.completedAt : undefined),
		async_status: () => step.status,
		async_percent_completion: () => step.percent,
		date_start: () => run.plan.dateStart,
		date_stop: () => run.plan.dateStop,
		is_running: () => !['Job Completed', 'Job Failed', 'Job Skipped'].includes(step.status),
		emails: () => [],
		friendly_name: () => undefined,
		schedule_id: () => undefined,
		async_report_url: () => undefined,
		// v25.0+: error fields are filled by default when a job fails (reference §6.3).
		error_code: error('error_code', -2),
		error_subcode: error('error_subcode', 2490547),
		error_message: error('error_message', 'The report could not be generated. Please try again later.'),
		error_user_title: error('error_user_title', undefined),
		error_user_msg: error('error_user_msg', undefined),
	};
}

const DEFAULT_FIELDS = ['id', 'account_id', 'time_ref', 'time_completed', 'async_status', 'async_percent_completion', 'date_start', 'date_stop', 'is_running', 'error_code', 'error_subcode', 'error_message', 'error_user_title', 'error_user_msg'];

function register({ state, routers }) {
	const router = routers['graph.facebook.com'];

	const withRun = (handler) => (req, res, next) => {
		const run = adsStore(state).runs.get(req.params.id);
		if (!run) return next();
		requireToken(state)(req, res, () => {
			const account = getAccount(state, run.accountId);
			if (!guardNode(state, req, res, { kind: 'account', account, object: null })) return;
			if (state.nowSec() - run.createdAt > RUN_TTL_SECONDS) return graphError(res, errors.unsupportedRequest(req.method, run.id));
			handler(req, res, run);
		});
	};

	router.get(
		'/:id',
		withRun((req, res, run) => {
			const step = stepOf(state, run, true);
			const selected = selectFields(req.query.fields, DEFAULT_FIELDS, runGetters(state, run, step), 'AdReportRun');
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		}),
	);

	router.get(
		'/:id/insights',
		withRun((req, res, run) => {
			const step = stepOf(state, run, false);
			if (step.status !== 'Job Completed') {
				// Wording and code [UNCONFIRMED] (reference §6.5): Meta refuses rows of an unfinished report.
				return graphError(res, { code: 100, message: `Report run ${run.id} is not completed yet (async_status: ${step.status}).` });
			}
			const page = pageOfRows(state, req, run.plan, `run:${run.id}`);
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		}),
	);
}

module.exports = { register, createRun };
