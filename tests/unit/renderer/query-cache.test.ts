import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WRITE_CHANNELS } from '../../../shared/ipc/contract';
import type { LicenseView } from '../../../shared/domain/query';
import { WRITE_EFFECTS, write } from '../../../renderer/src/api/mutations';
import { DOMAINS, queries, queryClient } from '../../../renderer/src/api/queries';
import { DEFAULT_LIST_QUERY } from '../../../renderer/src/app/route-parse';

type Handler = (input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;

/** Stands in for the preload's window.api: each channel answers from `handlers`. */
function bridge(handlers: Record<string, Handler>): void {
  (globalThis as { window?: unknown }).window = { api: new Proxy({}, { get: (_t, ch: string) => handlers[ch] }) };
}
const ok = (value: unknown) => Promise.resolve({ ok: true as const, value });

const view = (search: string): LicenseView => ({ ...DEFAULT_LIST_QUERY, search, asOf: '2026-11-26' });

beforeEach(() => queryClient.clear());
afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('the query cache', () => {
  it('lists what every write channel changes, in known domains', () => {
    expect(Object.keys(WRITE_EFFECTS).sort()).toEqual([...WRITE_CHANNELS].sort());
    for (const domains of Object.values(WRITE_EFFECTS)) for (const d of domains) expect(DOMAINS).toContain(d);
  });

  it('invalidates exactly the domains a write names, after it succeeded', async () => {
    bridge({ 'products:create': () => ok({ code: 'ACME', name: 'Acme', editions: [], builtIn: false }) });
    queryClient.setQueryData(queries.products().queryKey, []);
    queryClient.setQueryData(queries.settings().queryKey, { amberDays: 30, redDays: 14 });
    queryClient.setQueryData(queries.license(1).queryKey, null as never);
    await write('products:create', { code: 'ACME', name: 'Acme', editions: [] });
    await Promise.resolve();
    expect(queryClient.getQueryState(queries.products().queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queries.settings().queryKey)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(queries.license(1).queryKey)?.isInvalidated).toBe(false);
  });

  it('a license write marks every license entry, the projects and the dashboard stale', async () => {
    bridge({ 'usage:add': () => ok({ id: 1, licenseId: 3, takenOn: '2026-11-20', used: 5, createdAt: '2026-11-20T00:00:00.000Z' }) });
    const keys = [queries.license(3).queryKey, queries.history(3).queryKey, queries.listHead(view('')).queryKey, queries.listBlock(view(''), 2).queryKey, queries.dashboard('2026-11-26').queryKey];
    for (const k of keys) queryClient.setQueryData(k, [] as never);
    queryClient.setQueryData(queries.products().queryKey, []);
    await write('usage:add', { licenseId: 3, takenOn: '2026-11-20', used: 5 });
    await Promise.resolve();
    for (const k of keys) expect(queryClient.getQueryState(k)?.isInvalidated, JSON.stringify(k)).toBe(true);
    expect(queryClient.getQueryState(queries.products().queryKey)?.isInvalidated).toBe(false);
  });

  it('a failed write invalidates nothing and rethrows the error', async () => {
    bridge({ 'products:create': () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'Code ACME is taken' } }) });
    queryClient.setQueryData(queries.products().queryKey, []);
    await expect(write('products:create', { code: 'ACME', name: 'Acme', editions: [] })).rejects.toThrow('Code ACME is taken');
    expect(queryClient.getQueryState(queries.products().queryKey)?.isInvalidated).toBe(false);
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
