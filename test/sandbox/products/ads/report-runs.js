'use strict';
// Async insights report runs (reference §6.3): GET /{report_run_id} walks a scripted state machine on the sandbox
// clock only (settings adsReportScript: each step lasts its `seconds`, else adsReportStepSeconds, times
// adsReportTimeScale; polling does not move it), including minutes at 100% "Job Running" before "Job Completed".
// GET /{report_run_id}/insights pages the rows once the job completed; right after completion some runs (seeded,
// adsReportRowsErrorShare) first answer 2601/1815107 "Error accessing adreport job" (is_transient) a few times.
const crypto = require('crypto');
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
	const run = { id, accountId: plan.accountId, plan, createdAt: state.nowSec(), createdAtMs: state.nowMs(), script, completedAt: null, rowErrorsLeft: rowErrorsOf(state, store.runSeq) };
	store.runs.set(id, run);
	return run;
}

/** How many row reads of the run-th report answer 2601/1815107 first (seeded: the same seed, the same runs hit). */
function rowErrorsOf(state, runSeq) {
	const { adsReportRowsErrorShare: share, adsReportRowsErrorTimes: most, adsReportSeed: seed } = state.settings;
	const digest = crypto.createHash('sha256').update(`${seed}:report:${runSeq}`).digest();
	return digest.readUInt32BE(0) / 2 ** 32 < share ? Math.max(0, most) : 0;
}

/** The step the run is at by the sandbox clock alone (status polls do not move it). */
function stepOf(state, run) {
	const settings = state.settings;
	let left = state.nowMs() - run.createdAtMs;
	let index = 0;
	for (; index < run.script.length - 1; index++) {
		left -= (run.script[index].seconds ?? settings.adsReportStepSeconds) * settings.adsReportTimeScale * 1000;
		if (left < 0) break;
	}
	const step = run.script[index];
	if (step.status === 'Job Completed' && !run.completedAt) run.completedAt = state.nowSec();
	return step;
}

/** Meta's answer while a completed report's rows cannot be read yet ([issue 13]; not in the reference). */
const ADREPORT_NOT_READABLE = { code: 2601, subcode: 1815107, message: 'Error accessing adreport job', isTransient: true };

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
			const step = stepOf(state, run);
			const selected = selectFields(req.query.fields, DEFAULT_FIELDS, runGetters(state, run, step), 'AdReportRun');
			if (!selected.ok) return graphError(res, selected.error);
			res.json(selected.body);
		}),
	);

	router.get(
		'/:id/insights',
		withRun((req, res, run) => {
			const step = stepOf(state, run);
			if (step.status !== 'Job Completed') {
				// Wording and code [UNCONFIRMED] (reference §6.5): Meta refuses rows of an unfinished report.
				return graphError(res, { code: 100, message: `Report run ${run.id} is not completed yet (async_status: ${step.status}).` });
			}
			if (run.rowErrorsLeft > 0) {
				run.rowErrorsLeft -= 1;
				return graphError(res, ADREPORT_NOT_READABLE);
			}
			const page = pageOfRows(state, req, run.plan, `run:${run.id}`);
			if (!page.ok) return graphError(res, page.error);
			res.json(page.body);
		}),
	);
}

module.exports = { register, createRun };
