import { describe, expect, it } from 'vitest';
import { blankLine, draftFromForm, newForm, type PoForm } from '../../../renderer/src/features/purchase/po-form';

function form(line: Partial<ReturnType<typeof blankLine>>): PoForm {
  const f = newForm('2026-07-10', 'Net 30');
  return { ...f, lines: [{ ...blankLine(), productSaleName: 'Dynamsoft Barcode Reader JavaScript Edition', quantity: '1', unitPrice: '1,249.00', ...line }] };
}

function errorsOf(line: Partial<ReturnType<typeof blankLine>>): Record<string, string> {
  const r = draftFromForm(form(line));
  if (r.ok) throw new Error('the form was accepted');
  return r.errors;
}

describe('PO builder form: bad figures are refused at their field', () => {
  it('a price or quantity that is not a number', () => {
    expect(errorsOf({ unitPrice: 'twelve' })).toEqual({ 'lines.0.unitPriceMinor': 'Use digits with up to two decimals, e.g. 1,249.00' });
    expect(errorsOf({ quantity: 'two' })).toEqual({ 'lines.0.quantity': 'A quantity is a whole number' });
    expect(errorsOf({ quantity: '1.5' })).toEqual({ 'lines.0.quantity': 'A quantity is a whole number' });
    expect(errorsOf({ tax: 'x%' })).toEqual({ 'lines.0.taxBp': 'Use a percentage with up to two decimals, e.g. 7.25' });
  });

  it('a negative price, quantity or rate', () => {
    expect(errorsOf({ unitPrice: '-5' })).toEqual({ 'lines.0.unitPriceMinor': 'An amount cannot be negative' });
    expect(errorsOf({ quantity: '-1' })).toEqual({ 'lines.0.quantity': 'A quantity cannot be negative' });
    expect(errorsOf({ quantity: '0' })).toEqual({ 'lines.0.quantity': 'A quantity is at least 1' });
    expect(errorsOf({ discount: '-10' })).toEqual({ 'lines.0.discountBp': 'A rate cannot be negative' });
  });

  it('an absurd price, quantity, rate or line amount', () => {
    expect(errorsOf({ unitPrice: '99999999999999' })['lines.0.unitPriceMinor']).toMatch(/^At most /);
    expect(errorsOf({ quantity: '99999999999' })['lines.0.quantity']).toMatch(/^At most /);
    expect(errorsOf({ tax: '250' })).toEqual({ 'lines.0.taxBp': 'At most 100 %' });
    // Each figure within bounds, their product not: refused at the price, as main refuses it.
    expect(errorsOf({ quantity: '1000000', unitPrice: '1,000,000.00' })).toEqual({ 'lines.0.unitPriceMinor': 'Quantity × price is out of range' });
  });

  it('good figures pass, exactly in minor units and basis points', () => {
    const r = draftFromForm(form({ quantity: '3', unitPrice: 'USD 1,249.50', discount: '10', tax: '7.25' }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.draft.lines[0]).toMatchObject({ quantity: 3, unitPriceMinor: 124_950, discountBp: 1000, taxBp: 725 });
  });
});
