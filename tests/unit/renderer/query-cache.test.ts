import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LicenseView } from '../../../shared/domain/query';
import { WRITE_CHANNELS } from '../../../shared/ipc/contract';
import { changedDomains } from '../../../shared/ipc/data-changes';
import { DATA_DOMAINS, type DataChanged } from '../../../shared/ipc/events';
import { write } from '../../../renderer/src/api/mutations';
import { connectDataChanges, queries, queryClient } from '../../../renderer/src/api/queries';
import { DEFAULT_LIST_QUERY } from '../../../renderer/src/app/route-parse';

type Handler = (input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;

/** Stands in for the preload's window.api: each channel answers from `handlers`; no events unless given. */
function bridge(handlers: Record<string, Handler>): void {
  (globalThis as { window?: unknown }).window = { api: new Proxy({}, { get: (_t, ch: string) => handlers[ch] }) };
}

/** A bridge with the "data changed" event; returns the function that plays main sending one. */
function bridgeWithEvents(handlers: Record<string, Handler>): (change: DataChanged) => void {
  let listener: ((change: DataChanged) => void) | null = null;
  const onDataChanged = (l: (change: DataChanged) => void) => {
    listener = l;
    return () => (listener = null);
  };
  bridge({ ...handlers, onDataChanged: onDataChanged as unknown as Handler });
  return (change) => listener?.(change);
}

const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;

/** Puts an entry in the cache as a page's useQuery would: with its options (and so its `reads`). */
function seed(options: { queryKey: readonly unknown[]; meta?: unknown }, data: unknown = []): Promise<void> {
  return queryClient.prefetchQuery({ ...(options as object), queryKey: options.queryKey, queryFn: () => data });
}
const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });

const view = (search: string): LicenseView => ({ ...DEFAULT_LIST_QUERY, search, asOf: '2026-11-26' });

