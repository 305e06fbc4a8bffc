// How figures read on the page: one decimal for percentages and days, thousands separated. English only.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Shown where a figure has no denominator (nothing delivered yet, say). */
export const NO_DATA = '—';

export const count = (n: number): string => integer.format(n);

export const percent = (rate: number | null): string =>
  rate === null ? NO_DATA : `${decimal.format(rate * 100)} %`;

export const days = (n: number | null): string => (n === null ? NO_DATA : `${decimal.format(n)} d`);

export const amount = (n: number, currency: string): string => `${money.format(n)} ${currency}`;

/** "3 of 4 (75.0 %)" */
export const ratio = (r: { count: number; of: number; rate: number | null }): string =>
  r.of === 0 ? NO_DATA : `${count(r.count)} of ${count(r.of)} (${percent(r.rate)})`;
