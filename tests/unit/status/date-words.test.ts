import { describe, expect, it } from 'vitest';
import { dayWords, weekdayWords } from '../../../shared/status/date-words.js';

describe('date words', () => {
  const months = new Intl.DateTimeFormat(undefined, { month: 'short' });

  it('writes a day with its month in words, in the locale that runs it', () => {
    const words = dayWords('2026-07-10');
    expect(words).toContain('2026');
    expect(words).toContain('10');
    expect(words).toContain(months.format(new Date(2026, 6, 10)));
    expect(words).not.toMatch(/07|2026-07/);
  });

  it('reads the day as a local calendar day, whatever the zone (no slip to the day before)', () => {
    expect(dayWords('2026-01-01')).toContain('1');
    expect(dayWords('2026-01-01')).toContain('2026');
    expect(dayWords('2026-01-01')).not.toContain('2025');
  });

  it('puts the weekday in front for deadlines', () => {
    const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(2026, 6, 10));
    expect(weekdayWords('2026-07-10')).toContain(weekday);
    expect(weekdayWords('2026-07-10')).toContain('2026');
  });

  it('leaves what is not a yyyy-MM-dd day as it was', () => {
    expect(dayWords('soon')).toBe('soon');
    expect(weekdayWords('2026-02-30')).toBe('2026-02-30');
  });
});
