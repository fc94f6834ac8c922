import type { UseQueryResult } from '@tanstack/react-query';

/** A section's server data: loading until the first answer, then the value or what went wrong. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** A cache entry as a section shows it: a refetch keeps the last value on screen. */
export function loadable<T>(q: UseQueryResult<T>): Loadable<T> {
  if (q.data !== undefined) return { state: 'ready', value: q.data };
  if (q.error) return { state: 'error', message: q.error.message };
  return { state: 'loading' };
}