beforeEach(() => queryClient.clear());
afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('the query cache', () => {
  it('every entry names what it reads, and every write to license data changes a domain something reads', () => {
    const all = [
      queries.settings(), queries.products(), queries.dashboard('2026-11-26'), queries.listHead(view('')), queries.listBlock(view(''), 1), queries.license(1),
      queries.usage(1), queries.drawOrder(1), queries.history(1), queries.projects(), queries.projectByCode('x'), queries.unassignedKeys(),
    ];
    const read = new Set(all.flatMap((q) => q.meta?.reads ?? []));
    for (const q of all) expect(q.meta?.reads.length, JSON.stringify(q.queryKey)).toBeGreaterThan(0);
    for (const d of read) expect(DATA_DOMAINS).toContain(d);
    // Every write to what the pages here show refreshes something.
    for (const channel of WRITE_CHANNELS.filter((c) => /^(licenses|usage|products|settings|keys|import):/.test(c))) {
      expect(changedDomains(channel).some((d) => read.has(d)), channel).toBe(true);
    }
  });

  it("main's data-changed event invalidates exactly the entries that read a named domain", async () => {
    const send = bridgeWithEvents({});
    const stop = connectDataChanges();
    const keys = {
      products: queries.products().queryKey,
      settings: queries.settings().queryKey,
      item: queries.license(3).queryKey,
      history: queries.history(3).queryKey,
      head: queries.listHead(view('')).queryKey,
      block: queries.listBlock(view(''), 2).queryKey,
      dashboard: queries.dashboard('2026-11-26').queryKey,
      projects: queries.projects().queryKey,
      keys: queries.unassignedKeys().queryKey,
    };
    await Promise.all([
      seed(queries.products()), seed(queries.settings()), seed(queries.license(3)), seed(queries.history(3)), seed(queries.listHead(view(''))),
      seed(queries.listBlock(view(''), 2)), seed(queries.dashboard('2026-11-26')), seed(queries.projects()), seed(queries.unassignedKeys()),
    ]);
    send({ domains: ['usage'] }); // a usage reading moves quota, statuses and the dashboard
    for (const k of [keys.item, keys.history, keys.head, keys.block, keys.dashboard]) expect(stale(k), JSON.stringify(k)).toBe(true);
    for (const k of [keys.products, keys.settings, keys.projects, keys.keys]) expect(stale(k), JSON.stringify(k)).toBe(false);
    send({ domains: ['products'] });
    expect(stale(keys.products)).toBe(true);
    expect(stale(keys.projects)).toBe(false);
    stop();
  });

  it('an entry made without `reads` is matched by the first part of its key', async () => {
    const send = bridgeWithEvents({});
    const stop = connectDataChanges();
    await queryClient.prefetchQuery({ queryKey: ['orders', 'list'], queryFn: () => [] });
    await queryClient.prefetchQuery({ queryKey: ['resellers'], queryFn: () => [] });
    send({ domains: ['orders'] });
    expect(stale(['orders', 'list'])).toBe(true);
    expect(stale(['resellers'])).toBe(false);
    stop();
  });

  it('fulfilling an order refreshes the license views it changed', () => {
    expect(changedDomains('orders:fulfil')).toEqual(expect.arrayContaining(['orders', 'licenses', 'projects']));
  });

  it('without events, a write invalidates what it changed itself, once it succeeded', async () => {
    bridge({ 'products:create': () => ok({ code: 'ACME', name: 'Acme', editions: [], builtIn: false }) });
    await seed(queries.products());
    await seed(queries.settings(), { amberDays: 30, redDays: 14 });
    await write('products:create', { code: 'ACME', name: 'Acme', editions: [] });
    expect(stale(queries.products().queryKey)).toBe(true);
    expect(stale(queries.settings().queryKey)).toBe(false);
  });

  it('with events, a write leaves the refresh to the event, so a view is not fetched twice', async () => {
    const send = bridgeWithEvents({ 'products:create': () => ok({ code: 'ACME', name: 'Acme', editions: [], builtIn: false }) });
    const stop = connectDataChanges();
    await seed(queries.products());
    await write('products:create', { code: 'ACME', name: 'Acme', editions: [] });
    expect(stale(queries.products().queryKey)).toBe(false);
    send({ domains: changedDomains('products:create') });
    expect(stale(queries.products().queryKey)).toBe(true);
    stop();
  });

  it('a failed write invalidates nothing and rethrows the error', async () => {
    bridge({ 'products:create': () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'Code ACME is taken' } }) });
    await seed(queries.products());
    await expect(write('products:create', { code: 'ACME', name: 'Acme', editions: [] })).rejects.toThrow('Code ACME is taken');
    expect(stale(queries.products().queryKey)).toBe(false);
  });

  it('keeps answers that arrive out of order in the entry of the question they answer', async () => {
    const release: Record<string, () => void> = {};
    bridge({
      'licenses:list': (input) => {
        const search = (input as { search: string }).search;
        return new Promise((resolve) => {
          release[search] = () => resolve({ ok: true, value: { total: search.length, rows: [] } });
        });
      },
    });
    const older = queryClient.fetchQuery(queries.listHead(view('a')));
    const newer = queryClient.fetchQuery(queries.listHead(view('ab')));
    release.ab!();
    await newer;
    release.a!(); // the slow answer to the older search comes last
    await older;
    expect(queryClient.getQueryData(queries.listHead(view('ab')).queryKey)?.total).toBe(2);
    expect(queryClient.getQueryData(queries.listHead(view('a')).queryKey)?.total).toBe(1);
  });

  it('fetches the project groups with the first block only for a grouped view, as one entry', async () => {
    const calls: string[] = [];
    bridge({
      'licenses:list': () => (calls.push('list'), ok({ total: 1, rows: [] })),
      'licenses:groups': () => (calls.push('groups'), ok([{ projectCode: null, count: 1 }])),
    });
    const flat = await queryClient.fetchQuery(queries.listHead(view('')));
    expect(flat.groups).toEqual([]);
    expect(calls).toEqual(['list']);
    const grouped = await queryClient.fetchQuery(queries.listHead({ ...view(''), groupByProject: true }));
    expect(grouped).toMatchObject({ total: 1, groups: [{ projectCode: null, count: 1 }] });
    expect(calls.sort()).toEqual(['groups', 'list', 'list']);
  });

  it("reads a project main does not know as missing, and an item without a code as none, without asking", async () => {
    const asked: unknown[] = [];
    bridge({ 'projects:byCode': (input) => (asked.push(input), Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'No such project' } })) });
    expect(await queryClient.fetchQuery(queries.projectByCode('1-2'))).toEqual({ kind: 'missing', code: '1-2' });
    expect(await queryClient.fetchQuery(queries.projectByCode(null))).toEqual({ kind: 'none' });
    expect(asked).toEqual([{ handshakeCode: '1-2' }]);
  });
});
