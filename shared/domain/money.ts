/**
 * Money in integer minor units (cents). Amounts never pass through floating point: prices are parsed
 * from text into integers, rates are integer basis points, and each line's discount and tax are
 * rounded once, half up, to the cent. Totals are sums of those rounded line amounts, so the lines on a
 * purchase order always add up to the total printed under them.
 */

/** Currencies a PO can be written in; all have two decimal places. Dynamsoft quotes in USD. */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** One basis point is 1/100 of a percent: 7.25 % is 725. */
export const BP_PER_WHOLE = 10_000;

/** Bounds past which a figure is a typo rather than a price: a million per unit, a million units. */
export const MAX_UNIT_MINOR = 1_000_000 * 100;
export const MAX_QUANTITY = 1_000_000;
/** A line's quantity × unit price stays under this, so a document of MAX_LINES lines sums exactly. */
export const MAX_LINE_MINOR = 10_000_000_000 * 100;
export const MAX_LINES = 1_000;

/** The rounding rule as printed on the document, so the reader can redo the arithmetic. */
export const ROUNDING_NOTE = 'Discount and tax are computed per line and rounded half up to the cent; totals are the sums of the line amounts.';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `a * b / d` rounded half up, exactly (BigInt), for non-negative operands. */
function mulDivRound(a: number, b: number, d: number): number {
  const q = (BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (2n * BigInt(d));
  return Number(q);
}

/** Parse a price typed by a person ("1,249.00", "1249", "1249.5") into minor units. */
export function parseAmount(text: string, max = MAX_UNIT_MINOR): Parsed<number> {
  const s = text.trim().replace(/^(USD|EUR|GBP|CAD|AUD|\$|€|£)\s*/i, '');
  if (s === '') return { ok: false, message: 'Enter an amount' };
  if (s.startsWith('-')) return { ok: false, message: 'An amount cannot be negative' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message: 'Use digits with up to two decimals, e.g. 1,249.00' };
  const whole = (m[1] ?? '').replaceAll(',', '');
  const cents = (m[2] ?? '').padEnd(2, '0');
  if (whole.length > 12) return { ok: false, message: `At most ${formatMinor(max)}` };
  const minor = Number(whole) * 100 + Number(cents);
  if (minor > max) return { ok: false, message: `At most ${formatMinor(max)}` };
  return { ok: true, value: minor };
}

/** Parse a whole, positive quantity. */
export function parseQuantity(text: string): Parsed<number> {
  const s = text.trim().replaceAll(',', '');
  if (s === '') return { ok: false, message: 'Enter a quantity' };
  if (s.startsWith('-')) return { ok: false, message: 'A quantity cannot be negative' };
  if (!/^\d+$/.test(s)) return { ok: false, message: 'A quantity is a whole number' };
  const n = Number(s);
  if (n < 1) return { ok: false, message: 'A quantity is at least 1' };
  if (n > MAX_QUANTITY) return { ok: false, message: `At most ${MAX_QUANTITY.toLocaleString('en-US')}` };
  return { ok: true, value: n };
}

/** Parse a percentage with up to two decimals ("7.25", "10 %") into basis points, 0 to 100 %. */
export function parsePercent(text: string): Parsed<number> {
  const s = text.trim().replace(/\s*%$/, '');
  if (s === '') return { ok: true, value: 0 };
  if (s.startsWith('-')) return { ok: false, message: 'A rate cannot be negative' };
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message: 'Use a percentage with up to two decimals, e.g. 7.25' };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (bp > BP_PER_WHOLE) return { ok: false, message: 'At most 100 %' };
  return { ok: true, value: bp };
}

/** "1,249.00", or "USD 1,249.00" with a currency. Exact for any safe integer. */
export function formatMinor(minor: number, currency?: Currency): string {
  const digits = String(Math.abs(minor)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${minor < 0 ? '-' : ''}${whole}.${digits.slice(-2)}`;
  return currency ? `${currency} ${text}` : text;
}

/** A percentage from basis points: 725 → "7.25 %", 1000 → "10 %". */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return `${whole}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''} %`;
}

export interface PricedLine {
  quantity: number;
  unitPriceMinor: number;
  /** Basis points off the line's gross amount. */
  discountBp: number;
  /** Basis points of tax on the line's amount after discount. */
  taxBp: number;
}

export interface LineAmounts {
  gross: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
}

/** One line's amounts: gross = qty × unit; discount and tax rounded half up, once each. */
export function lineAmounts(line: PricedLine): LineAmounts {
  const gross = line.quantity * line.unitPriceMinor;
  const discount = mulDivRound(gross, line.discountBp, BP_PER_WHOLE);
  const net = gross - discount;
  const tax = mulDivRound(net, line.taxBp, BP_PER_WHOLE);
  return { gross, discount, net, tax, total: net + tax };
}

export interface Totals {
  subtotal: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
}

/** The document's totals: sums of the rounded line amounts, never a re-rounding of their sum. */
export function totalsOf(lines: readonly PricedLine[]): Totals {
  const t: Totals = { subtotal: 0, discount: 0, net: 0, tax: 0, total: 0 };
  for (const line of lines) {
    const a = lineAmounts(line);
    t.subtotal += a.gross;
    t.discount += a.discount;
    t.net += a.net;
    t.tax += a.tax;
    t.total += a.total;
  }
  return t;
}
