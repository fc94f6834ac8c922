import type { LicenseFilters } from '../../../../shared/domain/query';
import { useRoute, type LicenseListQuery } from '../../app/route';

/**
 * Changes the list's query in the route (the one place it lives), in the same history entry, so Back
 * leaves the list rather than undoing each filter.
 */
export function updateListQuery(patch: Partial<LicenseListQuery>): void {
  const { route, replace } = useRoute.getState();
  if (route.page !== 'licenses') return;
  replace({ page: 'licenses', query: { ...route.query, ...patch } });
}

export function updateFilters(patch: Partial<LicenseFilters>): void {
  const { route } = useRoute.getState();
  if (route.page === 'licenses') updateListQuery({ filters: { ...route.query.filters, ...patch } });
}
