import { describe, expect, it } from 'vitest';
import { assertStatusSettings, DEFAULT_STATUS_SETTINGS, statusSettingsIssues } from '../../../shared/status/index.js';
import { contract } from '../../../shared/ipc/contract.js';

describe('status settings', () => {
  it('defaults to amber at 30 and red at 14 days, matching the reminder e-mails', () => {
    expect(DEFAULT_STATUS_SETTINGS).toEqual({ amberDays: 30, redDays: 14 });
    expect(Object.isFrozen(DEFAULT_STATUS_SETTINGS)).toBe(true);
    expect(statusSettingsIssues(DEFAULT_STATUS_SETTINGS)).toEqual([]);
  });

  it.each([
    { amberDays: 1, redDays: 0 },
    { amberDays: 14, redDays: 14 },
    { amberDays: 90, redDays: 0 },
    { amberDays: 365, redDays: 60 },
  ])('accepts %j', (s) => {
    expect(statusSettingsIssues(s)).toEqual([]);
    expect(assertStatusSettings(s)).toBe(s);
  });

  it('rejects red starting before amber, against the red field', () => {
    expect(statusSettingsIssues({ amberDays: 14, redDays: 15 })).toEqual([
      { path: 'redDays', message: 'Red must not be more days than amber' },
    ]);
  });

  it.each([
    [{ amberDays: -1, redDays: 0 }, ['amberDays']],
    // Amber at 0 days would be unreachable before red: the contract refuses it, so the rules do too.
    [{ amberDays: 0, redDays: 0 }, ['amberDays']],
    [{ amberDays: 366, redDays: 0 }, ['amberDays']],
    [{ amberDays: 30, redDays: -1 }, ['redDays']],
    [{ amberDays: 1.5, redDays: 1 }, ['amberDays']],
    [{ amberDays: 30, redDays: Number.NaN }, ['redDays']],
    [{ amberDays: Number.POSITIVE_INFINITY, redDays: 14 }, ['amberDays']],
    [{ amberDays: -3, redDays: 2.5 }, ['amberDays', 'redDays']],
  ])('rejects %j on %j', (s, paths) => {
    expect(statusSettingsIssues(s).map((i) => i.path)).toEqual(paths);
    expect(() => assertStatusSettings(s)).toThrow(RangeError);
  });
});

describe('one definition for the contract and the status rules', () => {
  it.each([
    { amberDays: 0, redDays: 0 },
    { amberDays: 1, redDays: 0 },
    { amberDays: 10, redDays: 11 },
    { amberDays: 365, redDays: 365 },
    { amberDays: 2.5, redDays: 1 },
  ])('the settings channel and statusSettingsIssues agree on %j', (s) => {
    expect(contract['settings:update'].input.safeParse(s).success).toBe(statusSettingsIssues(s).length === 0);
  });
});
