'use strict';
// Async report runs: POST → report_run_id, the scripted state machine (stall at 100% before Job Completed,
// Job Failed with error fields, Job Skipped, too large), rows only after completion.
const { form } = require('./helpers');
const { useAdsSandbox } = require('./ads-fixture');

const sandbox = useAdsSandbox();
let ctx;
beforeEach(() => {
	ctx = sandbox();
});

const token = () => ctx.seed.tokens.adaUser;
const PARAMS = { level: 'ad', fields: 'ad_id,impressions,spend', time_increment: 1, date_preset: 'last_7d' };

async function createReport(params = PARAMS) {
	const res = await ctx.api.post(ctx.fb(`/${ctx.seed.adAccount.id}/insights`), form({ access_token: token(), ...params }));
	expect(res.status).toBe(200);
	return res.data.report_run_id;
}
const status = (id) => ctx.api.get(ctx.fb(`/${id}`), { params: { access_token: token() } });
const rows = (id, params = {}) => ctx.api.get(ctx.fb(`/${id}/insights`), { params: { access_token: token(), ...params } });

describe('async report runs', () => {
	test('a report follows the sandbox clock only: Not Started → Started → Running → minutes at 100% → Job Completed', async () => {
		ctx.sandbox.admin.settings({ adsReportRowsErrorShare: 0 }); // this test reads rows at once; 2601 has its own test
		const id = await createReport();
		expect(typeof id).toBe('string');
		const seen = [];
		const look = async () => {
			const res = await status(id);
			seen.push([res.data.async_status, res.data.async_percent_completion]);
		};
		for (let i = 0; i < 4; i++) await look();
		expect((await rows(id)).data.error).toMatchObject({ code: 100, message: expect.stringMatching(/not completed/) });
		for (const seconds of [10, 10, 10, 60, 60, 30]) {
			ctx.sandbox.admin.advanceClock(seconds);
			await look();
		}
		expect(seen).toEqual([
			['Job Not Started', 0],
			['Job Not Started', 0],
			['Job Not Started', 0],
			['Job Not Started', 0],
			['Job Started', 0],
			['Job Running', 45],
			['Job Running', 100],
			['Job Running', 100],
			['Job Running', 100],
			['Job Completed', 100],
		]);
		const done = (await status(id)).data;
		expect(done).toMatchObject({ id, account_id: '900000000000001', is_running: false, date_start: expect.any(String) });
		expect(done.time_completed).toEqual(expect.any(Number));
		const all = [];
		let after;
		do {
			const page = await rows(id, { limit: 40, ...(after ? { after } : {}) });
			all.push(...page.data.data);
			after = page.data.paging && page.data.paging.next ? page.data.paging.cursors.after : undefined;
		} while (after);
		const sync = [];
		after = undefined;
		do {
			const page = await ctx.api.get(ctx.fb(`/${ctx.seed.adAccount.id}/insights`), { params: { access_token: token(), ...PARAMS, limit: 200, ...(after ? { after } : {}) } });
			sync.push(...page.data.data);
			after = page.data.paging && page.data.paging.next ? page.data.paging.cursors.after : undefined;
		} while (after);
		expect(all).toEqual(sync);
	});

	test('right after Job Completed, rows may answer 2601/1815107 (is_transient) a few times, seeded, then read', async () => {
		ctx.sandbox.admin.settings({ adsReportRowsErrorShare: 1, adsReportRowsErrorTimes: 2 });
		const id = await createReport();
		ctx.sandbox.admin.advanceClock(3600);
		expect((await status(id)).data.async_status).toBe('Job Completed');
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push((await rows(id, { limit: 5 })).data);
		const failures = answers.filter((a) => a.error);
		expect(failures).toHaveLength(2);
		for (const f of failures) expect(f.error).toMatchObject({ code: 2601, error_subcode: 1815107, is_transient: true, message: '(#2601) Error accessing adreport job' });
		expect(answers.slice(failures.length).every((a) => Array.isArray(a.data))).toBe(true);
		ctx.sandbox.admin.settings({ adsReportRowsErrorShare: 0 });
		const clean = await createReport();
		ctx.sandbox.admin.advanceClock(3600);
		expect((await rows(clean, { limit: 5 })).data.data).toEqual(expect.any(Array));
	});

	test('the sandbox clock moves a report along too', async () => {
		const id = await createReport();
		ctx.sandbox.admin.advanceClock(3600);
		expect((await status(id)).data.async_status).toBe('Job Completed');
	});

	test('Job Failed carries error fields; Job Skipped ends without rows', async () => {
		ctx.sandbox.admin.settings({ adsReportScript: [{ status: 'Job Running', percent: 30 }, { status: 'Job Failed', percent: 30, error_message: 'Internal failure while aggregating' }] });
		const failed = await createReport();
		ctx.sandbox.admin.advanceClock(10);
		const res = (await status(failed)).data;
		expect(res).toMatchObject({ async_status: 'Job Failed', error_code: -2, error_subcode: 2490547, error_message: 'Internal failure while aggregating', is_running: false });
		ctx.sandbox.admin.settings({ adsReportScript: [{ status: 'Job Skipped', percent: 0 }] });
		const skipped = await createReport();
		expect((await status(skipped)).data).toMatchObject({ async_status: 'Job Skipped' });
		expect((await rows(skipped)).data.error).toMatchObject({ code: 100 });
	});

	test('a report bigger than the async limit fails with -3/1504045; report_run_id can be a number', async () => {
		ctx.sandbox.admin.settings({ adsInsightsAsyncMaxRows: 10, adsReportRunIdAsNumber: true });
		const id = await createReport();
		expect(typeof id).toBe('number');
		ctx.sandbox.admin.advanceClock(10);
		expect((await status(id)).data).toMatchObject({ async_status: 'Job Failed', error_code: -3, error_subcode: 1504045 });
	});

	test('the POST is validated like the GET; someone else cannot read the run', async () => {
		const bad = await ctx.api.post(ctx.fb(`/${ctx.seed.adAccount.id}/insights`), form({ access_token: token(), fields: 'nope' }));
		expect(bad.data.error).toMatchObject({ code: 100 });
		const id = await createReport();
		const eddie = await ctx.api.get(ctx.fb(`/${id}`), { params: { access_token: ctx.seed.tokens.eddieUser } });
		expect(eddie.data.error).toMatchObject({ code: 200 });
	});
});
