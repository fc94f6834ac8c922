import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/usage';
import { EMPTY_VALUE } from '../../../shared/domain/labels';
import { changeLines, sourceLabel, usageReading } from '../../../renderer/src/features/license-detail/history-format';
import { formatDate } from '../../../renderer/src/components/dates';

const entry = (action: HistoryEntry['action'], changes: Record<string, unknown>, source = 'manual'): HistoryEntry => ({ id: 1, at: '2026-11-02T10:00:00.000Z', action, source, changes });

describe('history formatting', () => {
  it('shows an edit as before → after, in the order of the details list, with labels for codes', () => {
    const lines = changeLines(entry('updated', { notes: ['', 'checked'], quotaMode: ['scans', 'devices'], itemId: ['1', '2'] }));
    expect(lines).toEqual([
      { label: 'Item ID', before: '1', after: '2' },
      { label: 'Quota mode', before: expect.any(String), after: expect.any(String) },
      { label: 'Notes', before: EMPTY_VALUE, after: 'checked' },
    ]);
    expect(lines[1]!.before).not.toBe('scans');
  });

  it('lists a creation by its stored values, leaving out the empty ones', () => {
    const lines = changeLines(entry('created', { itemId: '7', alias: null, notes: '', quotaAmount: 10000, productCode: 'DBR' }), (c) => (c === 'DBR' ? 'Dynamsoft Barcode Reader' : c));
    expect(lines.map((l) => l.label)).toEqual(['Item ID', 'Product', 'Quota']);
    expect(lines[1]!.after).toBe('Dynamsoft Barcode Reader');
    expect(lines[2]!.after).toBe((10000).toLocaleString());
  });

  it('says which license a renewal links to, and through which order, in words rather than stored keys', () => {
    expect(changeLines(entry('renewed', { renewedBy: '880003', order: 1 }), () => 'x')).toEqual([
      { label: 'Renewed by', before: null, after: 'item 880003' },
      { label: 'Order', before: null, after: '#1' },
    ]);
    expect(changeLines(entry('renewed', { renews: '880001', order: 2 })).map((l) => `${l.label}: ${l.after}`)).toEqual(['Renews: item 880001', 'Order: #2']);
  });

  it('names the file and batch of an import instead of every field', () => {
    expect(changeLines(entry('imported', { batch: 3, file: 'portal.csv', itemId: '7' }))).toEqual([{ label: 'Source', before: null, after: 'portal.csv (import #3)' }]);
    expect(changeLines(entry('imported', { batch: 4, file: '' }))[0]!.after).toBe('a file (import #4)');
  });

  it('says where a change came from', () => {
    expect(sourceLabel('manual')).toBe('by hand');
    expect(sourceLabel('portal.csv')).toBe('from portal.csv');
    expect(sourceLabel('import #2')).toBe('from import #2');
    expect(sourceLabel('renewal')).toBe('renewal');
  });

  it('reads a usage entry as one phrase, and nothing for other entries', () => {
    expect(usageReading(entry('usage', { used: 83400, takenOn: '2026-11-02' }))).toBe(`${(83400).toLocaleString()} on ${formatDate('2026-11-02')}`);
    expect(usageReading(entry('usage', { used: 5 }))).toBe('5');
    expect(usageReading(entry('updated', { used: 5 }))).toBeNull();
  });
});
