'use strict';
// Behaviour switches. Defaults follow the reference; every [UNCONFIRMED]/[CONFLICT] choice lives here
// so tests can flip it through POST /__admin/settings.

const DEFAULT_SETTINGS = Object.freeze({
	/** Version assumed for unversioned calls (reference §0: app default version, [UNCONFIRMED]). */
	defaultApiVersion: 'v26.0',
	/** Code exchange returns a short-lived user token by default so clients must call fb_exchange_token. */
	codeExchangeLongLived: false,
	shortLivedUserTokenSeconds: 5400,
	longLivedTokenSeconds: 5183944,
	/** Facebook Login code lifetime ~10 min, IG Login ~1 h ([UNCONFIRMED]/[community]). */
	fbCodeTtlSeconds: 600,
	igCodeTtlSeconds: 3600,
	igShortLivedTokenSeconds: 3600,
	/** IG code exchange response: documented {data:[...]} or flat object seen in the wild ([community]). */
	igTokenResponseShape: 'data',
	/** IG refresh is allowed once the token is at least this old. */
	igRefreshMinAgeSeconds: 86400,
	/** Error for a refresh that is too early: exact code/message [UNCONFIRMED]. */
	igRefreshTooYoungError: {
		code: 100,
		message: 'The access token is too new to be refreshed. Long-lived tokens can be refreshed once they are at least 24 hours old.',
	},
	igRefreshIncludesPermissions: false,
	/** Missing permission: 200 "Requires X permission" (or 10 "Application does not have permission for this action"). */
	missingScopeCode: 200,
	/** appsecret_proof errors: code 100 [UNCONFIRMED], type GraphMethodException [UNCONFIRMED]. */
	appsecretProofErrorCode: 100,
	appsecretProofErrorType: 'GraphMethodException',
	/** OAuth errors carry `WWW-Authenticate: OAuth "Facebook Platform" ...` ([community]). */
	wwwAuthenticateHeader: true,
	/**
	 * Usage that moves with the calls made (core/load.js): the rolling window (reference §7: one hour), the app's
	 * budget per window (200 × daily active users, here 24 users) and budgets per BUC use case (calls per window;
	 * unset = the product's formula, e.g. ads §7.3; no budget = not counted). A full budget refuses the next call.
	 */
	usageWindowSeconds: 3600,
	usageAppCallsPerWindow: 4800,
	usageBudgets: {},
	/** Throttles come back as HTTP 400 ([UNCONFIRMED]; not 429). */
	throttleStatus: 400,
	/** How long a `timeout` fault holds the request before destroying the socket. */
	timeoutFaultMs: 30000,
	pagingDefaultLimit: 25,
	pagingMaxLimit: 100,
	/**
	 * Meta's paging (issue 13): pages may be short or empty and still carry `next`; the last rows may come with a
	 * `next` that leads to an empty page. false = kind paging (full pages, `next` exactly when more rows exist).
	 */
	pagingShortPages: true,
	/** Seed for which pages come short or empty (same seed, same pages); 60 gives every kind of edge the tests read an empty page with `next` before its end. */
	pagingSeed: 60,
	/** Share of pages that come empty with `next`, and of short ones (fewer rows than `limit`). */
	pagingEmptyShare: 0.2,
	pagingShortShare: 0.4,
	/** A page asked for with `after` hands back that same cursor in `next` (Meta repeating a cursor). */
	pagingRepeatCursor: false,
	/** Data access expires 90 days after last activity. */
	dataAccessSeconds: 90 * 86400,
	/** debug_token on an IG-Login token: reported type [UNCONFIRMED]. */
	debugTokenIgType: 'USER',
	/** Webhook sender. The reference reports `Webhooks/1.0 (https://fb.me/webhooks)` [community]; the brief asked for facebookexternalua. */
	webhookUserAgent: 'facebookexternalua',
	/** Also escape '/' as '\/' like PHP json_encode ([UNCONFIRMED]; off by default). */
	webhookEscapeSlashes: false,
	webhookRetryDelayMs: 20,
	webhookTimeoutMs: 10000,
	/** Batch: max operations per request. */
	batchMaxOperations: 50,
	/** Ads insights (products/ads): rows a synchronous request may cover before 100/1487534 ([UNCONFIRMED] threshold). */
	adsInsightsSyncMaxRows: 20000,
	/** Rows an async report may cover before it fails with -3/1504045 ([UNCONFIRMED] threshold). */
	adsInsightsAsyncMaxRows: 5000000,
	/** Insights page size: default ([UNCONFIRMED], commonly 25) and cap ([UNCONFIRMED]). */
	adsInsightsDefaultLimit: 25,
	adsInsightsMaxLimit: 1000,
	/**
	 * Async report states on the sandbox clock (polling does not move them): each step lasts its `seconds`, else
	 * adsReportStepSeconds; the last one stays. A job sits at 100% "Job Running" for minutes before "Job Completed".
	 */
	adsReportScript: [
		{ status: 'Job Not Started', percent: 0 },
		{ status: 'Job Started', percent: 0 },
		{ status: 'Job Running', percent: 45 },
		{ status: 'Job Running', percent: 100, seconds: 150 },
		{ status: 'Job Completed', percent: 100 },
	],
	adsReportStepSeconds: 10,
	/** Multiplies every report step's duration (tests shrink report time with it; 1 = real durations). */
	adsReportTimeScale: 1,
	/**
	 * Share of completed reports whose first row reads answer 2601/1815107 "Error accessing adreport job"
	 * (is_transient), and how many such reads in a row; drawn from adsReportSeed per report. 0 = rows readable at once.
	 */
	adsReportRowsErrorShare: 0.5,
	adsReportRowsErrorTimes: 2,
	adsReportSeed: 1,
	/** report_run_id in the POST answer as a JSON number instead of a string ([CONFLICT], reference §6.3). */
	adsReportRunIdAsNumber: false,
});

/** Defaults a product adds for its own behaviour (e.g. Instagram container processing time); see registerProductSettings. */
const productDefaults = {};

/** A product registers its settings once at load; they then take part in defaults, reset and POST /__admin/settings. */
function registerProductSettings(defaults) {
	Object.assign(productDefaults, defaults);
}

function defaultSettings() {
	return JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS, ...productDefaults }));
}

module.exports = { DEFAULT_SETTINGS, defaultSettings, registerProductSettings };
