import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBp, formatMinor, lineAmounts, MAX_LINE_MINOR, MAX_QUANTITY, parseAmount, parsePercent, parseQuantity, totalsOf, type PricedLine } from '../../../shared/domain/money.js';

/** Round half up with exact rationals, independently of the module under test. */
function refRound(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? q + 1n : q;
}

const lineArb: fc.Arbitrary<PricedLine> = fc
  .record({
    quantity: fc.integer({ min: 1, max: MAX_QUANTITY }),
    unitPriceMinor: fc.integer({ min: 0, max: 100_000_000 }),
    discountBp: fc.integer({ min: 0, max: 10_000 }),
    taxBp: fc.integer({ min: 0, max: 10_000 }),
  })
  .filter((l) => l.quantity * l.unitPriceMinor <= MAX_LINE_MINOR);

describe('money', () => {
  it('parses prices typed by people into exact minor units', () => {
    expect(parseAmount('1,249.00')).toEqual({ ok: true, value: 124_900 });
    expect(parseAmount('1249.5')).toEqual({ ok: true, value: 124_950 });
    expect(parseAmount('USD 2,599')).toEqual({ ok: true, value: 259_900 });
    expect(parseAmount('0.07')).toEqual({ ok: true, value: 7 });
    // 0.1 + 0.2 style inputs stay exact.
    expect(parseAmount('0.29')).toEqual({ ok: true, value: 29 });
  });

  it('refuses amounts that are not numbers, negative or absurd, with a message for the field', () => {
    expect(parseAmount('abc')).toMatchObject({ ok: false, message: expect.stringContaining('digits') });
    expect(parseAmount('-5')).toMatchObject({ ok: false, message: expect.stringContaining('negative') });
    expect(parseAmount('1.234')).toMatchObject({ ok: false });
    expect(parseAmount('99999999999')).toMatchObject({ ok: false, message: expect.stringContaining('At most') });
    expect(parseAmount('')).toMatchObject({ ok: false });
    expect(parseQuantity('2.5')).toMatchObject({ ok: false, message: 'A quantity is a whole number' });
    expect(parseQuantity('0')).toMatchObject({ ok: false });
    expect(parseQuantity('-1')).toMatchObject({ ok: false, message: expect.stringContaining('negative') });
    expect(parseQuantity('5000000')).toMatchObject({ ok: false, message: expect.stringContaining('At most') });
    expect(parseQuantity('1,000')).toEqual({ ok: true, value: 1000 });
    expect(parsePercent('7.25')).toEqual({ ok: true, value: 725 });
    expect(parsePercent('10 %')).toEqual({ ok: true, value: 1000 });
    expect(parsePercent('')).toEqual({ ok: true, value: 0 });
    expect(parsePercent('120')).toMatchObject({ ok: false });
  });

  it('formats exactly, with grouping', () => {
    expect(formatMinor(124_900)).toBe('1,249.00');
    expect(formatMinor(7, 'USD')).toBe('USD 0.07');
    expect(formatMinor(123_456_789_012_345)).toBe('1,234,567,890,123.45');
    expect(formatMinor(-5)).toBe('-0.05');
    expect(formatBp(725)).toBe('7.25 %');
    expect(formatBp(1000)).toBe('10 %');
    expect(formatBp(750)).toBe('7.5 %');
  });

  it('rounds discount and tax half up, once per line', () => {
    // 3 × 0.05 = 0.15; 50 % off = 0.075 → 0.08 discount; net 0.07; 7.5 % tax = 0.00525 → 0.01.
    expect(lineAmounts({ quantity: 3, unitPriceMinor: 5, discountBp: 5000, taxBp: 750 })).toEqual({ gross: 15, discount: 8, net: 7, tax: 1, total: 8 });
  });

  it('property: the lines always sum to the total, and each line matches exact rational arithmetic', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 60 }), (lines) => {
        const t = totalsOf(lines);
        let sum = 0n;
        for (const l of lines) {
          const a = lineAmounts(l);
          const gross = BigInt(l.quantity) * BigInt(l.unitPriceMinor);
          const discount = refRound(gross * BigInt(l.discountBp), 10_000n);
          const tax = refRound((gross - discount) * BigInt(l.taxBp), 10_000n);
          expect(BigInt(a.gross)).toBe(gross);
          expect(BigInt(a.discount)).toBe(discount);
          expect(BigInt(a.tax)).toBe(tax);
          expect(a.total).toBe(a.net + a.tax);
          expect(Number.isSafeInteger(a.total)).toBe(true);
          sum += gross - discount + tax;
        }
        expect(BigInt(t.total)).toBe(sum);
        expect(t.total).toBe(t.subtotal - t.discount + t.tax);
        expect(t.net).toBe(t.subtotal - t.discount);
      }),
      { numRuns: 300 },
    );
  });

  it('property: formatting and parsing a price round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (minor) => {
        expect(parseAmount(formatMinor(minor))).toEqual({ ok: true, value: minor });
      }),
    );
  });
});
