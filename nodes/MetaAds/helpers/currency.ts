/**
 * Budgets are sent in the account currency's minor units: the amount times the currency's offset, 100 for most
 * currencies and 1 for those listed here (Marketing API "Currencies" page).
 */
const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

export function currencyOffset(currency: string): number {
	return OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100;
}

/** Minor units of an amount, or undefined when the amount has more decimals than the currency allows. */
export function toMinorUnits(amount: number, currency: string): number | undefined {
	const minor = amount * currencyOffset(currency);
	const rounded = Math.round(minor);
	return Math.abs(minor - rounded) < 1e-6 ? rounded : undefined;
}

/** An amount in the currency from Meta's minor units (a string such as "2550"); null when unset. */
export function fromMinorUnits(minor: unknown, currency: string): number | null {
	if (minor === undefined || minor === null || minor === '') return null;
	const n = Number(minor);
	return Number.isFinite(n) ? n / currencyOffset(currency) : null;
}
