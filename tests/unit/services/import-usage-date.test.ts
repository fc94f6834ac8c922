import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { TempDirs, fixedClock } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

// Node re-reads TZ when it is assigned. Each test file runs in its own process (pool: forks).
process.env.TZ = 'Pacific/Auckland';

/** 20:00 UTC on July 10 is 08:00 on July 11 in New Zealand (UTC+12 in winter). */
const clock = fixedClock('2026-07-10T20:00:00.000Z');
const LOCAL_TODAY = '2026-07-11';

const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;

beforeEach(async () => {
  store = await openStore(tmp.make());
  api = testApi(store.db, clock);
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

const MAPPING = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', 'Accumulated Quota': 'quotaAmount', Used: 'used', 'Usage/Maintenance Expiry Date': 'expiresOn' } as const;
const file = (used: number) => `${Object.keys(MAPPING).join(',')}\n300001,DBR,scans,1000,${used},2027-01-31\n`;
const commit = (used: number) => api.call('import:commit', { format: 'csv', fileName: 'usage.csv', text: file(used), mapping: MAPPING, mode: 'all-or-nothing' });

describe('usage figures from an import are dated on the user’s local day', () => {
  it('precondition: the clock reads July 11 locally', () => {
    expect(clock.now().getDate()).toBe(11);
  });

  it('an imported figure is dated today (local), like a figure typed in today', async () => {
    await commit(850);
    const [item] = (await api.call('licenses:list', { asOf: LOCAL_TODAY })).rows;
    expect([item!.used, item!.usedOn]).toEqual([850, LOCAL_TODAY]);
  });

  it('a figure typed in this morning is then replaced by the imported one, and re-importing changes nothing', async () => {
    await commit(100);
    const [item] = (await api.call('licenses:list', { asOf: LOCAL_TODAY })).rows;
    await api.call('usage:add', { licenseId: item!.id, takenOn: LOCAL_TODAY, used: 500 });
    await commit(900);
    const after = await api.call('licenses:get', { id: item!.id });
    expect([after.used, after.usedOn]).toEqual([900, LOCAL_TODAY]);
    expect((await commit(900)).counts).toMatchObject({ updated: 0, skipped: 1 });
  });
});
