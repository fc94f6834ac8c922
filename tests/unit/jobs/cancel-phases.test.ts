import { describe, expect, it } from 'vitest';
import { generatePortalRows } from '../../../bench/generate.js';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import { cancelledError, type JobContext } from '../../../electron/core/services/progress.js';
import { countRows } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';
import { suggestMapping } from '../../../electron/core/import/columns.js';

const MAPPING = suggestMapping(generatePortalRows(1).headers);
let store: OpenedStore;
let api: TestApi;
eachFreshStore((s, a) => {
  store = s;
  api = a;
});

const TABLES = ['license_items', 'license_history', 'usage_snapshots', 'import_batches', 'license_search', 'search_index_deferred', 'projects'];
const rows = () => Object.fromEntries(TABLES.map((t) => [t, countRows(store.db, t)]));

/** A context that cancels the moment a phase is first reported: the next check throws, as in the worker. */
function cancelAt(phase: string, seen: string[]): JobContext {
  let cancelled = false;
  return {
    progress(p) {
      if (seen.at(-1) !== p) seen.push(p);
      if (p === phase) cancelled = true;
    },
    checkCancelled() {
      if (cancelled) throw cancelledError('The import');
    },
  };
}

describe('cancel at every phase of an import', () => {
  const first = generatePortalRows(400, 3).text;
  // The same rows and 100 more; every third known row with a changed note, so there are updates too.
  const second = generatePortalRows(500, 3)
    .text.split('\n')
    .map((line, i) => (i > 0 && i <= 400 && i % 3 === 0 ? line.replace(/,([^,]*)$/, ',changed $1') : line))
    .join('\n');

  it.each(['reading', 'checking', 'writing', 'indexing'])('cancelled while %s: CANCELLED and nothing written', async (phase) => {
    api.deps.imports.commit({ format: 'csv', fileName: 'first.csv', text: first, mapping: MAPPING, mode: 'all-or-nothing' });
    const before = rows();
    const seen: string[] = [];
    expect(() => api.deps.imports.commit({ format: 'csv', fileName: 'second.csv', text: second, mapping: MAPPING, mode: 'all-or-nothing' }, cancelAt(phase, seen))).toThrow(
      'The import was cancelled. Nothing was written.',
    );
    expect(seen.at(-1)).toBe(phase);
    expect(store.db.inTransaction).toBe(false);
    expect(rows()).toEqual(before);
    // The store takes the same import afterwards, to the end.
    const report = api.deps.imports.commit({ format: 'csv', fileName: 'second.csv', text: second, mapping: MAPPING, mode: 'all-or-nothing' });
    expect(report.written).toBe(true);
  });

  it('a cancel once the import has committed (finishing) changes nothing: it is written', async () => {
    const seen: string[] = [];
    const report = api.deps.imports.commit({ format: 'csv', fileName: 'first.csv', text: first, mapping: MAPPING, mode: 'all-or-nothing' }, cancelAt('finishing', seen));
    expect(report.written).toBe(true);
    expect(seen).toEqual(['reading', 'checking', 'writing', 'indexing', 'finishing']);
    expect(countRows(store.db, 'license_items')).toBe(400);
  });

  it('a cancelled preview answers CANCELLED too', () => {
    expect(() => api.deps.imports.preview({ format: 'csv', fileName: 'first.csv', text: first }, cancelAt('checking', []))).toThrow(/cancelled/);
  });
});
