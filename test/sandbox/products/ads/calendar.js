'use strict';
// Insights dates (reference §6.2): date presets relative to "today" in the ad account's time zone on the sandbox
// clock, time_range, and the periods a time_increment cuts a range into. Days are counted as UTC day numbers.

const DAY_MS = 86400000;

const toDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Today's day number in the account's time zone. */
function todayOf(state, account) {
	let iso;
	try {
		iso = new Intl.DateTimeFormat('en-CA', { timeZone: account.timezone_name, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(state.nowMs()));
	} catch {
		iso = new Date(state.nowMs()).toISOString().slice(0, 10);
	}
	return toDay(iso);
}

function monthStart(day, monthsBack = 0) {
	const d = new Date(day * DAY_MS);
	return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1) / DAY_MS);
}

function quarterStart(day, quartersBack = 0) {
	const d = new Date(day * DAY_MS);
	const q = Math.floor(d.getUTCMonth() / 3) - quartersBack;
	return Math.floor(Date.UTC(d.getUTCFullYear(), q * 3, 1) / DAY_MS);
}

function yearStart(day, yearsBack = 0) {
	return Math.floor(Date.UTC(new Date(day * DAY_MS).getUTCFullYear() - yearsBack, 0, 1) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
const weekday = (day) => new Date(day * DAY_MS).getUTCDay();

const DATE_PRESETS = {
	today: (t) => [t, t],
	yesterday: (t) => [t - 1, t - 1],
	this_month: (t) => [monthStart(t), t],
	last_month: (t) => [monthStart(t, 1), monthStart(t) - 1],
	this_quarter: (t) => [quarterStart(t), t],
	last_quarter: (t) => [quarterStart(t, 1), quarterStart(t) - 1],
	this_year: (t) => [yearStart(t), t],
	last_year: (t) => [yearStart(t, 1), yearStart(t) - 1],
	last_3d: (t) => [t - 3, t - 1],
	last_7d: (t) => [t - 7, t - 1],
	last_14d: (t) => [t - 14, t - 1],
	last_28d: (t) => [t - 28, t - 1],
	last_30d: (t) => [t - 30, t - 1],
	last_90d: (t) => [t - 90, t - 1],
	last_week_mon_sun: (t) => {
		const monday = t - ((weekday(t) + 6) % 7) - 7;
		return [monday, monday + 6];
	},
	last_week_sun_sat: (t) => {
		const sunday = t - weekday(t) - 7;
		return [sunday, sunday + 6];
	},
	this_week_mon_today: (t) => [t - ((weekday(t) + 6) % 7), t],
	this_week_sun_today: (t) => [t - weekday(t), t],
	maximum: (t, first) => [first, t],
	data_maximum: (t, first) => [first, t],
};

/** 37 months back from today (reference §6.2: older start dates → 3018). */
function oldestAllowed(today) {
	const d = new Date(today * DAY_MS);
	return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 37, d.getUTCDate()) / DAY_MS);
}

/**
 * The range a request covers.
 * @returns {{ok:true, since:number, until:number}|{ok:false, error:any}}
 */
function resolveRange(query, today, firstDataDay) {
	if (query.time_range !== undefined && query.time_range !== '') {
		let range = query.time_range;
		try {
			if (typeof range === 'string') range = JSON.parse(range);
		} catch {
			return { ok: false, error: { code: 100, message: 'param time_range must be a JSON object with since and until.' } };
		}
		const iso = /^\d{4}-\d{2}-\d{2}$/;
		if (!range || !iso.test(String(range.since)) || !iso.test(String(range.until))) {
			return { ok: false, error: { code: 100, message: 'time_range must include since and until as YYYY-MM-DD dates.' } };
		}
		const since = toDay(range.since);
		const until = toDay(range.until);
		if (!Number.isFinite(since) || !Number.isFinite(until)) return { ok: false, error: { code: 100, message: 'Invalid date in time_range.' } };
		if (since > until) return { ok: false, error: { code: 100, message: 'The since date must be before or equal to the until date.' } };
		if (since < oldestAllowed(today)) {
			return { ok: false, error: { code: 3018, message: 'The start date of the time range cannot be beyond 37 months from the current date' } };
		}
		return { ok: true, since, until };
	}
	const preset = String(query.date_preset || 'last_30d');
	if (!DATE_PRESETS[preset]) {
		return { ok: false, error: { code: 100, message: `param date_preset must be one of {${Object.keys(DATE_PRESETS).join(', ')}}` } };
	}
	const [since, until] = DATE_PRESETS[preset](today, Math.max(firstDataDay, oldestAllowed(today)));
	return { ok: true, since, until };
}

/**
 * Periods of a range: time_increment 1–90 days, `monthly` or `all_days` (default).
 * @returns {{ok:true, periods:Array<[number, number]>}|{ok:false, error:any}}
 */
function periodsOf(since, until, increment) {
	const inc = increment === undefined || increment === '' ? 'all_days' : String(increment);
	const periods = [];
	if (inc === 'all_days') return { ok: true, periods: [[since, until]] };
	if (inc === 'monthly') {
		for (let start = since; start <= until; ) {
			const d = new Date(start * DAY_MS);
			const end = Math.min(until, Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS) - 1);
			periods.push([start, end]);
			start = end + 1;
		}
		return { ok: true, periods };
	}
	const days = Number(inc);
	if (!Number.isInteger(days) || days < 1 || days > 90) {
		return { ok: false, error: { code: 100, message: 'time_increment must be an integer between 1 and 90, monthly or all_days.' } };
	}
	for (let start = since; start <= until; start += days) periods.push([start, Math.min(until, start + days - 1)]);
	return { ok: true, periods };
}

module.exports = { DAY_MS, toDay, isoOf, todayOf, resolveRange, periodsOf, DATE_PRESETS };
