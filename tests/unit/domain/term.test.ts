import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, describeAdjustment, planRenewal, suggestedCoTermEnd, termEnd, termStart } from '../../../shared/domain/term.js';

const annual = (expiresOn: string | null) => ({ term: 'annual' as const, expiresOn, maintenanceExpiresOn: null });

describe('one year later', () => {
  it('adds and subtracts whole years', () => {
    expect(addYears('2026-07-10', 1)).toBe('2027-07-10');
    expect(addYears('2026-07-10', -1)).toBe('2025-07-10');
    expect(termEnd('2026-01-15')).toBe('2027-01-15');
    expect(termStart('2027-01-15')).toBe('2026-01-15');
  });
  it('moves 29 February to 28 February in a common year, and keeps it in a leap year', () => {
    expect(termEnd('2024-02-29')).toBe('2025-02-28');
    expect(termStart('2028-02-29')).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28');
  });
  it('refuses dates that are not real days', () => {
    expect(() => termEnd('2025-02-29')).toThrow(RangeError);
    expect(() => termEnd('2026-7-1')).toThrow(RangeError);
  });
  it('counts calendar days across years and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-07-10', '2026-07-01')).toBe(-9);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('planRenewal', () => {
  it('before expiry: the new year starts on the old expiry, so no day is lost', () => {
    const p = planRenewal(annual('2026-09-30'), { renewalDate: '2026-07-10' });
    expect(p).toMatchObject({ renews: 'licence-year', basis: 'old-expiry', oldEnd: '2026-09-30', newStart: '2026-09-30', newEnd: '2027-09-30', daysAdjusted: 0, warnings: [] });
  });
  it('on the expiry day itself the license is still valid: still from the old expiry', () => {
    expect(planRenewal(annual('2026-07-10'), { renewalDate: '2026-07-10' })).toMatchObject({ basis: 'old-expiry', newStart: '2026-07-10', newEnd: '2027-07-10' });
  });
  it('after expiry: the new year starts on the renewal date', () => {
    expect(planRenewal(annual('2026-07-09'), { renewalDate: '2026-07-10' })).toMatchObject({ basis: 'renewal-date', newStart: '2026-07-10', newEnd: '2027-07-10', warnings: [] });
  });
  it('without a recorded expiry the renewal date is the start', () => {
    expect(planRenewal(annual(null), { renewalDate: '2026-07-10' })).toMatchObject({ basis: 'renewal-date', oldEnd: null, newStart: '2026-07-10' });
  });
  it('29 February: an old expiry on a leap day renews to 28 February', () => {
    expect(planRenewal(annual('2028-02-29'), { renewalDate: '2028-01-05' })).toMatchObject({ newStart: '2028-02-29', newEnd: '2029-02-28' });
    expect(planRenewal(annual('2027-02-28'), { renewalDate: '2028-02-29' })).toMatchObject({ basis: 'renewal-date', newStart: '2028-02-29', newEnd: '2029-02-28' });
  });
  it('lifetime licenses renew their maintenance year the same way', () => {
    const lifetime = { term: 'lifetime' as const, expiresOn: null, maintenanceExpiresOn: '2026-08-01' };
    expect(planRenewal(lifetime, { renewalDate: '2026-07-10' })).toMatchObject({ renews: 'maintenance-year', basis: 'old-expiry', oldEnd: '2026-08-01', newEnd: '2027-08-01' });
    expect(planRenewal(lifetime, { renewalDate: '2026-09-10' })).toMatchObject({ renews: 'maintenance-year', basis: 'renewal-date', newStart: '2026-09-10', newEnd: '2027-09-10' });
  });
  it('an override before the old expiry warns that days are paid twice', () => {
    const p = planRenewal(annual('2026-09-30'), { renewalDate: '2026-07-10', startOverride: '2026-07-10' });
    expect(p).toMatchObject({ basis: 'override', newStart: '2026-07-10', newEnd: '2027-07-10' });
    expect(p.warnings).toEqual(['The new term starts 82 days before the current one ends: those days are paid twice.']);
  });
  it('an override after the old expiry warns about the gap without a license', () => {
    const p = planRenewal(annual('2026-09-30'), { renewalDate: '2026-07-10', startOverride: '2026-10-05' });
    expect(p.warnings).toEqual(['Between 2026-09-30 and 2026-10-05 there would be 4 days with no valid license.']);
    expect(planRenewal(annual('2026-09-30'), { renewalDate: '2026-07-10', startOverride: '2026-10-01' }).warnings).toEqual([]);
  });
  it('an override of an expired license back to its old expiry warns about backdating', () => {
    const p = planRenewal(annual('2026-06-30'), { renewalDate: '2026-07-10', startOverride: '2026-06-30' });
    expect(p.basis).toBe('override');
    expect(p.warnings).toEqual(['A start 10 days in the past: the vendor may not backdate a late renewal.']);
  });
  it('an override equal to the default is no override', () => {
    expect(planRenewal(annual('2026-09-30'), { renewalDate: '2026-07-10', startOverride: '2026-09-30' })).toMatchObject({ basis: 'old-expiry', warnings: [] });
  });
});

describe('co-terming', () => {
  const a = planRenewal(annual('2026-08-01'), { renewalDate: '2026-07-10' });
  const b = planRenewal(annual('2026-10-15'), { renewalDate: '2026-07-10' });
  it('offers the latest default end, so nobody loses days by default', () => {
    expect(suggestedCoTermEnd([a, b])).toBe('2027-10-15');
    expect(suggestedCoTermEnd([])).toBeNull();
  });
  it('records each line’s days gained or lost against its own one-year term', () => {
    const aligned = '2027-10-15';
    const pa = planRenewal(annual('2026-08-01'), { renewalDate: '2026-07-10', coTermEnd: aligned });
    const pb = planRenewal(annual('2026-10-15'), { renewalDate: '2026-07-10', coTermEnd: aligned });
    expect(pa).toMatchObject({ newStart: '2026-08-01', defaultEnd: '2027-08-01', newEnd: aligned, daysAdjusted: 75, warnings: [] });
    expect(pb).toMatchObject({ newEnd: aligned, daysAdjusted: 0 });
    const shorter = planRenewal(annual('2026-10-15'), { renewalDate: '2026-07-10', coTermEnd: '2027-08-01' });
    expect(shorter.daysAdjusted).toBe(-75);
    expect(shorter.warnings).toEqual(['Aligned to 2027-08-01: the new term is 75 days shorter than a year (the vendor prorates).']);
    expect(describeAdjustment(75)).toBe('75 days gained');
    expect(describeAdjustment(-1)).toBe('1 day lost');
    expect(describeAdjustment(0)).toBe('no change');
  });
  it('refuses an aligned date on or before the new start', () => {
    expect(() => planRenewal(annual('2026-10-15'), { renewalDate: '2026-07-10', coTermEnd: '2026-10-15' })).toThrow(/not after/);
  });
});
