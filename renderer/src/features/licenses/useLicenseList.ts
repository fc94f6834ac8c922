import { keepPreviousData, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { LicenseItem } from '../../../../shared/domain/license';
import type { LicenseView, ProjectGroup } from '../../../../shared/domain/query';
import { BLOCK_SIZE, queries, queryClient } from '../../api/queries';
import { useRoute, type LicenseListQuery } from '../../app/route';
import { updateListQuery } from './list-route';

export interface LicenseList {
  /** The view the rows on screen belong to (lags the route's while the next answer is on its way). */
  view: LicenseView | null;
  total: number | null;
  groups: ProjectGroup[];
  blocks: Record<number, LicenseItem[]>;
  error: string | null;
  /** The table reports the rows it shows; their blocks are fetched. */
  ensureRange(start: number, end: number): void;
}

const NO_GROUPS: ProjectGroup[] = [];

/** The blocks' rows and first error; TanStack keeps the result's identity while no block changes. */
const combineBlocks = (results: UseQueryResult<LicenseItem[]>[]) => ({ rows: results.map((r) => r.data), error: results.find((r) => r.error)?.error ?? null });

/**
 * Holds `value` back while `busy`, then jumps to the latest one: a burst of search keystrokes sends
 * the first at once and then one query with the text typed meanwhile, not one query per key.
 */
function useCoalesced<T>(value: T, busy: boolean, same: (a: T, b: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  if (!busy && !same(settled, value)) {
    setSettled(value);
    return value;
  }
  return settled;
}

const sameView = (a: LicenseView, b: LicenseView) => JSON.stringify(a) === JSON.stringify(b);

const isListHead = (key: readonly unknown[]) => key[0] === 'licenses' && key[1] === 'list' && key[3] === 'head';

/**
 * A search keystroke: the text goes into the route, and its first block is asked for at once,
 * before React renders the keystroke (which the list would otherwise wait for, to send it from an
 * effect). Only while no first block is on its way, as the list's own coalescing does: with one in
 * flight the list sends the text typed meanwhile when that answer is in. The list then finds the
 * entry already fetching under the same key and sends nothing more.
 */
export function searchList(search: string, asOf: string): void {
  updateListQuery({ search });
  const { route } = useRoute.getState();
  if (route.page !== 'licenses') return;
  if (queryClient.isFetching({ predicate: (q) => isListHead(q.queryKey) }) > 0) return;
  void queryClient.prefetchQuery(queries.listHead({ ...route.query, asOf }));
}

/**
 * The license list for the route's query, from the cache: the first block with the total and groups
 * (one entry, so they change together), then the blocks the table scrolls to. While a new query's
 * first block is on its way the previous rows stay on screen and are swapped in one render.
 */
export function useLicenseList(query: LicenseListQuery, asOf: string): LicenseList {
  const wanted = useMemo<LicenseView>(() => ({ ...query, asOf }), [query, asOf]);
  const [busy, setBusy] = useState(false);
  const requested = useCoalesced(wanted, busy, sameView);
  const head = useQuery({ ...queries.listHead(requested), placeholderData: keepPreviousData });
  const fetchingHead = head.isFetching && (head.isPlaceholderData || head.data === undefined);
  if (fetchingHead !== busy) setBusy(fetchingHead);

  const shown = head.data;
  const [range, setRange] = useState({ first: 0, last: 0 });
  const lastBlock = shown ? Math.max(0, Math.ceil(shown.total / BLOCK_SIZE) - 1) : 0;
  const blockNumbers: number[] = [];
  for (let b = Math.max(1, range.first); b <= Math.min(range.last, lastBlock); b++) blockNumbers.push(b);
  const rest = useQueries({
    // Only the rows on screen are fetched, and only for the query they belong to (not a placeholder's).
    queries: shown ? blockNumbers.map((b) => ({ ...queries.listBlock(shown.view, b), enabled: !head.isPlaceholderData })) : [],
    combine: combineBlocks,
  });

  // One record per change of rows, so the table re-renders when rows arrive, not on every keystroke.
  const first = blockNumbers[0] ?? 0;
  const blocks = useMemo(() => {
    const out: Record<number, LicenseItem[]> = {};
    if (shown) out[0] = shown.rows;
    rest.rows.forEach((rows, i) => {
      if (rows) out[first + i] = rows;
    });
    return out;
  }, [shown, rest.rows, first]);

  const ensureRange = useCallback((start: number, end: number) => {
    const first = Math.floor(start / BLOCK_SIZE);
    const last = Math.floor(end / BLOCK_SIZE);
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);

  const error = (head.error ?? rest.error)?.message ?? null;
  return useMemo(
    () => ({ view: shown?.view ?? null, total: shown?.total ?? null, groups: shown?.groups ?? NO_GROUPS, blocks, error, ensureRange }),
    [shown, blocks, error, ensureRange],
  );
}

export function rowAt(blocks: Record<number, LicenseItem[]>, index: number): LicenseItem | undefined {
  return blocks[Math.floor(index / BLOCK_SIZE)]?.[index % BLOCK_SIZE];
}
