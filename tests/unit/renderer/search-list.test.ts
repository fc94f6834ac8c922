import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
const listeners = new Map<string, () => void>();
const win = {
  location: { hash: '#/licenses' },
  history: { state: null, replaceState: (_s: unknown, _t: string, hash: string) => (win.location.hash = hash) },
  addEventListener: (name: string, listener: () => void) => listeners.set(name, listener),
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
let ADDRESS_BAR_DELAY_MS: number;

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = win;
  ({ searchList } = await import('../../../renderer/src/features/licenses/useLicenseList'));
  ({ queries, queryClient, BLOCK_SIZE } = await import('../../../renderer/src/api/queries'));
  ({ useRoute, ADDRESS_BAR_DELAY_MS } = await import('../../../renderer/src/app/route'));
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

describe('the address bar', () => {
  const wait = (ms: number) => vi.advanceTimersByTime(ms);
  beforeEach(() => {
    vi.useFakeTimers();
    useRoute.getState().replace({ page: 'licenses', query: { ...listQuery(), search: '' } });
    vi.runAllTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('follows the typed text once typing pauses, not on every keystroke', () => {
    const writes: string[] = [];
    const write = win.history.replaceState;
    win.history.replaceState = (s, t, hash) => {
      writes.push(hash);
      return write(s, t, hash);
    };
    try {
      for (const text of ['1', '10', '104']) {
        searchList(text, ASOF);
        wait(ADDRESS_BAR_DELAY_MS / 3);
      }
      expect(listQuery().search).toBe('104');
      expect(writes).toEqual([]);
      wait(ADDRESS_BAR_DELAY_MS);
      expect(writes).toEqual(['#/licenses?q=104']);
      expect(win.location.hash).toBe('#/licenses?q=104');
    } finally {
      win.history.replaceState = write;
    }
  });

  it('is written before going to another page, so Back returns to the list as it was', () => {
    searchList('1040', ASOF);
    let left = '';
    const location = win.location;
    win.location = {
      get hash() {
        return location.hash;
      },
      set hash(next: string) {
        left = location.hash;
        location.hash = next;
      },
    };
    try {
      useRoute.getState().go({ page: 'license', id: 7 });
      expect(left).toBe('#/licenses?q=1040');
      expect(win.location.hash).toBe('#/licenses/7');
    } finally {
      win.location = location;
    }
  });

  it('is written when a link is clicked, and dropped when Back moves to another entry', () => {
    searchList('10401', ASOF);
    listeners.get('click')!();
    expect(win.location.hash).toBe('#/licenses?q=10401');

    searchList('104012', ASOF);
    win.location.hash = '#/projects';
    listeners.get('hashchange')!();
    wait(ADDRESS_BAR_DELAY_MS);
    expect(win.location.hash).toBe('#/projects');
    expect(useRoute.getState().route.page).toBe('projects');
  });
});
