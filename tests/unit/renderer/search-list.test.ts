import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as ListModule from '../../../renderer/src/features/licenses/useLicenseList';
import type * as QueriesModule from '../../../renderer/src/api/queries';
import type * as RouteModule from '../../../renderer/src/app/route';

type Answer = { ok: true; value: { total: number; rows: unknown[] } };
interface Call {
  input: { search: string; offset: number; limit: number };
  answer(total: number): void;
}

/**
 * The search box's handler against a stand-in window: the route lives in its hash, and the bridge's
 * licenses:list holds each answer until the test gives it.
 */
const calls: Call[] = [];
const win = {
  location: { hash: '#/licenses' },
  history: { state: null, replaceState: (_s: unknown, _t: string, hash: string) => (win.location.hash = hash) },
  addEventListener: () => undefined,
  api: {
    'licenses:list': (input: Call['input']) =>
      new Promise<Answer>((resolve) => calls.push({ input, answer: (total) => resolve({ ok: true, value: { total, rows: [] } }) })),
  },
};

// Imported once the window is in place: the route reads the hash when its module loads.
let searchList: typeof ListModule.searchList;
let queries: typeof QueriesModule.queries;
let queryClient: typeof QueriesModule.queryClient;
let BLOCK_SIZE: number;
let useRoute: typeof RouteModule.useRoute;

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = win;
  ({ searchList } = await import('../../../renderer/src/features/licenses/useLicenseList'));
  ({ queries, queryClient, BLOCK_SIZE } = await import('../../../renderer/src/api/queries'));
  ({ useRoute } = await import('../../../renderer/src/app/route'));
});
afterAll(() => delete (globalThis as { window?: unknown }).window);
beforeEach(() => {
  calls.length = 0;
  queryClient.clear();
});

const ASOF = '2026-11-26';
const listQuery = () => {
  const { route } = useRoute.getState();
  if (route.page !== 'licenses') throw new Error('not on the list');
  return route.query;
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a search keystroke', () => {
  it('puts the text in the route and asks for its first block at once, under the key the list reads', async () => {
    searchList('1040', ASOF);
    expect(win.location.hash).toBe('#/licenses?q=1040');
    expect(listQuery().search).toBe('1040');
    expect(calls.map((c) => [c.input.search, c.input.offset, c.input.limit])).toEqual([['1040', 0, BLOCK_SIZE]]);

    calls[0]!.answer(7);
    await settle();
    // The list's own entry for the route's query ({ ...query, asOf }) holds the answer: it sends nothing more.
    expect(queryClient.getQueryData(queries.listHead({ ...listQuery(), asOf: ASOF }).queryKey)).toMatchObject({ total: 7 });
  });

  it('sends nothing while a first block is on its way: the list sends the text typed meanwhile when it is in', async () => {
    searchList('104', ASOF);
    searchList('1040', ASOF);
    searchList('10401', ASOF);
    expect(calls.map((c) => c.input.search)).toEqual(['104']);
    expect(listQuery().search).toBe('10401');
    calls[0]!.answer(3);
    await settle();
    searchList('104012', ASOF);
    expect(calls.map((c) => c.input.search)).toEqual(['104', '104012']);
  });

  it('asks with the text as the route keeps it (cut to 200 characters)', () => {
    searchList('x'.repeat(250), ASOF);
    expect(calls[0]!.input.search).toBe('x'.repeat(200));
  });
});
